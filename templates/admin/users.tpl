{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <table class="list">
    <thead><tr><th scope="col">{{A_USER_LOGIN}}</th><th scope="col">{{A_USER_NAME}}</th>
      <th scope="col">{{A_USER_ROLE}}</th><th scope="col">{{A_USER_TEAM}}</th>
      <th scope="col">{{A_USER_REGION}}</th><th scope="col">{{A_USER_SKILLS}}</th>
      <th scope="col">{{A_ACTIVE}}</th>
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#USER}}<tr{{#IS_INACTIVE}} class="adm-off"{{/IS_INACTIVE}}>
      <td class="adm-strong"><code>{{LOGIN}}</code></td>
      <td data-label="{{A_USER_NAME}}">{{NAME}}</td>
      <td class="adm-inl"><span class="badge role-{{ROLE}}">{{ROLE_LABEL}}</span></td>
      <td data-label="{{A_USER_TEAM}}">{{TEAM}}</td>
      <td data-label="{{A_USER_REGION}}">{{REGION}}</td>
      <td data-label="{{A_USER_SKILLS}}">{{#SKILLS}}{{TEXT}}{{/SKILLS}}</td>
      <td class="adm-inl">{{#IS_ACTIVE}}<span class="badge ok">{{A_ACTIVE}}</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge">{{A_INACTIVE}}</span>{{/IS_INACTIVE}}</td>
      <td class="adm-act adm-inl"><a href="/admin/users/{{ID}}">{{A_EDIT}}</a></td>
    </tr>{{/USER}}
    </tbody>
  </table>
  {{#MORE_USERS}}<p class="muted small">{{A_COUNT_SHOWN_MAX}}</p>{{/MORE_USERS}}
</section>
<section class="card adm" id="add">
  <h2>{{A_USER_ADD}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/users" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="login">{{A_USER_LOGIN}}</label>
    <input id="login" name="login" value="{{VAL_login}}" minlength="3" maxlength="64" required pattern="[a-z0-9._\-]+" autocapitalize="none" autocomplete="off" spellcheck="false" aria-describedby="login-hint{{#ERR_login}} login-err{{/ERR_login}}"{{#ERR_login}} aria-invalid="true"{{/ERR_login}}>
    {{#ERR_login}}<p class="field-error" id="login-err">{{MSG}}</p>{{/ERR_login}}
    <p class="hint" id="login-hint">{{A_USER_LOGIN_HINT}}</p>
    <label for="name">{{A_USER_NAME}}</label>
    <input id="name" name="name" value="{{VAL_name}}" maxlength="100" required autocomplete="off"{{#ERR_name}} aria-invalid="true" aria-describedby="name-err"{{/ERR_name}}>
    {{#ERR_name}}<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}
    <label for="role">{{A_USER_ROLE}}</label>
    <select id="role" name="role" required{{#ERR_role}} aria-invalid="true" aria-describedby="role-err"{{/ERR_role}}>
      {{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}
    </select>
    {{#ERR_role}}<p class="field-error" id="role-err">{{MSG}}</p>{{/ERR_role}}
    <label for="team">{{A_USER_TEAM}} <span class="opt">{{A_OPTIONAL}}</span></label>
    <select id="team" name="team"{{#ERR_team}} aria-invalid="true" aria-describedby="team-err"{{/ERR_team}}>
      <option value="">{{A_NONE}}</option>
      {{#TEAM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTION}}
    </select>
    {{#ERR_team}}<p class="field-error" id="team-err">{{MSG}}</p>{{/ERR_team}}
    <label for="region">{{A_USER_REGION}} <span class="opt">{{A_OPTIONAL}}</span></label>
    <input id="region" name="region" value="{{VAL_region}}" maxlength="100" aria-describedby="region-hint{{#ERR_region}} region-err{{/ERR_region}}"{{#ERR_region}} aria-invalid="true"{{/ERR_region}}>
    {{#ERR_region}}<p class="field-error" id="region-err">{{MSG}}</p>{{/ERR_region}}
    <p class="hint" id="region-hint">{{A_USER_REGION_HINT}}</p>
    <label for="password">{{A_USER_PASSWORD}}</label>
    <input id="password" name="password" type="password" minlength="8" maxlength="128" required autocomplete="new-password" aria-describedby="password-hint{{#ERR_password}} password-err{{/ERR_password}}"{{#ERR_password}} aria-invalid="true"{{/ERR_password}}>
    {{#ERR_password}}<p class="field-error" id="password-err">{{MSG}}</p>{{/ERR_password}}
    <p class="hint" id="password-hint">{{A_USER_PASSWORD_HINT}}</p>
    <button type="submit" class="primary">{{A_CREATE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
