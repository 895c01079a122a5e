{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/journey.css">
<div class="jr">
<section class="card">
  <p class="kb-back"><a href="/journeys/{{MAP_ID}}">← {{NAME}}</a></p>
  <h1>{{PAGE_TITLE}}{{J_COLON}}<span class="jr-snap-label">{{LABEL}}</span></h1>
  <p class="muted small">{{J_TAKEN}}{{J_COLON}}{{TAKEN_AT}} · {{TAKEN_BY}} · {{J_PERIOD}}{{J_COLON}}{{SNAP_FROM}} – {{SNAP_TO}}</p>
  <form method="get" action="/journeys/{{MAP_ID}}/snapshots/{{SNAP_ID}}" class="jr-period">
    <span>{{J_COMPARE_WITH}}</span>
    <label for="p-from">{{J_FROM}}</label> <input id="p-from" name="from" type="date" value="{{FROM}}">
    <label for="p-to">{{J_TO}}</label> <input id="p-to" name="to" type="date" value="{{TO}}">
    <button type="submit">{{J_SHOW}}</button>
  </form>
</section>
<div class="jr-compare">
{{#SSTAGE}}<section class="card jr-cstage">
  <h2>{{STAGE_NAME}}</h2>
  <p class="small">{{J_EMOTION}}{{J_COLON}}{{EMO_BEFORE}} → {{EMO_NOW}}</p>
  <table class="jr-ctable"><thead><tr><th>{{J_METRIC}}</th><th>{{J_BEFORE}}</th><th>{{J_NOW}}</th><th></th></tr></thead>
  <tbody>{{#SMETRIC}}<tr class="jr-cmp {{VERDICT_CLASS}}"><td>{{MLABEL}}<br><span class="muted small">{{J_TARGET}} {{TARGET}}</span></td><td>{{BEFORE}} <span class="muted small">n={{BEFORE_N}}</span></td><td>{{NOW}} <span class="muted small">n={{NOW_N}}</span></td><td><span class="badge jr-{{VERDICT_CLASS}}">{{VERDICT}}</span></td></tr>{{/SMETRIC}}</tbody></table>
  <ul class="jr-items">{{#SITEM}}<li class="jr-item ev-{{EV}}"><span class="jr-ev ev-{{EV}}" title="{{EV_LABEL}}">{{EV_MARK}}</span> <span class="muted small">{{LANE_NAME}}</span> {{BODY}}</li>{{/SITEM}}</ul>
</section>{{/SSTAGE}}
</div>
</div>
{{>LAYOUT_FOOT}}
