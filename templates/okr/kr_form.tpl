{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<p class="kb-back"><a href="/okr/?cycle={{CYCLE_ID}}">← {{O_BOARD}} · {{CYCLE_NAME}}</a></p>
<section class="card okr-form">
  <h1>{{#IS_NEW}}{{O_NEW_KR}}{{/IS_NEW}}{{#IS_EDIT}}{{O_EDIT_KR}}{{/IS_EDIT}}</h1>
  {{#CONFLICT}}<div class="note bad" role="alert"><p>{{ERR_CONFLICT}}</p><p><a class="button" href="/okr/krs/{{KR_EDIT_ID}}/edit">{{O_RELOAD}}</a></p></div>{{/CONFLICT}}
  {{#FROM_JOURNEY}}<p class="note ok">{{O_FROM_JOURNEY}}</p>{{/FROM_JOURNEY}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{O_FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="{{FORM_ACTION}}" class="stack" id="kr-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#IS_EDIT}}<input type="hidden" name="version" value="{{VERSION}}">{{/IS_EDIT}}
    <input type="hidden" name="journey" value="{{VAL_journey}}">
    <input type="hidden" name="stage" value="{{VAL_stage}}">
    <label for="objective">{{O_OBJECTIVE}}</label>
    <select id="objective" name="objective"{{#ERR_objective}} aria-invalid="true" aria-describedby="objective-err"{{/ERR_objective}}><option value="">{{O_CHOOSE}}</option>{{#OBJECTIVE_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/OBJECTIVE_OPTION}}</select>
    {{#ERR_objective}}<p class="field-error" id="objective-err">{{MSG}}</p>{{/ERR_objective}}
    <label for="title">{{O_F_TITLE}}</label>
    <input id="title" name="title" value="{{VAL_title}}" maxlength="200" required{{#ERR_title}} aria-invalid="true" aria-describedby="title-err"{{/ERR_title}}>
    {{#ERR_title}}<p class="field-error" id="title-err">{{MSG}}</p>{{/ERR_title}}
    <label for="kind">{{O_F_TYPE}}</label>
    <select id="kind" name="kind"{{#ERR_kind}} aria-invalid="true" aria-describedby="kind-err"{{/ERR_kind}}>{{#KIND_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/KIND_OPTION}}</select>
    {{#ERR_kind}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/ERR_kind}}
    <label for="start">{{O_F_START}}</label>
    <input id="start" name="start" value="{{VAL_start}}" inputmode="decimal"{{#ERR_start}} aria-invalid="true" aria-describedby="start-err"{{/ERR_start}}>
    {{#ERR_start}}<p class="field-error" id="start-err">{{MSG}}</p>{{/ERR_start}}
    <label for="target">{{O_F_TARGET}}</label>
    <input id="target" name="target" value="{{VAL_target}}" inputmode="decimal"{{#ERR_target}} aria-invalid="true" aria-describedby="target-err"{{/ERR_target}}>
    {{#ERR_target}}<p class="field-error" id="target-err">{{MSG}}</p>{{/ERR_target}}
    <label for="unit">{{O_F_UNIT}}</label>
    <input id="unit" name="unit" value="{{VAL_unit}}" maxlength="16"{{#ERR_unit}} aria-invalid="true" aria-describedby="unit-err"{{/ERR_unit}}>
    {{#ERR_unit}}<p class="field-error" id="unit-err">{{MSG}}</p>{{/ERR_unit}}
    <label for="weight">{{O_WEIGHT}}</label>
    <input id="weight" name="weight" value="{{VAL_weight}}" inputmode="decimal"{{#ERR_weight}} aria-invalid="true" aria-describedby="weight-err"{{/ERR_weight}}>
    {{#ERR_weight}}<p class="field-error" id="weight-err">{{MSG}}</p>{{/ERR_weight}}
    <label for="owner">{{O_OWNER}}</label>
    <select id="owner" name="owner"{{#ERR_owner}} aria-invalid="true" aria-describedby="owner-err"{{/ERR_owner}}><option value="">{{O_NOBODY}}</option>{{#OWNER_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/OWNER_OPTION}}</select>
    {{#ERR_owner}}<p class="field-error" id="owner-err">{{MSG}}</p>{{/ERR_owner}}
    <fieldset class="kr-source"><legend>{{O_F_SOURCE}}</legend>
    <label for="source">{{O_F_SOURCE}}</label>
    <select id="source" name="source"{{#ERR_source}} aria-invalid="true" aria-describedby="source-err"{{/ERR_source}}>{{#SOURCE_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/SOURCE_OPTION}}</select>
    {{#ERR_source}}<p class="field-error" id="source-err">{{MSG}}</p>{{/ERR_source}}
    <label for="metric">{{O_F_METRIC}}</label>
    <select id="metric" name="metric"{{#ERR_metric}} aria-invalid="true" aria-describedby="metric-err"{{/ERR_metric}}><option value="">{{O_CHOOSE}}</option>{{#METRIC_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/METRIC_OPTION}}</select>
    {{#ERR_metric}}<p class="field-error" id="metric-err">{{MSG}}</p>{{/ERR_metric}}
    <label for="category">{{O_F_CATEGORY}}</label>
    <select id="category" name="category"{{#ERR_category}} aria-invalid="true" aria-describedby="category-err"{{/ERR_category}}><option value="">{{O_ANY}}</option>{{#CATEGORY_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/CATEGORY_OPTION}}</select>
    {{#ERR_category}}<p class="field-error" id="category-err">{{MSG}}</p>{{/ERR_category}}
    <label for="team">{{O_TEAM}}</label>
    <select id="team" name="team"{{#ERR_team}} aria-invalid="true" aria-describedby="team-err"{{/ERR_team}}><option value="">{{O_ANY}}</option>{{#TEAM_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/TEAM_OPTION}}</select>
    {{#ERR_team}}<p class="field-error" id="team-err">{{MSG}}</p>{{/ERR_team}}
    <label for="channel">{{O_F_CHANNEL}}</label>
    <select id="channel" name="channel"{{#ERR_channel}} aria-invalid="true" aria-describedby="channel-err"{{/ERR_channel}}><option value="">{{O_ANY}}</option>{{#CHANNEL_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/CHANNEL_OPTION}}</select>
    {{#ERR_channel}}<p class="field-error" id="channel-err">{{MSG}}</p>{{/ERR_channel}}
    <label for="technician">{{O_F_TECHNICIAN}}</label>
    <select id="technician" name="technician"{{#ERR_technician}} aria-invalid="true" aria-describedby="technician-err"{{/ERR_technician}}><option value="">{{O_ANY}}</option>{{#TECHNICIAN_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_NAME}}</option>{{/TECHNICIAN_OPTION}}</select>
    {{#ERR_technician}}<p class="field-error" id="technician-err">{{MSG}}</p>{{/ERR_technician}}
    <label for="window_days">{{O_F_WINDOW}}</label>
    <input id="window_days" name="window_days" value="{{VAL_window_days}}" inputmode="numeric"{{#ERR_window_days}} aria-invalid="true" aria-describedby="window_days-err"{{/ERR_window_days}}>
    {{#ERR_window_days}}<p class="field-error" id="window_days-err">{{MSG}}</p>{{/ERR_window_days}}
    <p class="muted small">{{O_SOURCE_HELP}}</p>
    </fieldset>
    <button type="submit" class="primary">{{#IS_NEW}}{{O_CREATE}}{{/IS_NEW}}{{#IS_EDIT}}{{O_SAVE}}{{/IS_EDIT}}</button>
  </form>
</section>
</div>
{{>LAYOUT_FOOT}}
