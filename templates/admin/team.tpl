{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="adm-back"><a href="/admin/teams">← {{A_BACK}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{TEAM_NAME}}</small></h1>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/teams/{{ID}}" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">{{A_TEAM_NAME}}</label>
    <input id="name" name="name" value="{{VAL_name}}" maxlength="100" required{{#ERR_name}} aria-invalid="true" aria-describedby="name-err"{{/ERR_name}}>
    {{#ERR_name}}<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}
    <label for="region">{{A_TEAM_REGION}} <span class="opt">{{A_OPTIONAL}}</span></label>
    <input id="region" name="region" value="{{VAL_region}}" maxlength="100" aria-describedby="region-hint{{#ERR_region}} region-err{{/ERR_region}}"{{#ERR_region}} aria-invalid="true"{{/ERR_region}}>
    {{#ERR_region}}<p class="field-error" id="region-err">{{MSG}}</p>{{/ERR_region}}
    <p class="hint" id="region-hint">{{A_TEAM_REGION_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
