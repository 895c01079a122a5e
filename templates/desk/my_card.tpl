{{%AUTOESCAPE context="HTML"}}<li class="card my-order{{#OVERDUE}} is-overdue{{/OVERDUE}}{{#RESOLVED}} is-done{{/RESOLVED}}">
    <p class="my-head">
      <a class="my-num" href="/desk/tickets/{{ID}}">{{NUMBER}}</a>
      <span class="badge st st-{{STATUS}}">{{STATUS_LABEL}}</span>
      {{#HOT}}<span class="badge bad">{{PRIORITY_LABEL}}</span>{{/HOT}}
      {{#ON_SITE}}<span class="badge warn">{{T_VISIT_ON_SITE}}</span>{{/ON_SITE}}
    </p>
    {{#APPT}}<p class="my-appt">{{APPT_LABEL}}{{T_COLON}}<strong>{{TEXT}}</strong></p>{{/APPT}}
    <p class="my-what">{{CATEGORY}}{{#PRODUCT}} · {{TEXT}}{{/PRODUCT}}</p>
    <p class="my-who">{{CUSTOMER}}</p>
    {{#ADDRESS}}<p class="my-addr">{{TEXT}}</p>{{/ADDRESS}}
    {{#OPEN}}<p class="my-due">{{T_MY_DUE}}{{T_COLON}}<time>{{DUE}}</time>{{#OVERDUE}} <span class="badge bad">{{T_LATE}}</span>{{/OVERDUE}}{{#PAUSED}} <span class="badge warn">{{T_MY_PAUSED}}</span>{{/PAUSED}}</p>
    <p class="my-actions">
      <a class="button" href="tel:{{TEL}}">{{T_CALL}} {{PHONE}}</a>
      <a class="button primary" href="/desk/tickets/{{ID}}">{{T_MY_OPEN}}</a>
    </p>{{/OPEN}}
    {{#RESOLVED}}<p class="my-due">{{MY_RESOLVED_AT}}{{T_COLON}}<time>{{AT}}</time></p>{{/RESOLVED}}
  </li>
