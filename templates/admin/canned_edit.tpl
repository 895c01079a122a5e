{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="adm-back"><a href="/admin/canned">← {{A_BACK}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{CANNED_NAME}}</small></h1>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/canned/{{ID}}" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="title">{{A_CANNED_NAME}}</label>
    <input id="title" name="title" value="{{VAL_title}}" maxlength="100" required aria-describedby="title-hint{{#ERR_title}} title-err{{/ERR_title}}"{{#ERR_title}} aria-invalid="true"{{/ERR_title}}>
    {{#ERR_title}}<p class="field-error" id="title-err">{{MSG}}</p>{{/ERR_title}}
    <p class="hint" id="title-hint">{{A_CANNED_NAME_HINT}}</p>
    <label for="body">{{A_CANNED_BODY}}</label>
    <textarea id="body" name="body" rows="6" maxlength="4000" required aria-describedby="body-hint{{#ERR_body}} body-err{{/ERR_body}}"{{#ERR_body}} aria-invalid="true"{{/ERR_body}}>{{VAL_body:pre_escape}}</textarea>
    {{#ERR_body}}<p class="field-error" id="body-err">{{MSG}}</p>{{/ERR_body}}
    <p class="hint" id="body-hint">{{A_CANNED_PH_HINT}}<code>{{PH_CUSTOMER}}</code> {{A_CANNED_PH_CUSTOMER}}{{A_CANNED_PH_SEP}}<code>{{PH_TICKET}}</code> {{A_CANNED_PH_TICKET}}</p>
    <label class="adm-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}} aria-describedby="active-hint"> {{A_ACTIVE}}</label>
    {{#ERR_active}}<p class="field-error">{{MSG}}</p>{{/ERR_active}}
    <p class="hint" id="active-hint">{{A_CANNED_ACTIVE_HINT}}</p>
    <button type="submit" class="primary" id="canned-save">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
