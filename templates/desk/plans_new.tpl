{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb plans">
<p class="kb-back"><a href="/desk/plans">← {{K_PLANS}}</a></p>
<section class="card kb-form">
  <h1>{{PAGE_TITLE}}</h1>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  {{#ERR_form_token}}<p class="note warn">{{K_ERR_FORM_EXPIRED}}</p>{{/ERR_form_token}}
  <form method="post" action="/desk/plans/new" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="form_token" value="{{VAL_form_token}}">
    <!-- Enter in any field creates the plan: the first submit button is the default. -->
    <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">{{K_CREATE}}</button>
    <fieldset class="stack">
      <legend>{{K_PLAN_ASSET}}</legend>
      <label for="phone">{{K_PHONE}}</label>
      <div class="plan-lookup">
        <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="off" value="{{VAL_phone}}" maxlength="40" placeholder="{{PHONE_PLACEHOLDER}}" required aria-describedby="phone-hint lookup-hint{{#ERR_phone}} phone-err{{/ERR_phone}}"{{#ERR_phone}} aria-invalid="true"{{/ERR_phone}}>
        <button type="submit" name="lookup" value="1" formnovalidate id="lookup-submit">{{PL_LOOKUP}}</button>
      </div>
      {{#ERR_phone}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/ERR_phone}}
      <p class="muted small" id="phone-hint">{{PHONE_HINT}}</p>
      <p class="muted small" id="lookup-hint">{{PL_LOOKUP_HINT}}</p>
      {{#LOOKUP_NONE}}<p class="note warn" role="status" id="lookup-none">{{PL_LOOKUP_NONE}}</p>{{/LOOKUP_NONE}}
      {{#LOOKUP_ONE}}<p class="note ok" role="status" id="lookup-one">{{PL_LOOKUP_ONE}}</p>{{/LOOKUP_ONE}}
      {{#LOOKUP_FOUND}}<div class="note ok" role="status" id="lookup-found">
        <p>{{PL_LOOKUP_FOUND}}</p>
        <ul class="plan-lookup-list">
          {{#LOOKUP_ITEM}}<li><button type="submit" name="from_ticket" value="{{TICKET_ID}}" formnovalidate class="small">{{PL_LOOKUP_USE}}</button> {{PRODUCT}} · {{ADDRESS}} <span class="muted small">{{NUMBER}}</span></li>{{/LOOKUP_ITEM}}
        </ul>
      </div>{{/LOOKUP_FOUND}}

      <label for="customer_name">{{K_CUSTOMER}}</label>
      <input id="customer_name" name="customer_name" value="{{VAL_customer_name}}" maxlength="50" required{{#ERR_customer_name}} aria-invalid="true" aria-describedby="customer_name-err"{{/ERR_customer_name}}>
      {{#ERR_customer_name}}<p class="field-error" id="customer_name-err">{{MSG}}</p>{{/ERR_customer_name}}

      <label for="address">{{K_ADDRESS}} <span class="opt">{{K_OPTIONAL}}</span></label>
      <input id="address" name="address" value="{{VAL_address}}" maxlength="255"{{#ERR_address}} aria-invalid="true" aria-describedby="address-err"{{/ERR_address}}>
      {{#ERR_address}}<p class="field-error" id="address-err">{{MSG}}</p>{{/ERR_address}}

      <label for="category">{{K_CATEGORY}}</label>
      <select id="category" name="category" required{{#ERR_category}} aria-invalid="true" aria-describedby="category-err"{{/ERR_category}}>
        <option value="">{{K_CHOOSE}}</option>
        {{#CATEGORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
      </select>
      {{#ERR_category}}<p class="field-error" id="category-err">{{MSG}}</p>{{/ERR_category}}

      <label for="product">{{K_PRODUCT}} <span class="opt">{{K_OPTIONAL}}</span></label>
      <input id="product" name="product" value="{{VAL_product}}" maxlength="100"{{#ERR_product}} aria-invalid="true" aria-describedby="product-err"{{/ERR_product}}>
      {{#ERR_product}}<p class="field-error" id="product-err">{{MSG}}</p>{{/ERR_product}}

      <label for="serial">{{K_SERIAL}} <span class="opt">{{K_OPTIONAL}}</span></label>
      <input id="serial" name="serial" value="{{VAL_serial}}" maxlength="64" spellcheck="false"{{#ERR_serial}} aria-invalid="true" aria-describedby="serial-err"{{/ERR_serial}}>
      {{#ERR_serial}}<p class="field-error" id="serial-err">{{MSG}}</p>{{/ERR_serial}}
    </fieldset>
    <fieldset class="stack">
      <legend>{{K_PLAN_SCHEDULE}}</legend>
      <label for="title">{{K_PLAN_FIELD_TITLE}}</label>
      <input id="title" name="title" value="{{VAL_title}}" maxlength="100" required placeholder="{{K_PLAN_TITLE_HINT}}"{{#ERR_title}} aria-invalid="true" aria-describedby="title-err"{{/ERR_title}}>
      {{#ERR_title}}<p class="field-error" id="title-err">{{MSG}}</p>{{/ERR_title}}

      <fieldset class="plan-interval-pair">
        <legend>{{PL_INTERVAL}}</legend>
        <label for="interval_n">{{PL_INTERVAL_N}}</label>
        <input id="interval_n" name="interval_n" type="number" inputmode="numeric" min="1" max="3650" step="1" value="{{VAL_interval_n}}" required{{#ERR_interval_n}} aria-invalid="true" aria-describedby="interval_n-err"{{/ERR_interval_n}}>
        <label for="interval_unit" class="visually-hidden">{{PL_INTERVAL_UNIT}}</label>
        <select id="interval_unit" name="interval_unit" required{{#ERR_interval_unit}} aria-invalid="true" aria-describedby="interval_unit-err"{{/ERR_interval_unit}}>
          {{#UNIT_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPT}}
        </select>
      </fieldset>
      {{#ERR_interval_n}}<p class="field-error" id="interval_n-err">{{MSG}}</p>{{/ERR_interval_n}}
      {{#ERR_interval_days}}<p class="field-error" id="interval_days-err">{{MSG}}</p>{{/ERR_interval_days}}
      {{#ERR_interval_unit}}<p class="field-error" id="interval_unit-err">{{MSG}}</p>{{/ERR_interval_unit}}

      <label for="next_due">{{K_PLAN_FIELD_NEXT_DUE}}</label>
      <input id="next_due" name="next_due" type="date" value="{{VAL_next_due}}" required{{#ERR_next_due}} aria-invalid="true" aria-describedby="next_due-err"{{/ERR_next_due}}>
      {{#ERR_next_due}}<p class="field-error" id="next_due-err">{{MSG}}</p>{{/ERR_next_due}}
    </fieldset>
    <fieldset class="stack">
      <legend>{{PL_DEFAULTS}}</legend>
      <label for="assignee">{{PL_ASSIGNEE}}</label>
      <select id="assignee" name="assignee"{{#ERR_assignee}} aria-invalid="true" aria-describedby="assignee-err"{{/ERR_assignee}}>
        <option value="">{{PL_NOBODY}}</option>
        {{#ASSIGNEE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ASSIGNEE_OPT}}
      </select>
      {{#ERR_assignee}}<p class="field-error" id="assignee-err">{{MSG}}</p>{{/ERR_assignee}}
      <label for="team">{{PL_TEAM}}</label>
      <select id="team" name="team"{{#ERR_team}} aria-invalid="true" aria-describedby="team-err"{{/ERR_team}}>
        <option value="">{{PL_NOBODY}}</option>
        {{#TEAM_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPT}}
      </select>
      {{#ERR_team}}<p class="field-error" id="team-err">{{MSG}}</p>{{/ERR_team}}
      <p class="muted small">{{PL_DEFAULTS_HINT}}</p>
    </fieldset>
    <button type="submit" class="primary" id="plan-create">{{K_CREATE}}</button>
  </form>
</section>
</div>
<script src="/static/js/plan-lookup.js" defer></script>
{{>LAYOUT_FOOT}}
