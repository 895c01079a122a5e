{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="jr">
<section class="card">
  <p class="kb-back"><a href="/journeys/{{MAP_ID}}">← {{NAME}}</a></p>
  <h1>{{PAGE_TITLE}}{{J_COLON}}{{NAME}}</h1>
  <p class="muted small">{{J_HISTORY_HELP}}</p>
  <div class="table-scroll">
  <table class="jr-history">
    <thead><tr><th>{{J_WHEN}}</th><th>{{J_WHO}}</th><th>{{J_WHAT}}</th><th>{{J_DETAIL}}</th><th>{{J_VERSION}}</th></tr></thead>
    <tbody>{{#EVENT}}<tr class="jr-event"><td>{{AT}}</td><td>{{WHO}}</td><td>{{ACTION}}</td><td>{{DETAIL}}</td><td>{{V}}</td></tr>{{/EVENT}}</tbody>
  </table>
  </div>
</section>
</div>
{{>LAYOUT_FOOT}}
