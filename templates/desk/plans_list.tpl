{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb plans">
<nav class="kb-subnav" aria-label="{{K_PLANS}}">
  <a href="/desk/">{{K_NAV_QUEUE}}</a>
  <a href="/desk/kb">{{K_KB}}</a>
  <a href="/desk/plans" aria-current="page">{{K_PLANS}}</a>
</nav>
<div class="kb-head">
  <h1>{{PAGE_TITLE}}</h1>
  <a class="button primary" href="/desk/plans/new">{{K_PLAN_NEW}}</a>
</div>
<p class="muted small">{{K_PLANS_HINT}} {{K_TODAY}}{{K_COLON}}{{TODAY}}</p>
{{#EMPTY}}<section class="card"><p class="muted">{{K_PLANS_EMPTY}}</p></section>{{/EMPTY}}
{{#HAS_PLANS}}
<div class="card plans-table">
<table class="list">
  <thead><tr>
    <th scope="col">{{K_PLAN_COL_PLAN}}</th>
    <th scope="col">{{K_PLAN_COL_ASSET}}</th>
    <th scope="col">{{K_PLAN_COL_INTERVAL}}</th>
    <th scope="col">{{K_PLAN_COL_NEXT_DUE}}</th>
    <th scope="col">{{K_PLAN_COL_LAST_TICKET}}</th>
    <th scope="col">{{K_PLAN_COL_RUNS}}</th>
  </tr></thead>
  <tbody>
  {{#PLAN}}
  <tr class="plan-row{{#INACTIVE}} is-inactive{{/INACTIVE}}" id="plan-{{ID}}">
    <td><a href="/desk/plans/{{ID}}">{{TITLE}}</a>{{#INACTIVE}} <span class="badge">{{K_INACTIVE}}</span>{{/INACTIVE}}</td>
    <td>{{CUSTOMER}} · {{PHONE}}<br><span class="muted small">{{CATEGORY}}{{#PRODUCT}} · {{TEXT}}{{/PRODUCT}}{{#SERIAL}} · {{TEXT}}{{/SERIAL}}</span></td>
    <td class="plan-interval" data-label="{{K_PLAN_COL_INTERVAL}}">{{INTERVAL}}</td>
    <td class="plan-next-due" data-label="{{K_PLAN_COL_NEXT_DUE}}"><time>{{NEXT_DUE}}</time>{{#IS_DUE}} <span class="badge warn">{{K_DUE}}</span>
      <form method="post" action="/desk/plans/{{ID}}/generate" class="plan-generate-inline">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="due" value="{{NEXT_DUE}}">
        <button type="submit" class="small" id="plan-generate-{{ID}}">{{PL_GENERATE}}</button>
      </form>{{/IS_DUE}}</td>
    <td class="plan-last-ticket" data-label="{{K_PLAN_COL_LAST_TICKET}}">{{#LAST_TICKET}}<a href="/desk/tickets/{{TICKET_ID}}">{{NUMBER}}</a>{{/LAST_TICKET}}{{#NO_TICKET}}<span class="muted">—</span>{{/NO_TICKET}}</td>
    <td class="plan-runs" data-label="{{K_PLAN_COL_RUNS}}">{{RUNS}}</td>
  </tr>
  {{/PLAN}}
  </tbody>
</table>
</div>
{{/HAS_PLANS}}
<p class="kb-pager">
  {{#PREV_PAGE}}<a class="button" href="{{HREF}}" rel="prev">← {{K_PREV}}</a>{{/PREV_PAGE}}
  {{#NEXT_PAGE}}<a class="button" href="{{HREF}}" rel="next">{{K_NEXT}} →</a>{{/NEXT_PAGE}}
</p>
</div>
{{>LAYOUT_FOOT}}
