{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_XM_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <table class="list">
    <thead><tr><th scope="col">{{A_XM_KEY}}</th><th scope="col">{{A_XM_NAME}}</th>
      <th scope="col">{{A_XM_UNIT}}</th><th scope="col">{{A_XM_AGG}}</th>
      <th scope="col">{{A_XM_POINTS}}</th><th scope="col">{{A_XM_LATEST}}</th>
      <th scope="col">{{A_ACTIVE}}</th>
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#METRIC}}<tr>
      <td class="adm-strong"><code>{{KEY}}</code></td>
      <td data-label="{{A_XM_NAME}}">{{NAME}}</td>
      <td data-label="{{A_XM_UNIT}}">{{UNIT}}</td>
      <td data-label="{{A_XM_AGG}}">{{AGG}}</td>
      <td data-label="{{A_XM_POINTS}}">{{POINTS}}</td>
      <td data-label="{{A_XM_LATEST}}">{{#LATEST}}{{AT}}{{/LATEST}}</td>
      <td class="adm-inl">{{#IS_ACTIVE}}<span class="badge ok">{{A_ACTIVE}}</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge">{{A_INACTIVE}}</span>{{/IS_INACTIVE}}</td>
      <td class="adm-act adm-inl">
        <a href="/admin/metrics/{{ID}}">{{A_EDIT}}</a>
        {{#IS_ACTIVE}}<form method="post" action="/admin/metrics/{{ID}}/deactivate" class="inline">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button type="submit" class="link" title="{{A_XM_ACTIVE_HINT}}">{{A_XM_DEACTIVATE}}</button>
        </form>{{/IS_ACTIVE}}
      </td>
    </tr>{{/METRIC}}
    </tbody>
  </table>
  {{#NO_METRICS}}<p class="muted">{{A_EMPTY}}</p>{{/NO_METRICS}}
</section>
<section class="card adm" id="add">
  <h2>{{A_XM_ADD}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/metrics" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="key">{{A_XM_KEY}}</label>
    <input id="key" name="key" value="{{VAL_key}}" maxlength="40" required pattern="[a-z0-9_]{2,40}" autocapitalize="off" spellcheck="false" aria-describedby="key-hint{{#ERR_key}} key-err{{/ERR_key}}"{{#ERR_key}} aria-invalid="true"{{/ERR_key}}>
    {{#ERR_key}}<p class="field-error" id="key-err">{{MSG}}</p>{{/ERR_key}}
    <p class="hint" id="key-hint">{{A_XM_KEY_HINT}}</p>
    <label for="name_zh">{{A_XM_NAME_ZH}}</label>
    <input id="name_zh" name="name_zh" value="{{VAL_name_zh}}" maxlength="100" required{{#ERR_name_zh}} aria-invalid="true" aria-describedby="name_zh-err"{{/ERR_name_zh}}>
    {{#ERR_name_zh}}<p class="field-error" id="name_zh-err">{{MSG}}</p>{{/ERR_name_zh}}
    <label for="name_en">{{A_XM_NAME_EN}}</label>
    <input id="name_en" name="name_en" value="{{VAL_name_en}}" maxlength="100" required{{#ERR_name_en}} aria-invalid="true" aria-describedby="name_en-err"{{/ERR_name_en}}>
    {{#ERR_name_en}}<p class="field-error" id="name_en-err">{{MSG}}</p>{{/ERR_name_en}}
    <label for="def_zh">{{A_XM_DEF_ZH}} <span class="muted">{{A_OPTIONAL}}</span></label>
    <textarea id="def_zh" name="def_zh" rows="2" maxlength="500"{{#ERR_def_zh}} aria-invalid="true" aria-describedby="def_zh-err"{{/ERR_def_zh}}>{{VAL_def_zh:pre_escape}}</textarea>
    {{#ERR_def_zh}}<p class="field-error" id="def_zh-err">{{MSG}}</p>{{/ERR_def_zh}}
    <label for="def_en">{{A_XM_DEF_EN}} <span class="muted">{{A_OPTIONAL}}</span></label>
    <textarea id="def_en" name="def_en" rows="2" maxlength="500"{{#ERR_def_en}} aria-invalid="true" aria-describedby="def_en-err"{{/ERR_def_en}}>{{VAL_def_en:pre_escape}}</textarea>
    {{#ERR_def_en}}<p class="field-error" id="def_en-err">{{MSG}}</p>{{/ERR_def_en}}
    <label for="unit">{{A_XM_UNIT}}</label>
    <select id="unit" name="unit" required{{#ERR_unit}} aria-invalid="true" aria-describedby="unit-err"{{/ERR_unit}}>
      <option value="">—</option>
      {{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}
    </select>
    {{#ERR_unit}}<p class="field-error" id="unit-err">{{MSG}}</p>{{/ERR_unit}}
    <label for="unit_label">{{A_XM_UNIT_LABEL}} <span class="muted">{{A_OPTIONAL}}</span></label>
    <input id="unit_label" name="unit_label" value="{{VAL_unit_label}}" maxlength="20" aria-describedby="unit_label-hint{{#ERR_unit_label}} unit_label-err{{/ERR_unit_label}}"{{#ERR_unit_label}} aria-invalid="true"{{/ERR_unit_label}}>
    {{#ERR_unit_label}}<p class="field-error" id="unit_label-err">{{MSG}}</p>{{/ERR_unit_label}}
    <p class="hint" id="unit_label-hint">{{A_XM_UNIT_LABEL_HINT}}</p>
    <label for="agg">{{A_XM_AGG}}</label>
    <select id="agg" name="agg" required aria-describedby="agg-hint{{#ERR_agg}} agg-err{{/ERR_agg}}"{{#ERR_agg}} aria-invalid="true"{{/ERR_agg}}>
      <option value="">—</option>
      {{#AGG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGG_OPTION}}
    </select>
    {{#ERR_agg}}<p class="field-error" id="agg-err">{{MSG}}</p>{{/ERR_agg}}
    <p class="hint" id="agg-hint">{{A_XM_AGG_HINT}}</p>
    <label for="better">{{A_XM_BETTER}}</label>
    <select id="better" name="better" required{{#ERR_better}} aria-invalid="true" aria-describedby="better-err"{{/ERR_better}}>
      {{#BETTER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BETTER_OPTION}}
    </select>
    {{#ERR_better}}<p class="field-error" id="better-err">{{MSG}}</p>{{/ERR_better}}
    <fieldset class="adm-dims">
      <legend>{{A_XM_DIMS}}</legend>
      <label class="adm-check"><input type="checkbox" name="dim_category" value="1"{{#DIM_CATEGORY_CHECKED}} checked{{/DIM_CATEGORY_CHECKED}}> {{A_XM_DIM_CATEGORY}}</label>
      <label class="adm-check"><input type="checkbox" name="dim_team" value="1"{{#DIM_TEAM_CHECKED}} checked{{/DIM_TEAM_CHECKED}}> {{A_XM_DIM_TEAM}}</label>
      <label class="adm-check"><input type="checkbox" name="dim_channel" value="1"{{#DIM_CHANNEL_CHECKED}} checked{{/DIM_CHANNEL_CHECKED}}> {{A_XM_DIM_CHANNEL}}</label>
      {{#ERR_dim_category}}<p class="field-error">{{MSG}}</p>{{/ERR_dim_category}}{{#ERR_dim_team}}<p class="field-error">{{MSG}}</p>{{/ERR_dim_team}}{{#ERR_dim_channel}}<p class="field-error">{{MSG}}</p>{{/ERR_dim_channel}}
      <p class="hint">{{A_XM_DIMS_HINT}}</p>
    </fieldset>
    <button type="submit" class="primary">{{A_XM_ADD}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
