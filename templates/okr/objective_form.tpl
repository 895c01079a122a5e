{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<p class="kb-back"><a href="/okr/?cycle={{CYCLE_ID}}">← {{O_BOARD}} · {{CYCLE_NAME}}</a></p>
<section class="card okr-form">
  <h1>{{#IS_NEW}}{{O_NEW_OBJECTIVE}}{{/IS_NEW}}{{#IS_EDIT}}{{O_EDIT_OBJECTIVE}}{{/IS_EDIT}}</h1>
  {{#CONFLICT}}<div class="note bad" role="alert"><p>{{ERR_CONFLICT}}</p><p><a class="button" href="/okr/objectives/{{OBJ_ID}}/edit">{{O_RELOAD}}</a></p></div>{{/CONFLICT}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{O_FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="{{ACTION}}" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="cycle" value="{{CYCLE_ID}}">
    {{#IS_EDIT}}<input type="hidden" name="version" value="{{VAL_version}}">{{/IS_EDIT}}
    <label for="title">{{O_F_TITLE}}</label>
    <input id="title" name="title" maxlength="200" value="{{VAL_title}}" required{{#ERR_title}} aria-invalid="true" aria-describedby="title-err"{{/ERR_title}}>
    {{#ERR_title}}<p class="field-error" id="title-err">{{MSG}}</p>{{/ERR_title}}
    <label for="description">{{O_F_DESCRIPTION}}</label>
    <textarea id="description" name="description" rows="3" maxlength="2000"{{#ERR_description}} aria-invalid="true"{{/ERR_description}}>{{VAL_description:pre_escape}}</textarea>
    {{#ERR_description}}<p class="field-error">{{MSG}}</p>{{/ERR_description}}
    <label for="level">{{O_F_LEVEL}}</label>
    <select id="level" name="level"{{#ERR_level}} aria-invalid="true"{{/ERR_level}}>{{#LEVEL_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/LEVEL_OPTION}}</select>
    {{#ERR_level}}<p class="field-error">{{MSG}}</p>{{/ERR_level}}
    <label for="owner">{{O_OWNER}}</label>
    <select id="owner" name="owner"{{#ERR_owner}} aria-invalid="true" aria-describedby="owner-err"{{/ERR_owner}}><option value="">{{O_NOBODY}}</option>{{#OWNER_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/OWNER_OPTION}}</select>
    {{#ERR_owner}}<p class="field-error" id="owner-err">{{MSG}}</p>{{/ERR_owner}}
    <label for="team">{{O_TEAM}}</label>
    <select id="team" name="team"{{#ERR_team}} aria-invalid="true"{{/ERR_team}}><option value="">{{O_NO_TEAM}}</option>{{#TEAM_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/TEAM_OPTION}}</select>
    {{#ERR_team}}<p class="field-error">{{MSG}}</p>{{/ERR_team}}
    <label for="parent">{{O_F_PARENT}}</label>
    <select id="parent" name="parent"{{#ERR_parent}} aria-invalid="true" aria-describedby="parent-err"{{/ERR_parent}}><option value="">{{O_NONE}}</option>{{#PARENT_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/PARENT_OPTION}}</select>
    {{#ERR_parent}}<p class="field-error" id="parent-err">{{MSG}}</p>{{/ERR_parent}}
    <label for="parent2">{{O_F_PARENT2}}</label>
    <select id="parent2" name="parent2"{{#ERR_parent2}} aria-invalid="true"{{/ERR_parent2}}><option value="">{{O_NONE}}</option>{{#PARENT2_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/PARENT2_OPTION}}</select>
    {{#ERR_parent2}}<p class="field-error">{{MSG}}</p>{{/ERR_parent2}}
    <label for="support_kr">{{O_F_SUPPORT}}</label>
    <select id="support_kr" name="support_kr"{{#ERR_support_kr}} aria-invalid="true"{{/ERR_support_kr}}><option value="">{{O_NONE}}</option>{{#SUPPORT_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/SUPPORT_OPTION}}</select>
    {{#ERR_support_kr}}<p class="field-error">{{MSG}}</p>{{/ERR_support_kr}}
    <label for="status_set">{{O_F_STATUS_SET}}</label>
    <select id="status_set" name="status_set"{{#ERR_status_set}} aria-invalid="true"{{/ERR_status_set}}><option value="">{{O_STATUS_AUTO}}</option>{{#STATUS_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/STATUS_OPTION}}</select>
    {{#ERR_status_set}}<p class="field-error">{{MSG}}</p>{{/ERR_status_set}}
    <button type="submit" class="primary">{{#IS_NEW}}{{O_CREATE}}{{/IS_NEW}}{{#IS_EDIT}}{{O_SAVE}}{{/IS_EDIT}}</button>
  </form>
</section>
</div>
{{>LAYOUT_FOOT}}
