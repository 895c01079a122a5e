{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="pt">
<p class="pt-back"><a href="/desk/parts">← {{P_LIST_TITLE}}</a></p>
{{#FORM_HAS_ERRORS}}<p class="note bad" role="alert"><a href="#stock">{{FORM_ERRORS}}</a></p>{{/FORM_HAS_ERRORS}}

<section class="card pt-facts">
  <div class="pt-head">
    <h1><span class="pt-sku">{{SKU}}</span> {{NAME}}
      {{#ALERT}}<span class="badge bad pt-alert" id="part-alert">{{P_ALERT}}</span>{{/ALERT}}
      {{#INACTIVE}}<span class="badge">{{P_INACTIVE}}</span>{{/INACTIVE}}</h1>
    {{#CAN_EDIT}}<a class="button" href="/desk/parts/{{ID}}/edit" id="part-edit">{{P_EDIT_TITLE}}</a>{{/CAN_EDIT}}
  </div>
  <dl class="facts">
    <dt>{{P_NAME_ZH}}</dt><dd>{{NAME_ZH}}</dd>
    <dt>{{P_NAME_EN}}</dt><dd lang="en">{{NAME_EN}}</dd>
    <dt>{{P_CATEGORY}}</dt><dd>{{#CATEGORY}}{{TEXT}}{{/CATEGORY}}{{#CATEGORY_NONE}}<span class="muted">{{P_CATEGORY_NONE}}</span>{{/CATEGORY_NONE}}</dd>
    <dt>{{P_UNIT}}</dt><dd>{{UNIT}}</dd>
    <dt>{{P_UNIT_COST}}</dt><dd>¥{{UNIT_COST}}</dd>
    <dt>{{P_STOCK_TOTAL}}</dt><dd><strong id="stock-total">{{STOCK_TOTAL}}</strong> {{UNIT}}</dd>
    <dt>{{P_REORDER_LEVEL}}</dt><dd id="reorder-level">{{LEVEL}}</dd>
    <dt>{{P_REORDER_QTY}}</dt><dd>{{REORDER_QTY}}</dd>
    <dt>{{P_LEAD_TIME}}</dt><dd>{{LEAD_DAYS}}</dd>
    <dt>{{P_CREATED}}</dt><dd>{{CREATED}}</dd>
  </dl>
</section>

<section class="card pt-cats" id="categories" aria-labelledby="h-categories">
  <h2 id="h-categories">{{P_CATS_TITLE}}</h2>
  {{#CATS_SAVED}}<p class="note ok" role="status" id="cats-saved">{{P_CATS_SAVED}}</p>{{/CATS_SAVED}}
  {{#CATS_ERROR}}<p class="note bad" role="alert" id="cats-error">{{MSG}}</p>{{/CATS_ERROR}}
  <p id="cats-tied">{{#CAT_TIED}}<span class="badge">{{NAME}}</span> {{/CAT_TIED}}{{#CATS_NONE}}<span class="muted">{{P_CATS_NONE}}</span>{{/CATS_NONE}}</p>
  <p class="muted small">{{P_CATS_HINT}}</p>
  {{#CATS_FORM}}
  <form method="post" action="/desk/parts/{{ID}}/categories" id="cats-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset class="pt-cat-boxes">
      <legend>{{P_CATS_EDIT}}</legend>
      {{#CAT_BOX}}<label class="pt-check"><input type="checkbox" name="{{FIELD}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
      {{/CAT_BOX}}
    </fieldset>
    <button type="submit" id="cats-submit">{{P_CATS_SUBMIT}}</button>
  </form>
  {{/CATS_FORM}}
</section>

<div class="pt-grid">
<section class="card pt-stock" id="stock" aria-labelledby="h-stock">
  <h2 id="h-stock">{{P_STOCK_BY_LOCATION}}</h2>
  <table class="list">
    <thead><tr><th>{{P_LOCATION}}</th><th class="num">{{P_QTY}}</th><th>{{P_UPDATED}}</th></tr></thead>
    <tbody>
      {{#LOC}}<tr class="pt-loc"><td data-label="{{P_LOCATION}}">{{NAME}}</td><td data-label="{{P_QTY}}" class="num pt-loc-qty">{{QTY}}</td><td data-label="{{P_UPDATED}}">{{UPDATED}}</td></tr>{{/LOC}}
    </tbody>
  </table>

  {{#STOCK_FORM}}
  <form method="post" action="/desk/parts/{{ID}}/stock" class="stack pt-stock-form" id="stock-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <h3>{{P_STOCK_FORM}}</h3>
    <label for="st-action">{{P_ACTION}}</label>
    <select id="st-action" name="action"{{#ERR_action}} aria-invalid="true" aria-describedby="st-action-err"{{/ERR_action}}>
      {{#ACTION_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTION_OPT}}
    </select>
    {{#ERR_action}}<p class="field-error" id="st-action-err">{{MSG}}</p>{{/ERR_action}}
    <label for="st-location">{{P_LOCATION}}</label>
    <select id="st-location" name="location"{{#ERR_location}} aria-invalid="true" aria-describedby="st-location-err"{{/ERR_location}}>
      {{#LOC_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LOC_OPT}}
    </select>
    {{#ERR_location}}<p class="field-error" id="st-location-err">{{MSG}}</p>{{/ERR_location}}
    <label for="st-to">{{P_TO_LOCATION}} <span class="opt">{{P_TO_LOCATION_HINT}}</span></label>
    <select id="st-to" name="to_location"{{#ERR_to_location}} aria-invalid="true" aria-describedby="st-to-err"{{/ERR_to_location}}>
      <option value="">—</option>
      {{#TO_LOC_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_LOC_OPT}}
    </select>
    {{#ERR_to_location}}<p class="field-error" id="st-to-err">{{MSG}}</p>{{/ERR_to_location}}
    <label for="st-qty">{{P_QTY}}</label>
    <input id="st-qty" name="qty" type="number" min="-1000000" max="1000000" step="1" value="{{VAL_qty}}" required aria-describedby="st-qty-hint{{#ERR_qty}} st-qty-err{{/ERR_qty}}"{{#ERR_qty}} aria-invalid="true"{{/ERR_qty}}>
    {{#ERR_qty}}<p class="field-error" id="st-qty-err">{{MSG}}</p>{{/ERR_qty}}
    <p class="muted small" id="st-qty-hint">{{P_QTY_HINT}}</p>
    <label for="st-note">{{P_NOTE}} <span class="opt">{{P_NOTE_HINT}}</span></label>
    <input id="st-note" name="note" maxlength="200" value="{{VAL_note}}"{{#ERR_note}} aria-invalid="true" aria-describedby="st-note-err"{{/ERR_note}}>
    {{#ERR_note}}<p class="field-error" id="st-note-err">{{MSG}}</p>{{/ERR_note}}
    <button type="submit" class="primary" id="stock-submit">{{P_STOCK_SUBMIT}}</button>
  </form>
  {{/STOCK_FORM}}
</section>

<section class="card pt-forecast" id="forecast" aria-labelledby="h-forecast">
  <h2 id="h-forecast">{{P_FORECAST}}</h2>
  <p class="pt-method"><span class="badge" id="fc-method" data-method="{{FC_METHOD}}">{{FC_METHOD_LABEL}}</span>
    <span class="muted small">{{P_FC_BASED_ON}} {{FC_N}} {{P_FC_MONTHS}}</span></p>
  {{#FC_NONE}}<p class="muted" id="fc-none">{{P_FC_NONE}}</p>{{/FC_NONE}}
  {{#FC}}
  <dl class="facts">
    <dt>{{P_FC_NEXT}}</dt><dd><strong id="fc-next">{{FC_NEXT}}</strong> {{UNIT}}</dd>
    <dt>{{P_FC_SIGMA}}</dt><dd id="fc-sigma">{{FC_SIGMA}}</dd>
    <dt>{{P_FC_LEAD}}</dt><dd>{{FC_LEAD_MONTHS}} {{P_FC_MONTHS_UNIT}}</dd>
    <dt>{{P_FC_LEAD_DEMAND}}</dt><dd id="fc-lead-demand">{{FC_LEAD_DEMAND}}</dd>
    <dt>{{P_FC_SAFETY}}</dt><dd id="fc-safety">{{FC_SAFETY}} <span class="muted small">(z = {{FC_Z}})</span></dd>
    <dt>{{P_STOCK_TOTAL}}</dt><dd>{{STOCK_TOTAL}}</dd>
    <dt>{{P_FC_SUGGEST}}</dt><dd><strong id="fc-suggest">{{FC_SUGGEST}}</strong> {{UNIT}} <span class="muted small">({{P_REORDER_QTY}} {{REORDER_QTY}})</span></dd>
  </dl>
  <table class="list pt-ahead">
    <thead><tr><th>{{P_MONTH}}</th><th class="num">{{P_FC_QTY}}</th></tr></thead>
    <tbody>{{#FC_AHEAD}}<tr><td>{{LABEL}}</td><td class="num">{{QTY}}</td></tr>{{/FC_AHEAD}}</tbody>
  </table>
  {{/FC}}
  <p class="muted small pt-explain">{{FC_EXPLAIN}} {{P_FC_SUGGEST_EXPLAIN}}</p>
</section>
</div>

<section class="card pt-usage" id="usage" aria-labelledby="h-usage">
  <h2 id="h-usage">{{P_USAGE}}</h2>
  <table class="list pt-months">
    <thead><tr><th>{{P_MONTH}}</th><th class="num">{{P_USED}}</th><th class="pt-bar-col"><span class="visually-hidden">{{P_USED}}</span></th></tr></thead>
    <tbody>
      {{#MONTH}}<tr class="pt-month{{#RUNNING}} is-running{{/RUNNING}}{{#BEFORE}} is-before{{/BEFORE}}"><td data-label="{{P_MONTH}}">{{LABEL}}{{#RUNNING}} <span class="muted small">{{P_MONTH_RUNNING}}</span>{{/RUNNING}}</td><td data-label="{{P_USED}}" class="num">{{QTY}}</td><td class="pt-bar-col"><meter min="0" max="{{MAX}}" value="{{QTY}}">{{QTY}}</meter></td></tr>{{/MONTH}}
    </tbody>
  </table>
</section>

<section class="card pt-moves" id="moves" aria-labelledby="h-moves">
  <h2 id="h-moves">{{P_MOVES}}</h2>
  {{#NO_MOVES}}<p class="muted">{{P_MOVES_NONE}}</p>{{/NO_MOVES}}
  {{#HAS_MOVES}}
  <table class="list">
    <thead><tr><th>{{P_AT}}</th><th>{{P_LOCATION}}</th><th class="num">{{P_DELTA}}</th><th>{{P_REASON}}</th><th>{{P_WHO}}</th><th>{{P_NOTE}}</th></tr></thead>
    <tbody>
      {{#MOVE}}<tr class="pt-move"><td data-label="{{P_AT}}"><time>{{AT}}</time></td><td data-label="{{P_LOCATION}}">{{LOC}}</td><td data-label="{{P_DELTA}}" class="num pt-delta{{#OUT}} is-out{{/OUT}}{{#IN}} is-in{{/IN}}">{{DELTA}}</td><td data-label="{{P_REASON}}">{{REASON}}{{#TICKET}} <a href="/desk/tickets/{{TID}}">{{NUMBER}}</a>{{/TICKET}}</td><td data-label="{{P_WHO}}">{{ACTOR}}</td><td data-label="{{P_NOTE}}">{{#NOTE}}{{TEXT}}{{/NOTE}}</td></tr>{{/MOVE}}
    </tbody>
  </table>
  <p class="muted small">{{P_MOVES_LATEST}}</p>
  {{/HAS_MOVES}}
</section>
</div>
{{>LAYOUT_FOOT}}
