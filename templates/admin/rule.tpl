{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="adm-back"><a href="/admin/rules">← {{A_BACK}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{RULE_PHRASE}}</small></h1>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/rules/{{ID}}" class="stack adm-form">
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
    <label class="adm-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}} aria-describedby="active-hint"> {{A_ACTIVE}}</label>
    {{#ERR_active}}<p class="field-error">{{MSG}}</p>{{/ERR_active}}
    <p class="hint" id="active-hint">{{A_RULE_ACTIVE_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
