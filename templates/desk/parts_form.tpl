{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="pt">
<p class="pt-back"><a href="{{BACK_HREF}}">← {{P_BACK}}</a></p>
<section class="card narrow pt-form">
  <h1>{{PAGE_TITLE}}</h1>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert" id="errors">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="{{ACTION}}" class="stack" id="part-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">

    <label for="sku">{{P_SKU}}</label>
    <input id="sku" name="sku" value="{{VAL_sku}}" maxlength="64" required autocapitalize="characters" spellcheck="false" aria-describedby="sku-hint{{#ERR_sku}} sku-err{{/ERR_sku}}"{{#ERR_sku}} aria-invalid="true"{{/ERR_sku}}>
    {{#ERR_sku}}<p class="field-error" id="sku-err">{{MSG}}</p>{{/ERR_sku}}
    <p class="muted small" id="sku-hint">{{P_SKU_HINT}}</p>

    <label for="name_zh">{{P_NAME_ZH}}</label>
    <input id="name_zh" name="name_zh" value="{{VAL_name_zh}}" maxlength="100" required{{#ERR_name_zh}} aria-invalid="true" aria-describedby="name_zh-err"{{/ERR_name_zh}}>
    {{#ERR_name_zh}}<p class="field-error" id="name_zh-err">{{MSG}}</p>{{/ERR_name_zh}}

    <label for="name_en">{{P_NAME_EN}} <span class="opt">{{P_OPTIONAL}}</span></label>
    <input id="name_en" name="name_en" value="{{VAL_name_en}}" maxlength="100" lang="en"{{#ERR_name_en}} aria-invalid="true" aria-describedby="name_en-err"{{/ERR_name_en}}>
    {{#ERR_name_en}}<p class="field-error" id="name_en-err">{{MSG}}</p>{{/ERR_name_en}}

    <label for="category">{{P_CATEGORY}} <span class="opt">{{P_OPTIONAL}}</span></label>
    <select id="category" name="category"{{#ERR_category}} aria-invalid="true" aria-describedby="category-err"{{/ERR_category}}>
      <option value="">{{P_CATEGORY_NONE}}</option>
      {{#CATEGORY_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPT}}
    </select>
    {{#ERR_category}}<p class="field-error" id="category-err">{{MSG}}</p>{{/ERR_category}}

    <div class="pt-pair">
      <div class="stack">
        <label for="unit">{{P_UNIT}}</label>
        <input id="unit" name="unit" value="{{VAL_unit}}" maxlength="16" required{{#ERR_unit}} aria-invalid="true" aria-describedby="unit-err"{{/ERR_unit}}>
        {{#ERR_unit}}<p class="field-error" id="unit-err">{{MSG}}</p>{{/ERR_unit}}
      </div>
      <div class="stack">
        <label for="unit_cost">{{P_UNIT_COST}}</label>
        <input id="unit_cost" name="unit_cost" value="{{VAL_unit_cost}}" type="number" inputmode="decimal" min="0" max="9999999999.99" step="0.01" required{{#ERR_unit_cost}} aria-invalid="true" aria-describedby="unit_cost-err"{{/ERR_unit_cost}}>
        {{#ERR_unit_cost}}<p class="field-error" id="unit_cost-err">{{MSG}}</p>{{/ERR_unit_cost}}
      </div>
    </div>

    <div class="pt-pair">
      <div class="stack">
        <label for="reorder_level">{{P_REORDER_LEVEL}}</label>
        <input id="reorder_level" name="reorder_level" value="{{VAL_reorder_level}}" type="number" inputmode="numeric" min="0" max="1000000" step="1" required{{#ERR_reorder_level}} aria-invalid="true" aria-describedby="reorder_level-err"{{/ERR_reorder_level}}>
        {{#ERR_reorder_level}}<p class="field-error" id="reorder_level-err">{{MSG}}</p>{{/ERR_reorder_level}}
      </div>
      <div class="stack">
        <label for="reorder_qty">{{P_REORDER_QTY}}</label>
        <input id="reorder_qty" name="reorder_qty" value="{{VAL_reorder_qty}}" type="number" inputmode="numeric" min="0" max="1000000" step="1" required{{#ERR_reorder_qty}} aria-invalid="true" aria-describedby="reorder_qty-err"{{/ERR_reorder_qty}}>
        {{#ERR_reorder_qty}}<p class="field-error" id="reorder_qty-err">{{MSG}}</p>{{/ERR_reorder_qty}}
      </div>
    </div>
    <p class="muted small">{{P_REORDER_HINT}}</p>

    <label for="lead_time_days">{{P_LEAD_TIME}}</label>
    <input id="lead_time_days" name="lead_time_days" value="{{VAL_lead_time_days}}" type="number" inputmode="numeric" min="0" max="365" step="1" required{{#ERR_lead_time_days}} aria-invalid="true" aria-describedby="lead_time_days-err"{{/ERR_lead_time_days}}>
    {{#ERR_lead_time_days}}<p class="field-error" id="lead_time_days-err">{{MSG}}</p>{{/ERR_lead_time_days}}

    {{#MODE_EDIT}}
    <label class="pt-check"><input type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}> {{P_ACTIVE}}</label>
    {{/MODE_EDIT}}
    {{#ERR_active}}<p class="field-error">{{MSG}}</p>{{/ERR_active}}

    <button type="submit" class="primary" id="part-submit">{{#MODE_NEW}}{{P_CREATE}}{{/MODE_NEW}}{{#MODE_EDIT}}{{SAVE}}{{/MODE_EDIT}}</button>
  </form>
</section>
</div>
{{>LAYOUT_FOOT}}
