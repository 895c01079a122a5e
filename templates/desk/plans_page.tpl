{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb plans">
<p class="kb-back"><a href="/desk/plans">← {{K_PLANS}}</a></p>
{{#CONFLICT}}
<div class="note bad" role="alert">
  <p>{{K_ERR_PLAN_CONFLICT}}</p>
  <p><a class="button" href="/desk/plans/{{ID}}">{{K_RELOAD}}</a></p>
</div>
{{/CONFLICT}}
{{#GENERATED}}<p class="note ok" role="status" id="plan-generated">{{PL_GENERATED}} <a href="/desk/tickets/{{TICKET_ID}}">{{NUMBER}}</a></p>{{/GENERATED}}
{{#GENERATED_BEFORE}}<p class="note ok" role="status" id="plan-generated-before">{{PL_GENERATED_BEFORE}} <a href="/desk/tickets/{{TICKET_ID}}">{{NUMBER}}</a></p>{{/GENERATED_BEFORE}}
{{#GENERATE_ERROR}}<p class="note bad" role="alert" id="plan-generate-error">{{MSG}}</p>{{/GENERATE_ERROR}}
<section class="card">
  <h1>{{TITLE}} {{#INACTIVE}}<span class="badge">{{K_INACTIVE}}</span>{{/INACTIVE}}{{#IS_DUE}}<span class="badge warn">{{K_DUE}}</span>{{/IS_DUE}}</h1>
  <dl class="facts">
    <dt>{{K_CUSTOMER}}</dt><dd>{{CUSTOMER}}</dd>
    <dt>{{K_PHONE}}</dt><dd>{{PHONE}}</dd>
    <dt>{{K_ADDRESS}}</dt><dd>{{#ADDRESS}}{{TEXT}}{{/ADDRESS}}{{#ADDRESS_NONE}}<span class="muted">—</span>{{/ADDRESS_NONE}}</dd>
    <dt>{{K_CATEGORY}}</dt><dd>{{CATEGORY}}</dd>
    <dt>{{K_PRODUCT}}</dt><dd>{{#PRODUCT}}{{TEXT}}{{/PRODUCT}}{{#PRODUCT_NONE}}<span class="muted">—</span>{{/PRODUCT_NONE}}</dd>
    <dt>{{K_SERIAL}}</dt><dd>{{#SERIAL}}{{TEXT}}{{/SERIAL}}{{#SERIAL_NONE}}<span class="muted">—</span>{{/SERIAL_NONE}}</dd>
    <dt>{{K_PLAN_COL_INTERVAL}}</dt><dd class="plan-interval">{{INTERVAL}}</dd>
    <dt>{{K_PLAN_COL_NEXT_DUE}}</dt><dd class="plan-next-due"><time>{{NEXT_DUE}}</time></dd>
    <dt>{{PL_DEFAULTS}}</dt><dd class="plan-default">{{#DEFAULT_WHO}}{{ASSIGNEE}}{{#BOTH}} · {{/BOTH}}{{TEAM}}{{/DEFAULT_WHO}}{{#DEFAULT_NONE}}<span class="muted">{{PL_DEFAULT_NONE}}</span>{{/DEFAULT_NONE}}</dd>
    <dt>{{K_PLAN_COL_LAST_TICKET}}</dt><dd class="plan-last-ticket">{{#LAST_TICKET}}<a href="/desk/tickets/{{TICKET_ID}}">{{NUMBER}}</a>{{/LAST_TICKET}}{{#NO_TICKET}}<span class="muted">—</span>{{/NO_TICKET}}</dd>
    <dt>{{K_CREATED}}</dt><dd>{{CREATED}}</dd>
  </dl>
  {{#GENERATE}}
  <form method="post" action="/desk/plans/{{ID}}/generate" class="plan-generate">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="due" value="{{DUE}}">
    <button type="submit" class="primary" id="plan-generate">{{PL_GENERATE}}</button>
  </form>
  {{/GENERATE}}
</section>

<section class="card kb-form" id="edit" aria-labelledby="h-edit">
  <h2 id="h-edit">{{K_PLAN_EDIT}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/desk/plans/{{ID}}/edit" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VAL_version}}">
    <fieldset class="plan-interval-pair">
      <legend>{{PL_INTERVAL}}</legend>
      <label for="interval_n">{{PL_INTERVAL_N}}</label>
      <input id="interval_n" name="interval_n" type="number" inputmode="numeric" min="1" max="3650" step="1" value="{{VAL_interval_n}}" required{{#ERR_interval_n}} aria-invalid="true" aria-describedby="interval_n-err"{{/ERR_interval_n}}>
      <label for="interval_unit" class="visually-hidden">{{PL_INTERVAL_UNIT}}</label>
      <select id="interval_unit" name="interval_unit" required>
        {{#UNIT_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPT}}
      </select>
    </fieldset>
    {{#ERR_interval_n}}<p class="field-error" id="interval_n-err">{{MSG}}</p>{{/ERR_interval_n}}
    {{#ERR_interval_days}}<p class="field-error" id="interval_days-err">{{MSG}}</p>{{/ERR_interval_days}}
    {{#ERR_interval_unit}}<p class="field-error" id="interval_unit-err">{{MSG}}</p>{{/ERR_interval_unit}}

    <label for="next_due">{{K_PLAN_FIELD_NEXT_DUE}}</label>
    <input id="next_due" name="next_due" type="date" value="{{VAL_next_due}}" required{{#ERR_next_due}} aria-invalid="true" aria-describedby="next_due-err"{{/ERR_next_due}}>
    {{#ERR_next_due}}<p class="field-error" id="next_due-err">{{MSG}}</p>{{/ERR_next_due}}

    <label for="assignee">{{PL_DEFAULTS}} · {{PL_ASSIGNEE}}</label>
    <select id="assignee" name="assignee"{{#ERR_assignee}} aria-invalid="true" aria-describedby="assignee-err"{{/ERR_assignee}}>
      <option value="">{{PL_NOBODY}}</option>
      {{#ASSIGNEE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ASSIGNEE_OPT}}
    </select>
    {{#ERR_assignee}}<p class="field-error" id="assignee-err">{{MSG}}</p>{{/ERR_assignee}}
    <label for="team">{{PL_DEFAULTS}} · {{PL_TEAM}}</label>
    <select id="team" name="team"{{#ERR_team}} aria-invalid="true" aria-describedby="team-err"{{/ERR_team}}>
      <option value="">{{PL_NOBODY}}</option>
      {{#TEAM_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPT}}
    </select>
    {{#ERR_team}}<p class="field-error" id="team-err">{{MSG}}</p>{{/ERR_team}}
    <p class="muted small">{{PL_DEFAULTS_HINT}}</p>

    <label class="kb-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> {{K_PLAN_ACTIVE}}</label>
    <button type="submit" class="primary" id="plan-save">{{K_SAVE}}</button>
  </form>
</section>

<section class="card" id="runs" aria-labelledby="h-runs">
  <h2 id="h-runs">{{K_PLAN_RUNS}}</h2>
  {{#NO_RUNS}}<p class="muted">{{K_PLAN_NO_RUNS}}</p>{{/NO_RUNS}}
  {{#HAS_RUNS}}
  <table class="list plan-run-list">
    <thead><tr><th scope="col">{{K_PLAN_RUN_DUE}}</th><th scope="col">{{K_PLAN_RUN_TICKET}}</th><th scope="col">{{K_PLAN_RUN_STATUS}}</th><th scope="col">{{K_PLAN_RUN_AT}}</th></tr></thead>
    <tbody>
    {{#RUN}}<tr><td data-label="{{K_PLAN_RUN_DUE}}"><time>{{DUE}}</time></td><td data-label="{{K_PLAN_RUN_TICKET}}"><a href="/desk/tickets/{{TICKET_ID}}">{{NUMBER}}</a></td><td data-label="{{K_PLAN_RUN_STATUS}}"><span class="badge st st-{{STATUS}}">{{STATUS_LABEL}}</span></td><td data-label="{{K_PLAN_RUN_AT}}">{{AT}}</td></tr>{{/RUN}}
    </tbody>
  </table>
  {{/HAS_RUNS}}
</section>
</div>
{{>LAYOUT_FOOT}}
