{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted">{{A_HOME_INTRO}}</p>
  {{#SLA_MISSING}}<p class="note bad" role="alert"><a href="/admin/sla">{{A_HOME_SLA_MISSING}}</a></p>{{/SLA_MISSING}}
</section>
<ul class="adm-tiles">
  <li class="card"><a href="/admin/users"><h2>{{A_TAB_USERS}}</h2>
    <p class="adm-num" id="count-users">{{USERS_ON}} <small>/ {{USERS}}</small></p>
    <p class="muted small">{{A_HOME_ACTIVE_OF}} · {{A_HOME_USERS}}</p></a></li>
  <li class="card"><a href="/admin/teams"><h2>{{A_TAB_TEAMS}}</h2>
    <p class="adm-num" id="count-teams">{{TEAMS}}</p>
    <p class="muted small">{{A_HOME_TEAMS}}</p></a></li>
  <li class="card"><a href="/admin/categories"><h2>{{A_TAB_CATEGORIES}}</h2>
    <p class="adm-num" id="count-categories">{{CATS_ON}} <small>/ {{CATS}}</small></p>
    <p class="muted small">{{A_HOME_ACTIVE_OF}} · {{A_HOME_CATEGORIES}}</p></a></li>
  <li class="card"><a href="/admin/sla"><h2>{{A_TAB_SLA}}</h2>
    <p class="adm-num">{{SLA_OVERRIDES}}</p>
    <p class="muted small">{{A_HOME_OVERRIDES}} · {{A_HOME_SLA}}</p></a></li>
  <li class="card"><a href="/admin/calendar"><h2>{{A_TAB_CALENDAR}}</h2>
    <p class="adm-num">{{DAYS}}</p>
    <p class="muted small">{{A_HOME_UPCOMING}} · {{A_HOME_CALENDAR}}</p></a></li>
  <li class="card"><a href="/admin/api-keys"><h2>{{A_TAB_API_KEYS}}</h2>
    <p class="adm-num" id="count-api-keys">{{KEYS_ON}} <small>/ {{KEYS}}</small></p>
    <p class="muted small">{{A_HOME_ACTIVE_OF}} · {{A_HOME_API_KEYS}}</p></a></li>
  <li class="card"><a href="/admin/rules"><h2>{{A_TAB_RULES}}</h2>
    <p class="adm-num" id="count-rules">{{RULES_ON}} <small>/ {{RULES}}</small></p>
    <p class="muted small">{{A_HOME_ACTIVE_OF}} · {{A_HOME_RULES}}</p></a></li>
  <li class="card"><a href="/admin/metrics"><h2>{{A_TAB_METRICS}}</h2>
    <p class="adm-num" id="count-metrics">{{METRICS_ON}} <small>/ {{METRICS}}</small></p>
    <p class="muted small">{{A_HOME_ACTIVE_OF}} · {{A_HOME_METRICS}}</p></a></li>
</ul>
{{>LAYOUT_FOOT}}
