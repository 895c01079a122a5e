{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="jr">
<section class="card">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted">{{J_LIST_INTRO}}</p>
  <p class="jr-tabs">{{#SHOWING_LIVE}}<strong>{{J_LIVE}}</strong> · <a href="/journeys/?archived=1">{{J_ARCHIVED}}</a>{{/SHOWING_LIVE}}{{#SHOWING_ARCHIVED}}<a href="/journeys/">{{J_LIVE}}</a> · <strong>{{J_ARCHIVED}}</strong>{{/SHOWING_ARCHIVED}}</p>
  {{#NO_MAPS}}<p class="muted">{{J_NO_MAPS}}</p>{{/NO_MAPS}}
  <div class="table-scroll">
  <table class="list jr-list">
    <thead><tr><th>{{J_NAME}}</th><th>{{J_PERSONA}}</th><th>{{J_SCOPE}}</th><th>{{J_KIND}}</th><th>{{J_STAGES_OFF}}</th><th>{{J_OWNER}}</th><th>{{J_LAST_CHANGE}}</th>{{#CAN_EDIT}}<th></th>{{/CAN_EDIT}}</tr></thead>
    <tbody>
    {{#MAP}}<tr class="jr-row" data-id="{{ID}}">
      <td><a href="/journeys/{{ID}}" class="jr-map-link">{{NAME}}</a></td>
      <td data-label="{{J_PERSONA}}">{{PERSONA}}</td>
      <td data-label="{{J_SCOPE}}">{{SCOPE}}</td>
      <td data-label="{{J_KIND}}"><span class="badge jr-{{KIND_CLASS}}">{{KIND}}</span></td>
      <td data-label="{{J_STAGES_OFF}}">{{#IS_OFF}}<span class="badge bad">{{/IS_OFF}}{{OFF}} / {{STAGES}}{{#IS_OFF}}</span>{{/IS_OFF}}</td>
      <td data-label="{{J_OWNER}}">{{OWNER}}</td>
      <td data-label="{{J_LAST_CHANGE}}">{{UPDATED}}</td>
      {{#CAN_EDIT}}{{/CAN_EDIT}}{{#CAN_ARCHIVE}}<td class="jr-actions">
        <form method="post" action="/journeys/{{ID}}/copy" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="jr-copy">{{J_DUPLICATE}}</button></form>
        <form method="post" action="/journeys/{{ID}}/archive" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" name="op" value="archive" class="jr-archive">{{J_ARCHIVE}}</button></form>
      </td>{{/CAN_ARCHIVE}}{{#CAN_RESTORE}}<td class="jr-actions">
        <form method="post" action="/journeys/{{ID}}/archive" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" name="op" value="restore" class="jr-restore">{{J_RESTORE}}</button></form>
      </td>{{/CAN_RESTORE}}
    </tr>{{/MAP}}
    </tbody>
  </table>
  </div>
</section>
{{#CAN_EDIT}}<section class="card">
  <h2>{{J_NEW_MAP}}</h2>
  <form method="post" action="/journeys/new" class="stack" id="new-map">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="new-template">{{J_TEMPLATE}}</label>
    <select id="new-template" name="template">
      <option value="repair">{{J_TPL_repair}}</option>
      <option value="membership">{{J_TPL_membership}}</option>
      <option value="blank">{{J_TPL_blank}}</option>
    </select>
    <label for="new-name">{{J_NAME}} <span class="opt">{{J_OPTIONAL}}</span></label>
    <input id="new-name" name="name" maxlength="100">
    <button type="submit" class="primary" id="new-submit">{{J_CREATE}}</button>
  </form>
</section>{{/CAN_EDIT}}
</div>
{{>LAYOUT_FOOT}}
