{{%AUTOESCAPE context="HTML"}}<section class="card pt-ticket" id="parts" aria-labelledby="h-parts">
  <h2 id="h-parts">{{P_TICKET_PARTS}}</h2>
  {{#ERR_main}}<p class="note bad" role="alert" id="parts-error">{{MSG}}</p>{{/ERR_main}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert" id="parts-errors">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  {{#PARTS_DONE}}<p class="note ok" role="status" id="parts-done">{{P_DONE}}{{SKU}} {{NAME}} × {{QTY}} {{UNIT}}({{LOCATION}})</p>{{/PARTS_DONE}}
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
    <label for="pt-pick">{{P_PICK}}</label>
    <ul class="muted small pt-hints" id="pt-hints">
      {{#HINT_CATEGORY}}<li id="pt-hint-category">{{P_HINT_CATEGORY}}{{CATEGORY}}</li>{{/HINT_CATEGORY}}
      {{#HINT_NEAR}}<li id="pt-hint-near">{{P_HINT_NEAR}}{{LOC}} · {{WHO}}</li>{{/HINT_NEAR}}
      <li>{{P_HINT_EMPTY}}</li>
    </ul>
    <select id="pt-pick" name="pick" required{{#ERR_pick}} aria-invalid="true" aria-describedby="pt-pick-err"{{/ERR_pick}}>
      <option value="">{{P_CHOOSE}}</option>
      {{#PART_GROUP}}<optgroup label="{{LABEL}}"{{#FITS}} data-fits="1"{{/FITS}}>
        {{#STOCK_OPT}}<option value="{{VALUE}}"{{#EMPTY}} disabled{{/EMPTY}}{{#SELECTED}} selected{{/SELECTED}}>{{LOC}} · {{QTY_TEXT}}{{#NEAR}} · {{P_NEAR}}{{/NEAR}}</option>{{/STOCK_OPT}}
      </optgroup>{{/PART_GROUP}}
    </select>
    {{#ERR_pick}}<p class="field-error" id="pt-pick-err">{{MSG}}</p>{{/ERR_pick}}
    {{#ERR_part}}<p class="field-error" id="pt-part-err">{{MSG}}</p>{{/ERR_part}}
    {{#ERR_location}}<p class="field-error" id="pt-location-err">{{MSG}}</p>{{/ERR_location}}
    <label for="pt-qty">{{P_QTY}}</label>
    <input id="pt-qty" name="qty" type="number" min="1" max="9999" step="1" inputmode="numeric" value="{{VAL_qty}}" required{{#ERR_qty}} aria-invalid="true" aria-describedby="pt-qty-err"{{/ERR_qty}}>
    {{#ERR_qty}}<p class="field-error" id="pt-qty-err">{{MSG}}</p>{{/ERR_qty}}
    {{#ERR_back}}<p class="field-error">{{MSG}}</p>{{/ERR_back}}
    <button type="submit" class="primary" id="parts-submit">{{P_USE_SUBMIT}}</button>
  </form>
  {{/PARTS_FORM}}
</section>
