{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_RULES_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <table class="list">
    <thead><tr><th scope="col">{{A_RULE_PHRASE}}</th><th scope="col">{{A_RULE_RAISE}}</th>
      <th scope="col">{{A_RULE_FLAGS}}</th><th scope="col">{{A_ACTIVE}}</th>
      <th scope="col">{{A_CREATED_AT}}</th>
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#RULE}}<tr>
      <td class="adm-strong">{{PHRASE}}</td>
      <td data-label="{{A_RULE_RAISE}}">{{#RAISE}}<span class="badge pr-{{PRIORITY}}">{{LABEL}}</span>{{/RAISE}}{{#NO_RAISE}}<span class="muted">—</span>{{/NO_RAISE}}</td>
      <td data-label="{{A_RULE_FLAGS}}">{{FLAGS}}</td>
      <td class="adm-inl">{{#IS_ACTIVE}}<span class="badge ok">{{A_ACTIVE}}</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge">{{A_INACTIVE}}</span>{{/IS_INACTIVE}}</td>
      <td data-label="{{A_CREATED_AT}}">{{CREATED}}</td>
      <td class="adm-act adm-inl">
        <a href="/admin/rules/{{ID}}">{{A_EDIT}}</a>
        {{#IS_ACTIVE}}<form method="post" action="/admin/rules/{{ID}}/deactivate" class="inline">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button type="submit" class="link">{{A_RULE_DEACTIVATE}}</button>
        </form>{{/IS_ACTIVE}}
      </td>
    </tr>{{/RULE}}
    </tbody>
  </table>
  {{#NO_RULES}}<p class="muted">{{A_EMPTY}}</p>{{/NO_RULES}}
</section>
<section class="card adm" id="add">
  <h2>{{A_RULE_ADD}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/rules" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="phrase">{{A_RULE_PHRASE}}</label>
    <input id="phrase" name="phrase" value="{{VAL_phrase}}" maxlength="100" required aria-describedby="phrase-hint{{#ERR_phrase}} phrase-err{{/ERR_phrase}}"{{#ERR_phrase}} aria-invalid="true"{{/ERR_phrase}}>
    {{#ERR_phrase}}<p class="field-error" id="phrase-err">{{MSG}}</p>{{/ERR_phrase}}
    <p class="hint" id="phrase-hint">{{A_RULE_PHRASE_HINT}}</p>
    <label for="raise_priority">{{A_RULE_RAISE}}</label>
    <select id="raise_priority" name="raise_priority"{{#ERR_raise_priority}} aria-invalid="true" aria-describedby="raise_priority-err"{{/ERR_raise_priority}}>
      <option value="">{{A_RULE_RAISE_NONE}}</option>
      {{#PRIORITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_OPTION}}
    </select>
    {{#ERR_raise_priority}}<p class="field-error" id="raise_priority-err">{{MSG}}</p>{{/ERR_raise_priority}}
    <button type="submit" class="primary">{{A_CREATE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
