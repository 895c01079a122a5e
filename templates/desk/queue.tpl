{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="queue">
<div class="q-head">
  <h1>{{PAGE_TITLE}}</h1>
  {{#CAN_CREATE}}<a class="button primary" href="/desk/new">{{Q_NEW_TICKET}}</a>{{/CAN_CREATE}}
</div>
{{#TECH_NOTE}}<p class="muted small">{{Q_TECH_NOTE}}</p>{{/TECH_NOTE}}
{{#DRILL}}
<section class="card q-drill" aria-label="{{QD_FROM_METRIC}}">
  <p class="q-drill-what">{{QD_FROM_METRIC}}{{Q_COLON}}<b>{{METRIC}}</b> · <span class="q-drill-period">{{PERIOD}}</span>{{#SLICE}} · <span>{{TEXT}}</span>{{/SLICE}}</p>
  <p class="small">{{SET}} · {{QD_COUNT}} <b class="q-drill-n">{{N}}</b>{{#PER_ROWS}}<br><span class="muted">{{NOTE}}</span>{{/PER_ROWS}}</p>
  <p class="small q-drill-links">{{#OTHER}}<a href="{{HREF}}">{{LABEL}}</a> · {{/OTHER}}<a href="{{CLEAR}}">{{QD_CLEAR}}</a></p>
</section>
{{/DRILL}}

{{SUMMARY_HTML:none}}

{{#CONFIRM}}<p class="note ok flash" role="status">{{MSG}}</p><script src="/static/js/flash.js" defer></script>{{/CONFIRM}}
{{#BULK_DONE}}<div class="note ok flash q-bulk-done" role="status">
  <p>{{BEFORE}}<b class="q-bulk-n">{{N}}</b>{{AFTER}}{{#SAME}} <span class="q-bulk-same"><b>{{N}}</b>{{AFTER}}</span>{{/SAME}}</p>
  {{#REFUSED}}<p class="q-bulk-refused">{{MSG}} {{#TICKET}}<a href="{{HREF}}">{{NUMBER}}</a> {{/TICKET}}</p>{{/REFUSED}}
  {{#FAILED}}<p class="q-bulk-failed">{{MSG}} {{#TICKET}}<a href="{{HREF}}">{{NUMBER}}</a> {{/TICKET}}</p>{{/FAILED}}
</div><script src="/static/js/flash.js" defer></script>{{/BULK_DONE}}

{{FILTERS_HTML:none}}

{{#VIEWS}}
<section class="card q-views" aria-labelledby="q-views-h">
  <h2 id="q-views-h">{{QV_TITLE}}</h2>
  {{#NO_VIEWS}}<p class="muted small">{{QV_NONE}}</p>{{/NO_VIEWS}}
  <ul class="q-view-list">
    {{#VIEW}}<li class="q-view"><a href="{{HREF}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a>
      <form method="post" action="/desk/views/{{ID}}/delete" class="q-view-del">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="back" value="/desk/?{{CURRENT_QUERY}}">
        <button type="submit" class="link" aria-label="{{QV_DELETE_LABEL}} {{NAME}}">{{QV_DELETE}}</button>
      </form></li>{{/VIEW}}
  </ul>
  <form method="post" action="/desk/views" class="q-view-save">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#SAVE_FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/SAVE_FIELD}}
    <label for="v-name">{{QV_NAME}}</label>
    <input id="v-name" name="name" maxlength="60" required>
    <button type="submit">{{QV_SAVE}}</button>
  </form>
  <p class="muted small">{{QV_HINT}}</p>
</section>
{{/VIEWS}}

{{#BULK}}
<form id="bulk" method="post" action="/desk/bulk" class="card q-bulk" aria-labelledby="q-bulk-h">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="back" value="{{BACK}}">
{{BULK_HTML:none}}
</form>
{{/BULK}}

<section class="card q-results">
{{RESULTS_HTML:none}}
</section>
</div>
{{>LAYOUT_FOOT}}
