{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_CAL_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
</section>
<div class="adm-cols">
<section class="card adm" id="hours">
  <h2>{{A_CAL_HOURS}}</h2>
  {{#HOURS_ERRORS}}<p class="note bad" role="alert">{{A_CAL_ERRORS}}{{#HOURS_NONE}} {{A_ERR_HOURS_NONE}}{{/HOURS_NONE}}</p>{{/HOURS_ERRORS}}
  <form method="post" action="/admin/calendar/hours" class="adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="adm-hours" role="group" aria-describedby="hours-hint">
      <div class="adm-hours-head" aria-hidden="true"><span>{{A_CAL_WEEKDAY}}</span><span>{{A_CAL_START}}</span><span>{{A_CAL_END}}</span><span>{{A_CAL_CLOSED}}</span></div>
      {{#WD}}<div class="adm-hours-row">
        <span class="adm-strong" id="wd-{{WD_NUM}}">{{WD_NAME}}</span>
        <input class="adm-h-start" name="start_{{WD_NUM}}" type="time" step="60" value="{{VAL_start}}" aria-label="{{WD_NAME}} {{A_CAL_START}}"{{#ERR_start}} aria-invalid="true"{{/ERR_start}}>
        <input class="adm-h-end" name="end_{{WD_NUM}}" type="time" step="60" value="{{VAL_end}}" aria-label="{{WD_NAME}} {{A_CAL_END}}"{{#ERR_end}} aria-invalid="true"{{/ERR_end}}>
        <label class="adm-check adm-h-closed"><input type="checkbox" name="closed_{{WD_NUM}}" value="1"{{#CLOSED_CHECKED}} checked{{/CLOSED_CHECKED}}> <span>{{A_CAL_CLOSED}}</span></label>
        {{#ERR_start}}<p class="field-error">{{WD_NAME}} {{A_CAL_START}}{{A_COLON}}{{MSG}}</p>{{/ERR_start}}
        {{#ERR_end}}<p class="field-error">{{WD_NAME}} {{A_CAL_END}}{{A_COLON}}{{MSG}}</p>{{/ERR_end}}
        {{#ERR_closed}}<p class="field-error">{{MSG}}</p>{{/ERR_closed}}
      </div>{{/WD}}
    </div>
    <p class="hint" id="hours-hint">{{A_CAL_HOURS_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
<section class="card adm" id="tz">
  <h2>{{A_CAL_TZ}}</h2>
  {{#TZ_ERRORS}}<p class="note bad" role="alert">{{A_CAL_ERRORS}}</p>{{/TZ_ERRORS}}
  <form method="post" action="/admin/calendar/timezone" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="tz-zone">{{A_CAL_TZ_LABEL}}</label>
    <select id="tz-zone" name="zone" required aria-describedby="tz-hint{{#ERR_tz}} tz-err{{/ERR_tz}}"{{#ERR_tz}} aria-invalid="true"{{/ERR_tz}}>
      {{#ZONE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/ZONE}}
    </select>
    {{#ERR_tz}}<p class="field-error" id="tz-err">{{MSG}}</p>{{/ERR_tz}}
    <p class="hint" id="tz-hint">{{A_CAL_TZ_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
</div>
<section class="card adm" id="days">
  <h2>{{A_CAL_DAYS}}</h2>
  <p class="muted small">{{A_CAL_DAYS_HINT}}</p>
  {{#HAS_DAYS}}<table class="list">
    <thead><tr><th scope="col">{{A_CAL_DATE}}</th><th scope="col">{{A_CAL_KIND}}</th>
      <th scope="col">{{A_CAL_DAY_NAME}}</th><th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#DAY}}<tr{{#IS_PAST}} class="adm-off"{{/IS_PAST}}>
      <td class="adm-strong"><time datetime="{{DATE}}">{{DATE}}</time>{{#IS_PAST}} <span class="muted small">{{A_CAL_PAST}}</span>{{/IS_PAST}}</td>
      <td class="adm-inl">{{#IS_HOLIDAY}}<span class="badge warn">{{A_CAL_HOLIDAY}}</span>{{/IS_HOLIDAY}}{{#IS_WORKDAY}}<span class="badge ok">{{A_CAL_WORKDAY}}</span>{{/IS_WORKDAY}}</td>
      <td data-label="{{A_CAL_DAY_NAME}}">{{NAME}}</td>
      <td class="adm-act adm-inl"><form method="post" action="/admin/calendar/days/{{DATE}}/delete" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button type="submit" class="link adm-danger">{{A_CAL_DELETE}}</button>
      </form></td>
    </tr>{{/DAY}}
    </tbody>
  </table>{{/HAS_DAYS}}
  {{#NO_DAYS}}<p class="muted">{{A_EMPTY}}</p>{{/NO_DAYS}}
  <h3>{{A_CAL_ADD_DAY}}</h3>
  {{#DAYS_ERRORS}}<p class="note bad" role="alert">{{A_CAL_ERRORS}}</p>{{/DAYS_ERRORS}}
  <form method="post" action="/admin/calendar/days" class="adm-form adm-dayform">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="stack">
      <label for="day">{{A_CAL_DATE}}</label>
      <input id="day" name="day" type="date" min="2000-01-01" max="2099-12-31" value="{{VAL_day}}" required{{#ERR_day}} aria-invalid="true" aria-describedby="day-err"{{/ERR_day}}>
      {{#ERR_day}}<p class="field-error" id="day-err">{{MSG}}</p>{{/ERR_day}}
    </div>
    <div class="stack">
      <label for="kind">{{A_CAL_KIND}}</label>
      <select id="kind" name="kind"{{#ERR_kind}} aria-invalid="true" aria-describedby="kind-err"{{/ERR_kind}}>
        <option value="holiday"{{#KIND_HOLIDAY}} selected{{/KIND_HOLIDAY}}>{{A_CAL_HOLIDAY}}</option>
        <option value="workday"{{#KIND_WORKDAY}} selected{{/KIND_WORKDAY}}>{{A_CAL_WORKDAY}}</option>
      </select>
      {{#ERR_kind}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/ERR_kind}}
    </div>
    <div class="stack">
      <label for="day-name">{{A_CAL_DAY_NAME}}</label>
      <input id="day-name" name="name" value="{{VAL_name}}" maxlength="64" required aria-describedby="day-name-hint{{#ERR_name}} day-name-err{{/ERR_name}}"{{#ERR_name}} aria-invalid="true"{{/ERR_name}}>
      {{#ERR_name}}<p class="field-error" id="day-name-err">{{MSG}}</p>{{/ERR_name}}
      <p class="hint" id="day-name-hint">{{A_CAL_DAY_NAME_HINT}}</p>
    </div>
    <button type="submit" class="primary">{{A_CAL_ADD_DAY}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
