{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb plans">
<p class="kb-back"><a href="/desk/plans">← {{K_PLANS}}</a></p>
{{#CONFLICT}}
<div class="note bad" role="alert">
  <p>{{K_ERR_PLAN_CONFLICT}}</p>
  <p><a class="button" href="/desk/plans/{{ID}}">{{K_RELOAD}}</a></p>
</div>
{{/CONFLICT}}
<section class="card">
  <h1>{{TITLE}} {{#INACTIVE}}<span class="badge">{{K_INACTIVE}}</span>{{/INACTIVE}}{{#IS_DUE}}<span class="badge warn">{{K_DUE}}</span>{{/IS_DUE}}</h1>
  <dl class="facts">
    <dt>{{K_CUSTOMER}}</dt><dd>{{CUSTOMER}}</dd>
    <dt>{{K_PHONE}}</dt><dd>{{PHONE}}</dd>
    <dt>{{K_ADDRESS}}</dt><dd>{{#ADDRESS}}{{TEXT}}{{/ADDRESS}}{{#ADDRESS_NONE}}<span class="muted">—</span>{{/ADDRESS_NONE}}</dd>
    <dt>{{K_CATEGORY}}</dt><dd>{{CATEGORY}}</dd>
    <dt>{{K_PRODUCT}}</dt><dd>{{#PRODUCT}}{{TEXT}}{{/PRODUCT}}{{#PRODUCT_NONE}}<span class="muted">—</span>{{/PRODUCT_NONE}}</dd>
    <dt>{{K_SERIAL}}</dt><dd>{{#SERIAL}}{{TEXT}}{{/SERIAL}}{{#SERIAL_NONE}}<span class="muted">—</span>{{/SERIAL_NONE}}</dd>
    <dt>{{K_PLAN_COL_INTERVAL}}</dt><dd class="plan-interval">{{INTERVAL}} {{K_DAYS}}</dd>
    <dt>{{K_PLAN_COL_NEXT_DUE}}</dt><dd class="plan-next-due"><time>{{NEXT_DUE}}</time></dd>
    <dt>{{K_PLAN_COL_LAST_TICKET}}</dt><dd class="plan-last-ticket">{{#LAST_TICKET}}<a href="/desk/tickets/{{TICKET_ID}}">{{NUMBER}}</a>{{/LAST_TICKET}}{{#NO_TICKET}}<span class="muted">—</span>{{/NO_TICKET}}</dd>
    <dt>{{K_CREATED}}</dt><dd>{{CREATED}}</dd>
  </dl>
</section>

<section class="card kb-form" id="edit" aria-labelledby="h-edit">
  <h2 id="h-edit">{{K_PLAN_EDIT}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/desk/plans/{{ID}}/edit" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VAL_version}}">
    <label for="interval_days">{{K_PLAN_FIELD_INTERVAL}}</label>
    <input id="interval_days" name="interval_days" type="number" inputmode="numeric" min="1" max="3650" value="{{VAL_interval_days}}" required{{#ERR_interval_days}} aria-invalid="true" aria-describedby="interval_days-err"{{/ERR_interval_days}}>
    {{#ERR_interval_days}}<p class="field-error" id="interval_days-err">{{MSG}}</p>{{/ERR_interval_days}}

    <label for="next_due">{{K_PLAN_FIELD_NEXT_DUE}}</label>
    <input id="next_due" name="next_due" type="date" value="{{VAL_next_due}}" required{{#ERR_next_due}} aria-invalid="true" aria-describedby="next_due-err"{{/ERR_next_due}}>
    {{#ERR_next_due}}<p class="field-error" id="next_due-err">{{MSG}}</p>{{/ERR_next_due}}

    <label class="kb-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> {{K_PLAN_ACTIVE}}</label>
    <button type="submit" class="primary">{{K_SAVE}}</button>
  </form>
</section>

<section class="card" aria-labelledby="h-runs">
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
