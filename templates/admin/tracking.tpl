{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_TRK_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <form method="post" action="/admin/tracking" class="stack adm-form" id="tracking-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset class="stack"{{#ERR_staff_name}} aria-invalid="true" aria-describedby="staff-name-err"{{/ERR_staff_name}}>
      <legend>{{A_TRK_NAME}}</legend>
      {{#MODE}}<label class="adm-check"><input type="radio" name="staff_name" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <span>{{LABEL}} <span class="muted small">{{EXAMPLE}}</span></span></label>
      {{/MODE}}
      {{#ERR_staff_name}}<p class="field-error" id="staff-name-err">{{MSG}}</p>{{/ERR_staff_name}}
    </fieldset>
    <p class="hint">{{A_TRK_RULE}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
