{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <table class="list">
    <thead><tr><th scope="col">{{A_TEAM_NAME}}</th><th scope="col">{{A_TEAM_REGION}}</th>
      <th scope="col">{{A_TEAM_MEMBERS}}</th><th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#TEAM}}<tr>
      <td class="adm-strong">{{NAME}}</td>
      <td data-label="{{A_TEAM_REGION}}">{{REGION}}</td>
      <td data-label="{{A_TEAM_MEMBERS}}">{{MEMBERS}}</td>
      <td class="adm-act adm-inl"><a href="/admin/teams/{{ID}}">{{A_EDIT}}</a></td>
    </tr>{{/TEAM}}
    </tbody>
  </table>
  {{#NO_TEAMS}}<p class="muted">{{A_EMPTY}}</p>{{/NO_TEAMS}}
</section>
<section class="card adm" id="add">
  <h2>{{A_TEAM_ADD}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/teams" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">{{A_TEAM_NAME}}</label>
    <input id="name" name="name" value="{{VAL_name}}" maxlength="100" required{{#ERR_name}} aria-invalid="true" aria-describedby="name-err"{{/ERR_name}}>
    {{#ERR_name}}<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}
    <label for="region">{{A_TEAM_REGION}} <span class="opt">{{A_OPTIONAL}}</span></label>
    <input id="region" name="region" value="{{VAL_region}}" maxlength="100" aria-describedby="region-hint{{#ERR_region}} region-err{{/ERR_region}}"{{#ERR_region}} aria-invalid="true"{{/ERR_region}}>
    {{#ERR_region}}<p class="field-error" id="region-err">{{MSG}}</p>{{/ERR_region}}
    <p class="hint" id="region-hint">{{A_TEAM_REGION_HINT}}</p>
    <button type="submit" class="primary">{{A_CREATE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
