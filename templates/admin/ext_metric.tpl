{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="adm-back"><a href="/admin/metrics">← {{A_BACK}}</a></p>
  <h1>{{NAME}} <small class="code">{{KEY}}</small> {{#IS_INACTIVE}}<span class="badge">{{A_INACTIVE}}</span>{{/IS_INACTIVE}}</h1>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  {{#IMPORTED_NOTE}}<p class="note ok" role="status">{{A_XP_IMPORTED}}{{N}}</p>{{/IMPORTED_NOTE}}
  <form method="post" action="/admin/metrics/{{ID}}" class="stack adm-form" id="definition">
    <input type="hidden" name="csrf" value="{{CSRF}}">
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
    <label class="adm-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}} aria-describedby="active-hint"> {{A_ACTIVE}}</label>
    {{#ERR_active}}<p class="field-error">{{MSG}}</p>{{/ERR_active}}
    <p class="hint" id="active-hint">{{A_XM_ACTIVE_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{#IS_ACTIVE}}
<section class="card adm narrow" id="point">
  <h2>{{A_XP_TITLE}}</h2>
  <form method="post" action="/admin/metrics/{{ID}}/points" class="stack adm-form" id="point-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="at">{{A_XP_AT}}</label>
    <input id="at" name="at" value="{{VAL_at}}" maxlength="40" required placeholder="2026-11-26" aria-describedby="at-hint{{#ERR_at}} at-err{{/ERR_at}}"{{#ERR_at}} aria-invalid="true"{{/ERR_at}}>
    {{#ERR_at}}<p class="field-error" id="at-err">{{MSG}}</p>{{/ERR_at}}
    <p class="hint" id="at-hint">{{A_XP_AT_HINT}}</p>
    <label for="value">{{A_XP_VALUE}}</label>
    <input id="value" name="value" value="{{VAL_value}}" maxlength="40" required inputmode="decimal" aria-describedby="value-hint{{#ERR_value}} value-err{{/ERR_value}}"{{#ERR_value}} aria-invalid="true"{{/ERR_value}}>
    {{#ERR_value}}<p class="field-error" id="value-err">{{MSG}}</p>{{/ERR_value}}
    <p class="hint" id="value-hint">{{A_XP_VALUE_HINT}}</p>
    {{#DIM_CATEGORY}}<label for="category">{{A_XM_DIM_CATEGORY}}</label>
    <select id="category" name="category"{{#ERR_category}} aria-invalid="true"{{/ERR_category}}>
      <option value="">{{A_XP_ANY}}</option>
      {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
    </select>{{/DIM_CATEGORY}}
    {{#ERR_category}}<p class="field-error">{{MSG}}</p>{{/ERR_category}}
    {{#DIM_TEAM}}<label for="team">{{A_XM_DIM_TEAM}}</label>
    <select id="team" name="team"{{#ERR_team}} aria-invalid="true"{{/ERR_team}}>
      <option value="">{{A_XP_ANY}}</option>
      {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
    </select>{{/DIM_TEAM}}
    {{#ERR_team}}<p class="field-error">{{MSG}}</p>{{/ERR_team}}
    {{#DIM_CHANNEL}}<label for="channel">{{A_XM_DIM_CHANNEL}}</label>
    <select id="channel" name="channel"{{#ERR_channel}} aria-invalid="true"{{/ERR_channel}}>
      <option value="">{{A_XP_ANY}}</option>
      {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
    </select>{{/DIM_CHANNEL}}
    {{#ERR_channel}}<p class="field-error">{{MSG}}</p>{{/ERR_channel}}
    <button type="submit" class="primary">{{A_XP_SAVE}}</button>
  </form>
</section>
<section class="card adm narrow" id="import">
  <h2>{{A_XP_IMPORT}}</h2>
  <p class="hint" id="file-hint">{{A_XP_IMPORT_HINT}}</p>
  <form method="post" action="/admin/metrics/{{ID}}/imports" enctype="multipart/form-data" class="stack adm-form" id="import-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="file">{{A_XP_FILE}}</label>
    <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint{{#ERR_file}} file-err{{/ERR_file}}"{{#ERR_file}} aria-invalid="true"{{/ERR_file}}>
    {{#ERR_file}}<p class="field-error" id="file-err">{{FILE_PROBLEM}}</p>{{/ERR_file}}
    <button type="submit">{{A_XP_UPLOAD}}</button>
  </form>
</section>
{{/IS_ACTIVE}}
<section class="card adm" id="points">
  <h2>{{A_XP_LATEST}}</h2>
  <table class="list">
    <thead><tr><th scope="col">{{A_XP_AT}}</th><th scope="col">{{A_XP_VALUE}}</th>
      <th scope="col">{{A_XM_DIM_CATEGORY}}</th><th scope="col">{{A_XM_DIM_TEAM}}</th>
      <th scope="col">{{A_XM_DIM_CHANNEL}}</th><th scope="col">{{A_XP_CORRECTED}}</th></tr></thead>
    <tbody>
    {{#POINT}}<tr>
      <td>{{AT}}</td><td class="adm-strong num">{{VALUE}}</td><td>{{CATEGORY}}</td><td>{{TEAM}}</td>
      <td>{{CHANNEL}}</td><td>{{#CORRECTED}}{{N}}{{/CORRECTED}}</td>
    </tr>{{/POINT}}
    </tbody>
  </table>
  {{#NO_POINTS}}<p class="muted">{{A_EMPTY}}</p>{{/NO_POINTS}}
</section>
{{>LAYOUT_FOOT}}
