{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<p class="kb-back"><a href="/okr/">← {{O_BOARD}}</a></p>
<section class="card">
  <h1>{{O_CYCLES}}</h1>
  <table class="list cycle-list"><thead><tr><th scope="col">{{O_CYCLE}}</th><th scope="col">{{O_PERIOD}}</th><th scope="col">{{O_STATUS}}</th><th scope="col"></th></tr></thead>
  <tbody>{{#CYCLE}}<tr><td data-label="{{O_CYCLE}}"><a href="/okr/?cycle={{CYCLE_ID}}">{{CYCLE_NAME}}</a></td><td data-label="{{O_PERIOD}}">{{CYCLE_FROM}} – {{CYCLE_TO}}</td><td data-label="{{O_STATUS}}"><span class="badge cycle-{{CYCLE_STATE}}">{{CYCLE_STATE_LABEL}}</span></td>
  <td class="cycle-actions">{{#CAN_CLOSE}}<form method="post" action="/okr/cycles/{{CYCLE_ID}}/close" class="inline close-cycle"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{CYCLE_VERSION}}"><button type="submit">{{O_CLOSE_CYCLE}}</button></form>{{/CAN_CLOSE}}
  {{#CAN_CARRY}}<form method="post" action="/okr/cycles/{{CYCLE_ID}}/carry" class="inline carry-cycle"><input type="hidden" name="csrf" value="{{CSRF}}"><label>{{O_CARRY_FROM}} <select name="from">{{#CARRY_OPTION}}<option value="{{OPT_ID}}">{{OPT_NAME}}</option>{{/CARRY_OPTION}}</select></label> <button type="submit">{{O_CARRY}}</button></form>{{/CAN_CARRY}}</td></tr>{{/CYCLE}}</tbody></table>
  <p class="muted small">{{O_CLOSE_HELP}}</p>
</section>
{{#MANAGER}}
<section class="card okr-form" aria-labelledby="h-new-cycle">
  <h2 id="h-new-cycle">{{O_NEW_CYCLE}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{O_FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/okr/cycles" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">{{O_F_NAME}}</label>
    <input id="name" name="name" maxlength="64" value="{{VAL_name}}" placeholder="2027 Q1" required{{#ERR_name}} aria-invalid="true" aria-describedby="name-err"{{/ERR_name}}>
    {{#ERR_name}}<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}
    <label for="kind">{{O_F_KIND}}</label>
    <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/KIND_OPTION}}</select>
    {{#ERR_kind}}<p class="field-error">{{MSG}}</p>{{/ERR_kind}}
    <label for="starts_on">{{O_F_STARTS}}</label>
    <input id="starts_on" name="starts_on" type="date" value="{{VAL_starts_on}}" required{{#ERR_starts_on}} aria-invalid="true" aria-describedby="starts_on-err"{{/ERR_starts_on}}>
    {{#ERR_starts_on}}<p class="field-error" id="starts_on-err">{{MSG}}</p>{{/ERR_starts_on}}
    <label for="ends_on">{{O_F_ENDS}}</label>
    <input id="ends_on" name="ends_on" type="date" value="{{VAL_ends_on}}" required{{#ERR_ends_on}} aria-invalid="true" aria-describedby="ends_on-err"{{/ERR_ends_on}}>
    {{#ERR_ends_on}}<p class="field-error" id="ends_on-err">{{MSG}}</p>{{/ERR_ends_on}}
    <label for="state">{{O_STATUS}}</label>
    <select id="state" name="state">{{#STATE_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/STATE_OPTION}}</select>
    {{#ERR_state}}<p class="field-error">{{MSG}}</p>{{/ERR_state}}
    <button type="submit" class="primary">{{O_CREATE}}</button>
  </form>
</section>
{{/MANAGER}}
</div>
{{>LAYOUT_FOOT}}
