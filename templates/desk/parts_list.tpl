{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="pt">
<div class="pt-head">
  <h1>{{PAGE_TITLE}}
    {{#HAS_ALERTS}}<a class="badge bad pt-alert-badge" id="alert-badge" href="/desk/parts?alerts=1" title="{{P_ALERTS_ONLY}}">{{P_ALERTS}} {{ALERT_COUNT}}</a>{{/HAS_ALERTS}}
  </h1>
  {{#CAN_EDIT}}<a class="button primary" href="/desk/parts/new" id="part-new">{{P_NEW_TITLE}}</a>{{/CAN_EDIT}}
</div>

<section class="card">
  <form method="get" action="/desk/parts" class="pt-search" role="search">
    <label for="q" class="visually-hidden">{{P_SEARCH}}</label>
    <input id="q" name="q" type="search" value="{{VAL_q}}" maxlength="64" placeholder="{{P_SEARCH_HINT}}"{{#ERR_q}} aria-invalid="true" aria-describedby="q-err"{{/ERR_q}}>
    <label class="pt-check"><input type="checkbox" name="alerts" value="1"{{#FILTER_ALERTS}} checked{{/FILTER_ALERTS}}> {{P_ALERTS_ONLY}}</label>
    <button type="submit">{{P_SEARCH}}</button>
    {{#ERR_q}}<p class="field-error" id="q-err">{{MSG}}</p>{{/ERR_q}}
    {{#ERR_alerts}}<p class="field-error">{{MSG}}</p>{{/ERR_alerts}}
  </form>
  <p class="pt-filter small">
    {{#FILTER_ALERTS}}<a href="/desk/parts">{{P_SHOW_ALL}}</a>{{/FILTER_ALERTS}}
    {{#FILTER_ALL}}<a href="/desk/parts?alerts=1">{{P_ALERTS_ONLY}}</a>{{/FILTER_ALL}}
  </p>

  {{#NO_PARTS}}<p class="muted">{{P_LIST_EMPTY}}</p>{{/NO_PARTS}}
  {{#NO_MATCH}}<p class="muted" id="no-match">{{P_LIST_NO_MATCH}}</p>{{/NO_MATCH}}
  {{#HAS_PARTS}}
  <table class="list pt-list">
    <thead><tr><th>{{P_SKU}}</th><th>{{P_NAME}}</th><th class="num">{{P_STOCK_TOTAL}}</th><th class="num">{{P_REORDER_LEVEL}}</th><th>{{P_STATE}}</th></tr></thead>
    <tbody>
      {{#PART}}
      <tr class="pt-row{{#ALERT}} is-alert{{/ALERT}}{{#INACTIVE}} is-inactive{{/INACTIVE}}">
        <td data-label="{{P_SKU}}"><a class="pt-sku" href="/desk/parts/{{ID}}">{{SKU}}</a></td>
        <td data-label="{{P_NAME}}">{{NAME}}</td>
        <td data-label="{{P_STOCK_TOTAL}}" class="num pt-stock">{{STOCK}} {{UNIT}}</td>
        <td data-label="{{P_REORDER_LEVEL}}" class="num">{{LEVEL}}</td>
        <td data-label="{{P_STATE}}">{{#ALERT}}<span class="badge bad pt-alert">{{P_ALERT}}</span>{{/ALERT}}{{#INACTIVE}}<span class="badge">{{P_INACTIVE}}</span>{{/INACTIVE}}</td>
      </tr>
      {{/PART}}
    </tbody>
  </table>
  {{#TRUNCATED}}<p class="note warn small">{{P_LIST_TRUNCATED}}</p>{{/TRUNCATED}}
  {{/HAS_PARTS}}
</section>
</div>
{{>LAYOUT_FOOT}}
