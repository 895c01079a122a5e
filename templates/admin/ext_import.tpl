{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <p class="adm-back"><a href="/admin/metrics/{{ID}}">← {{NAME}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{KEY}}</small></h1>
  <p>{{FILENAME}} · {{A_XP_ROWS}}: <strong id="import-rows">{{NROWS}}</strong> · {{A_XP_ERRORS}}: <strong id="import-errors">{{NERR}}</strong></p>
  {{#FILE_ERROR}}<p class="note bad" role="alert">{{MSG}} {{A_XP_FIX_AND_RETRY}}</p>{{/FILE_ERROR}}
  {{#DONE}}<p class="note ok" role="status">{{A_XP_DONE}}</p>{{/DONE}}
  {{#HAS_ERRORS}}<p class="note bad" role="alert">{{A_XP_FIX_AND_RETRY}}</p>
  <table class="list" id="row-errors">
    <thead><tr><th scope="col">{{A_XP_LINE}}</th><th scope="col">{{A_XP_FIELD}}</th><th scope="col">{{A_XP_PROBLEM}}</th></tr></thead>
    <tbody>{{#ROW_ERROR}}<tr><td>{{LINE}}</td><td><code>{{FIELD}}</code></td><td>{{MSG}}</td></tr>{{/ROW_ERROR}}</tbody>
  </table>{{/HAS_ERRORS}}
  {{#CAN_CONFIRM}}
  <form method="post" action="/admin/metrics/{{ID}}/imports/{{IMPORT_ID}}/confirm" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">{{A_XP_CONFIRM_HINT}}</p>
    <button type="submit" class="primary">{{A_XP_CONFIRM}}</button>
  </form>
  {{/CAN_CONFIRM}}
  <table class="list" id="preview-rows">
    <thead><tr><th scope="col">{{A_XP_LINE}}</th><th scope="col">at</th><th scope="col">value</th>
      <th scope="col">category</th><th scope="col">team</th><th scope="col">channel</th></tr></thead>
    <tbody>{{#ROW}}<tr><td>{{LINE}}</td><td>{{AT}}</td><td class="num">{{VALUE}}</td><td>{{CATEGORY}}</td><td>{{TEAM}}</td><td>{{CHANNEL}}</td></tr>{{/ROW}}</tbody>
  </table>
  {{#MORE_ROWS}}<p class="muted">{{A_XP_MORE_ROWS}}</p>{{/MORE_ROWS}}
</section>
{{>LAYOUT_FOOT}}
