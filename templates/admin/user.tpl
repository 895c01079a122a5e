{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<div class="adm-cols">
<section class="card adm">
  <p class="adm-back"><a href="/admin/users">← {{A_BACK}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{LOGIN}}</small></h1>
  {{#CREATED_NOTE}}<p class="note ok" role="status">{{A_USER_CREATED}}</p>{{/CREATED_NOTE}}
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  {{#IS_SELF}}<p class="note warn">{{A_USER_SELF_NOTE}}</p>{{/IS_SELF}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/users/{{ID}}" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
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
    <label class="adm-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}} aria-describedby="active-hint{{#ERR_active}} active-err{{/ERR_active}}"{{#ERR_active}} aria-invalid="true"{{/ERR_active}}> {{A_ACTIVE}}</label>
    {{#ERR_active}}<p class="field-error" id="active-err">{{MSG}}</p>{{/ERR_active}}
    <p class="hint" id="active-hint">{{A_USER_ACTIVE_HINT}}</p>
    <fieldset class="adm-checks" aria-describedby="skills-hint{{#ERR_skills}} skills-err{{/ERR_skills}}">
      <legend>{{A_USER_SKILLS}}</legend>
      {{#SKILL}}<label class="adm-check"><input type="checkbox" name="skill" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}{{#CAT_INACTIVE}} <span class="muted small">{{A_USER_CAT_INACTIVE}}</span>{{/CAT_INACTIVE}}</label>{{/SKILL}}
    </fieldset>
    {{#ERR_skills}}<p class="field-error" id="skills-err">{{MSG}}</p>{{/ERR_skills}}
    <p class="hint" id="skills-hint">{{A_USER_SKILLS_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
<section class="card adm" id="password-reset">
  <h2>{{A_USER_RESET_PW}}</h2>
  {{#PW_NOTE}}<p class="note ok" role="status">{{A_USER_PW_DONE}}</p>{{/PW_NOTE}}
  <form method="post" action="/admin/users/{{ID}}/password" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="password">{{A_USER_NEW_PW}}</label>
    <input id="password" name="password" type="password" minlength="8" maxlength="128" required autocomplete="new-password" aria-describedby="password-hint{{#ERR_password}} password-err{{/ERR_password}}"{{#ERR_password}} aria-invalid="true"{{/ERR_password}}>
    {{#ERR_password}}<p class="field-error" id="password-err">{{MSG}}</p>{{/ERR_password}}
    <p class="hint" id="password-hint">{{A_USER_RESET_HINT}}</p>
    <button type="submit">{{A_USER_RESET_PW}}</button>
  </form>
</section>
</div>
{{>LAYOUT_FOOT}}
