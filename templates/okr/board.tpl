{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<nav class="okr-tabs" aria-label="OKR">
  <a href="/okr/" aria-current="page">{{O_BOARD}}</a>
  <a href="/okr/?mine=1">{{O_MINE}}</a>
  <a href="/okr/weekly">{{O_WEEKLY}}</a>
  <a href="/okr/kpi">{{O_KPI}}</a>
  <a href="/okr/cycles">{{O_CYCLES}}</a>
</nav>
{{#NO_CYCLE}}<section class="card"><h1>{{O_BOARD_TITLE}}</h1><p class="muted">{{O_NO_CYCLE}}</p>{{#MANAGER}}<p><a class="button primary" href="/okr/cycles">{{O_NEW_CYCLE}}</a></p>{{/MANAGER}}</section>{{/NO_CYCLE}}
{{#HAS_CYCLE}}
<section class="card okr-head">
  <h1>{{O_BOARD_TITLE}} · <span class="cycle-name">{{CYCLE_NAME}}</span> <span class="badge cycle-{{CYCLE_STATE}}">{{CYCLE_STATE_LABEL}}</span></h1>
  <p class="muted">{{CYCLE_FROM}} – {{CYCLE_TO}} · {{O_ELAPSED}} {{ELAPSED_PCT}}%{{#MINE}} · {{O_MINE}}{{/MINE}}</p>
  {{#COMPANY}}<div class="okr-score company-score"><span class="label">{{O_COMPANY_SCORE}}</span> <strong class="score band-{{BAND}}" data-score="{{SCORE}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span></div>{{/COMPANY}}
  <form method="get" action="/okr/" class="okr-filter">
    <input type="hidden" name="cycle" value="{{CYCLE_ID}}">
    <label for="team">{{O_TEAM}}</label>
    <select id="team" name="team"><option value="">{{O_ALL_TEAMS}}</option>{{#TEAM_FILTER}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/TEAM_FILTER}}</select>
    <button type="submit">{{O_SHOW}}</button>
  </form>
  <p class="okr-actions">{{#MANAGER}}{{#CYCLE_OPEN}}<a class="button primary" href="/okr/objectives/new?cycle={{CYCLE_ID}}">{{O_NEW_OBJECTIVE}}</a> {{/CYCLE_OPEN}}{{/MANAGER}}<a class="button" href="/okr/board.csv?cycle={{CYCLE_ID}}">CSV</a>
  {{#CYCLE_LINK}}<a class="cycle-link" href="/okr/?cycle={{ID}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a> {{/CYCLE_LINK}}</p>
</section>

<section aria-labelledby="h-tree">
<h2 id="h-tree">{{O_TREE}}</h2>
{{#NO_OBJECTIVES}}<p class="muted card">{{O_NO_OBJECTIVES}}</p>{{/NO_OBJECTIVES}}
{{#OBJ}}
<article class="card okr-obj depth-{{DEPTH}}" id="o{{ID}}">
  <header class="okr-obj-head">
    <h3><a href="/okr/objectives/{{ID}}">{{TITLE}}</a></h3>
    <p class="muted small"><span class="badge">{{LEVEL_LABEL}}</span> {{TEAM}} · {{O_OWNER}}{{O_COLON}}{{OWNER}}{{#NO_OWNER}} <span class="badge bad">{{O_NO_OWNER}}</span>{{/NO_OWNER}}</p>
    <div class="okr-score"><strong class="score band-{{BAND}}" data-score="{{SCORE}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span></div>
  </header>
  {{#NO_KRS}}<p class="muted small">{{O_NO_KRS}}</p>{{/NO_KRS}}
  <ul class="okr-krs">
  {{#KR}}<li class="okr-kr"><a href="/okr/krs/{{ID}}">{{TITLE}}</a> <span class="muted small">{{TYPE_LABEL}} · {{SOURCE_LABEL}}</span>
    <span class="kr-figures"><span class="kr-current">{{CURRENT}}</span> → {{TARGET}}{{UNIT}}</span>
    <span class="okr-score"><strong class="score band-{{BAND}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span>{{#STALE}} <span class="badge warn">{{O_STALE}}</span>{{/STALE}}</span></li>
  {{/KR}}
  </ul>
</article>
{{/OBJ}}
</section>

<section class="card" aria-labelledby="h-teams">
  <h2 id="h-teams">{{O_TEAMS}}</h2>
  <table class="list okr-teams"><thead><tr><th scope="col">{{O_TEAM}}</th><th scope="col">{{O_SCORE}}</th><th scope="col">{{O_STATUS}}</th></tr></thead>
  <tbody>{{#TEAM_ROW}}<tr><td data-label="{{O_TEAM}}"><a href="/okr/?cycle={{CYCLE_ID}}&amp;team={{TEAM_ID}}">{{TEAM_NAME}}</a></td><td data-label="{{O_SCORE}}"><strong class="score band-{{BAND}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg></td><td data-label="{{O_STATUS}}"><span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>{{/TEAM_ROW}}</tbody></table>
</section>

<section class="card okr-attention" aria-labelledby="h-att">
  <h2 id="h-att">{{O_ATTENTION}}</h2>
  <h3>{{O_STALE_KRS}}</h3>
  <ul class="stale-krs">{{#STALE_KR}}<li><a href="/okr/krs/{{ID}}">{{TITLE}}</a> <span class="muted small">{{OWNER}}</span></li>{{/STALE_KR}}</ul>
  <h3>{{O_UNOWNED}}</h3>
  <ul class="unowned">{{#UNOWNED}}<li><a href="/okr/objectives/{{ID}}">{{TITLE}}</a></li>{{/UNOWNED}}</ul>
</section>
{{/HAS_CYCLE}}
</div>
{{>LAYOUT_FOOT}}
