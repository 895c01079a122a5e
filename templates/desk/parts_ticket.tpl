{{%AUTOESCAPE context="HTML"}}<section class="card pt-ticket" id="parts" aria-labelledby="h-parts">
  <h2 id="h-parts">{{P_TICKET_PARTS}}</h2>
  {{#ERR_main}}<p class="note bad" role="alert" id="parts-error">{{MSG}}</p>{{/ERR_main}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert" id="parts-errors">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  {{#PARTS_NONE}}<p class="muted" id="parts-none">{{P_TICKET_NONE}}</p>{{/PARTS_NONE}}
  {{#HAS_PARTS}}
  <table class="list pt-used">
    <thead><tr><th>{{P_PART}}</th><th class="num">{{P_QTY}}</th><th>{{P_LOCATION}}</th><th>{{P_WHO}}</th><th>{{P_AT}}</th></tr></thead>
    <tbody>
      {{#PARTS_USED}}
      <tr class="pt-used-row">
        <td data-label="{{P_PART}}"><a href="/desk/parts/{{PART_ID}}"><span class="pt-sku">{{SKU}}</span></a> {{NAME}}</td>
        <td data-label="{{P_QTY}}" class="num">{{QTY}} {{UNIT}}</td>
        <td data-label="{{P_LOCATION}}">{{LOCATION}}</td>
        <td data-label="{{P_WHO}}">{{WHO}}</td>
        <td data-label="{{P_AT}}"><time>{{AT}}</time></td>
      </tr>
      {{/PARTS_USED}}
    </tbody>
  </table>
  {{/HAS_PARTS}}
  {{#PARTS_CLOSED}}<p class="muted small" id="parts-closed">{{P_TICKET_CLOSED}}</p>{{/PARTS_CLOSED}}
  {{#PARTS_FORM}}
  <form method="post" action="/desk/tickets/{{TICKET_ID}}/parts" class="stack pt-use" id="parts-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="back" value="{{BACK}}">
    <label for="pt-part">{{P_PART}}</label>
    <select id="pt-part" name="part" required{{#ERR_part}} aria-invalid="true" aria-describedby="pt-part-err"{{/ERR_part}}>
      <option value="">{{P_CHOOSE}}</option>
      {{#PART_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}} · {{P_IN_STOCK}} {{STOCK}} {{UNIT}}</option>{{/PART_OPT}}
    </select>
    {{#ERR_part}}<p class="field-error" id="pt-part-err">{{MSG}}</p>{{/ERR_part}}
    <label for="pt-location">{{P_FROM_LOCATION}}</label>
    <select id="pt-location" name="location" required{{#ERR_location}} aria-invalid="true" aria-describedby="pt-location-err"{{/ERR_location}}>
      {{#LOC_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LOC_OPT}}
    </select>
    {{#ERR_location}}<p class="field-error" id="pt-location-err">{{MSG}}</p>{{/ERR_location}}
    <label for="pt-qty">{{P_QTY}}</label>
    <input id="pt-qty" name="qty" type="number" min="1" max="9999" step="1" inputmode="numeric" value="{{VAL_qty}}" required{{#ERR_qty}} aria-invalid="true" aria-describedby="pt-qty-err"{{/ERR_qty}}>
    {{#ERR_qty}}<p class="field-error" id="pt-qty-err">{{MSG}}</p>{{/ERR_qty}}
    {{#ERR_back}}<p class="field-error">{{MSG}}</p>{{/ERR_back}}
    <button type="submit" class="primary" id="parts-submit">{{P_USE_SUBMIT}}</button>
  </form>
  {{/PARTS_FORM}}
</section>
