{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<nav class="okr-tabs" aria-label="OKR">
  <a href="/okr/">{{O_BOARD}}</a>
  <a href="/okr/?mine=1">{{O_MINE}}</a>
  <a href="/okr/weekly">{{O_WEEKLY}}</a>
  <a href="/okr/kpi" aria-current="page">{{O_KPI}}</a>
  <a href="/okr/cycles">{{O_CYCLES}}</a>
</nav>
<section class="card">
  <h1>{{O_KPI}}</h1>
  <p class="muted">{{O_KPI_HELP}}</p>
  <form method="get" action="/okr/kpi" class="okr-filter kpi-form">
    <span class="kpi-field"><label for="metric">{{O_F_METRIC}}</label>
    <select id="metric" name="metric">{{#METRIC_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/METRIC_OPTION}}</select></span>
    <span class="kpi-field"><label for="threshold">{{O_THRESHOLD}}</label>
    <input id="threshold" name="threshold" inputmode="decimal" size="6" value="{{VAL_threshold}}"></span>
    {{#LEVEL}}<span class="kpi-field"><label for="by{{L}}">{{O_LEVEL}} {{L}}</label>
    <select id="by{{L}}" name="by{{L}}"><option value="">—</option>{{#DIM_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/DIM_OPTION}}</select></span>
    {{/LEVEL}}
    <button type="submit">{{O_SHOW}}</button>
  </form>
  <p class="muted small">{{METRIC_LABEL}} · {{O_PERIOD}} {{PERIOD}} · {{DIRECTION}}</p>
</section>
<section class="card kpi-tree" aria-label="{{O_KPI}}">
  {{#NODE}}<div class="kpi-node {{MEETS}} depth-{{DEPTH}}">
    <span class="kpi-label"><span class="muted small">{{DIM_LABEL}}</span> <strong>{{LABEL}}</strong></span>
    <span class="kpi-value" data-n="{{N}}">{{VALUE}}</span>
    <span class="badge kpi-{{MEETS}}">{{MEETS_LABEL}}</span>
    <span class="muted small">n = {{N}}</span>
    {{#DRILL}}<a class="drill" href="{{HREF}}">{{O_TICKETS}}</a>{{/DRILL}}
    <a class="make-kr" href="{{KR_HREF}}">{{O_MAKE_KR}}</a>
  </div>{{/NODE}}
  {{#TRUNCATED}}<p class="note warn">{{O_KPI_TRUNCATED}}</p>{{/TRUNCATED}}
</section>
</div>
{{>LAYOUT_FOOT}}
