{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr weekly">
<nav class="okr-tabs" aria-label="OKR">
  <a href="/okr/">{{O_BOARD}}</a>
  <a href="/okr/?mine=1">{{O_MINE}}</a>
  <a href="/okr/weekly" aria-current="page">{{O_WEEKLY}}</a>
  <a href="/okr/kpi">{{O_KPI}}</a>
  <a href="/okr/cycles">{{O_CYCLES}}</a>
</nav>
<section class="card">
  <h1>{{O_WEEKLY}} <span class="week">{{WEEK_FROM}} – {{WEEK_TO}}</span></h1>
  <p class="okr-actions"><a href="/okr/weekly?week={{PREV_WEEK}}{{#HAS_CYCLE}}&amp;cycle={{CYCLE_ID}}{{/HAS_CYCLE}}">← {{O_PREV_WEEK}}</a> <a href="/okr/weekly?week={{NEXT_WEEK}}{{#HAS_CYCLE}}&amp;cycle={{CYCLE_ID}}{{/HAS_CYCLE}}">{{O_NEXT_WEEK}} →</a></p>
  {{#HAS_CYCLE}}<p class="muted">{{O_CYCLE}}{{O_COLON}}{{CYCLE_NAME}} ({{CYCLE_FROM}} – {{CYCLE_TO}})</p>{{/HAS_CYCLE}}
</section>
<section class="card" aria-labelledby="h-svc">
  <h2 id="h-svc">{{O_SERVICE_METRICS}}</h2>
  <table class="list service-metrics"><thead><tr><th scope="col">{{O_F_METRIC}}</th><th scope="col">{{O_THIS_WEEK}}</th><th scope="col">{{O_LAST_WEEK}}</th><th scope="col"></th></tr></thead>
  <tbody>{{#SERVICE}}<tr id="svc-{{KEY}}"><td data-label="{{O_F_METRIC}}">{{LABEL}}</td><td data-label="{{O_THIS_WEEK}}" class="cur" data-value="{{CUR_NUM}}">{{CUR}}</td><td data-label="{{O_LAST_WEEK}}">{{PREV}}</td><td class="trend-{{GOOD}}">{{TREND}}</td></tr>{{/SERVICE}}</tbody></table>
</section>
{{#HAS_CYCLE}}
<section class="card" aria-labelledby="h-moved">
  <h2 id="h-moved">{{O_MOVED}} ({{N_MOVED}})</h2>
  <ul class="moved">{{#MOVED}}<li><a href="/okr/krs/{{ID}}">{{TITLE}}</a> <span class="kr-move">{{FROM}} → {{TO}}</span> <strong class="score band-{{BAND}}">{{SCORE}}</strong> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span></li>{{/MOVED}}</ul>
</section>
<section class="card" aria-labelledby="h-off">
  <h2 id="h-off">{{O_OFF_TRACK}} ({{N_OFF}})</h2>
  <ul class="off-track">{{#OFF}}<li><a href="/okr/krs/{{ID}}">{{TITLE}}</a> <span class="muted small">{{OWNER}}</span> <strong class="score band-{{BAND}}">{{SCORE}}</strong></li>{{/OFF}}</ul>
</section>
<section class="card" aria-labelledby="h-missing">
  <h2 id="h-missing">{{O_MISSING}} ({{N_MISSING}})</h2>
  <ul class="missing">{{#MISSING}}<li><a href="/okr/krs/{{ID}}">{{TITLE}}</a> <span class="muted small">{{OWNER}}</span></li>{{/MISSING}}</ul>
</section>
{{/HAS_CYCLE}}
</div>
{{>LAYOUT_FOOT}}
