{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<p class="kb-back"><a href="/okr/?cycle={{CYCLE_ID}}">← {{O_BOARD}} · {{CYCLE_NAME}}</a> · <a href="/okr/objectives/{{OBJ_ID}}">{{OBJ_TITLE}}</a></p>
<section class="card">
  <h1 class="kr-title">{{TITLE}}</h1>
  {{#CAN_EDIT}}<p class="okr-actions"><a class="button" href="/okr/krs/{{ID}}/edit" id="kr-edit">{{O_EDIT}}</a></p>{{/CAN_EDIT}}
  <div class="okr-score"><strong class="score band-{{BAND}}" data-score="{{SCORE}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg> <span class="badge band-{{BAND}}">{{BAND_LABEL}}</span> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span>{{#STALE}} <span class="badge warn">{{O_STALE}}</span>{{/STALE}}</div>
  <dl class="facts">
    <dt>{{O_F_TYPE}}</dt><dd>{{TYPE_LABEL}}</dd>
    <dt>{{O_CURRENT}}</dt><dd class="kr-current" data-value="{{CURRENT}}">{{CURRENT}}</dd>
    <dt>{{O_F_START}}</dt><dd>{{START}}{{UNIT}}</dd>
    <dt>{{O_F_TARGET}}</dt><dd>{{TARGET}}{{UNIT}}</dd>
    <dt>{{O_EXPECTED}}</dt><dd>{{EXPECTED_PCT}}%</dd>
    <dt>{{O_WEIGHT}}</dt><dd>{{WEIGHT}}</dd>
    <dt>{{O_OWNER}}</dt><dd>{{OWNER}}</dd>
    <dt>{{O_CONFIDENCE}}</dt><dd><span class="badge st-{{CONFIDENCE}}">{{CONFIDENCE_LABEL}}</span> {{CONF_NOTE}}</dd>
    <dt>{{O_F_SOURCE}}</dt><dd>{{SOURCE_LABEL}}</dd>
    {{#METRIC}}<dt>{{O_F_METRIC}}</dt><dd class="kr-metric"><strong>{{METRIC_LABEL}}</strong> <code>{{METRIC_KEY}}</code><br><span class="muted small">{{METRIC_DEF}}</span><br>{{O_PERIOD}} {{PERIOD}}{{#WINDOW}} ({{O_WINDOW}} {{DAYS}} {{O_DAYS}}){{/WINDOW}} · n = <span class="sample-n">{{SAMPLE_N}}</span>{{#F_CATEGORY}} · {{O_F_CATEGORY}} <span class="kr-filter">{{V}}</span>{{/F_CATEGORY}}{{#F_TEAM}} · {{O_TEAM}} <span class="kr-filter">{{V}}</span>{{/F_TEAM}}{{#F_CHANNEL}} · {{O_F_CHANNEL}} <span class="kr-filter">{{V}}</span>{{/F_CHANNEL}}{{#F_TECHNICIAN}} · {{O_F_TECHNICIAN}} <span class="kr-filter">{{V}}</span>{{/F_TECHNICIAN}}{{#DRILL}}<br><a class="drill" href="{{HREF}}">{{O_TICKETS_BEHIND}}</a>{{/DRILL}}</dd>{{/METRIC}}
  </dl>
</section>

<section class="card chart-card okr-history" aria-label="{{O_HISTORY}}">
  {{>HISTORY}}
</section>

<section class="card" id="checkins" aria-labelledby="h-ci">
  <h2 id="h-ci">{{O_CHECKINS}}</h2>
  {{#NEVER_CHECKED}}<p class="note warn">{{O_NEVER_CHECKED}}</p>{{/NEVER_CHECKED}}
  {{#CAN_EDIT}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{O_FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/okr/krs/{{ID}}/checkins" class="stack checkin-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#MANUAL}}<label for="value">{{O_VALUE}} ({{UNIT}})</label>
    <input id="value" name="value" inputmode="decimal" value="{{VAL_value}}" required{{#ERR_value}} aria-invalid="true" aria-describedby="value-err"{{/ERR_value}}>{{/MANUAL}}
    {{#COMPUTED}}<p class="muted small">{{O_COMPUTED_NOTE}}</p>{{/COMPUTED}}
    {{#ERR_value}}<p class="field-error" id="value-err">{{MSG}}</p>{{/ERR_value}}
    <label for="confidence">{{O_CONFIDENCE}}</label>
    <select id="confidence" name="confidence"{{#ERR_confidence}} aria-invalid="true"{{/ERR_confidence}}>{{#CONF_OPTION}}<option value="{{OPT_ID}}">{{OPT_NAME}}</option>{{/CONF_OPTION}}</select>
    {{#ERR_confidence}}<p class="field-error">{{MSG}}</p>{{/ERR_confidence}}
    <label for="comment">{{O_COMMENT}}</label>
    <textarea id="comment" name="comment" rows="2" maxlength="1000"{{#ERR_comment}} aria-invalid="true"{{/ERR_comment}}>{{VAL_comment:pre_escape}}</textarea>
    {{#ERR_comment}}<p class="field-error">{{MSG}}</p>{{/ERR_comment}}
    <button type="submit" class="primary">{{O_CHECK_IN}}</button>
  </form>
  {{/CAN_EDIT}}
  {{#NO_CHECKINS}}<p class="muted">{{O_NO_CHECKINS}}</p>{{/NO_CHECKINS}}
  <table class="list checkin-list"><thead><tr><th scope="col">{{O_WHEN}}</th><th scope="col">{{O_WHO}}</th><th scope="col">{{O_VALUE}}</th><th scope="col">{{O_CONFIDENCE}}</th><th scope="col">{{O_COMMENT}}</th></tr></thead>
  <tbody>{{#CHECKIN}}<tr><td data-label="{{O_WHEN}}">{{AT}}</td><td data-label="{{O_WHO}}">{{WHO}}</td><td data-label="{{O_VALUE}}" class="ci-value">{{VALUE}}</td><td data-label="{{O_CONFIDENCE}}"><span class="badge st-{{CONF}}">{{CONF_LABEL}}</span></td><td data-label="{{O_COMMENT}}" class="pre">{{COMMENT:pre_escape}}</td></tr>{{/CHECKIN}}</tbody></table>
</section>

<section class="card" id="initiatives" aria-labelledby="h-init">
  <h2 id="h-init">{{O_INITIATIVES}}</h2>
  {{#NO_INITIATIVES}}<p class="muted">{{O_NO_INITIATIVES}}</p>{{/NO_INITIATIVES}}
  <ul class="initiative-list">{{#INITIATIVE}}<li><strong>{{TITLE}}</strong> <span class="badge">{{ISTATUS_LABEL}}</span> <span class="muted small">{{OWNER}} · {{O_DUE}} {{DUE}}</span>{{#TICKET}} · <a href="/desk/tickets/{{TID}}">{{TNUMBER}}</a>{{/TICKET}}{{#ARTICLE}} · <a href="/desk/kb/{{AID}}">{{ATITLE}}</a>{{/ARTICLE}}</li>{{/INITIATIVE}}</ul>
  {{#CAN_EDIT}}
  <details class="init-form"{{#FORM_HAS_ERRORS}} open{{/FORM_HAS_ERRORS}}><summary>{{O_NEW_INITIATIVE}}</summary>
  <form method="post" action="/okr/krs/{{ID}}/initiatives" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="i-title">{{O_F_TITLE}}</label>
    <input id="i-title" name="title" maxlength="200" value="{{VAL_title}}"{{#ERR_title}} aria-invalid="true"{{/ERR_title}}>
    {{#ERR_title}}<p class="field-error">{{MSG}}</p>{{/ERR_title}}
    <label for="i-owner">{{O_OWNER}}</label>
    <select id="i-owner" name="owner"><option value="">{{O_NOBODY}}</option>{{#USER_OPTION}}<option value="{{OPT_ID}}">{{OPT_NAME}}</option>{{/USER_OPTION}}</select>
    {{#ERR_owner}}<p class="field-error">{{MSG}}</p>{{/ERR_owner}}
    <label for="i-status">{{O_STATUS}}</label>
    <select id="i-status" name="status">{{#ISTATUS_OPTION}}<option value="{{OPT_ID}}">{{OPT_NAME}}</option>{{/ISTATUS_OPTION}}</select>
    {{#ERR_status}}<p class="field-error">{{MSG}}</p>{{/ERR_status}}
    <label for="i-due">{{O_DUE}}</label>
    <input id="i-due" name="due_on" type="date" value="{{VAL_due_on}}"{{#ERR_due_on}} aria-invalid="true"{{/ERR_due_on}}>
    {{#ERR_due_on}}<p class="field-error">{{MSG}}</p>{{/ERR_due_on}}
    <label for="i-ticket">{{O_F_TICKET}}</label>
    <input id="i-ticket" name="ticket" value="{{VAL_ticket}}" placeholder="R-20261126-0001"{{#ERR_ticket}} aria-invalid="true"{{/ERR_ticket}}>
    {{#ERR_ticket}}<p class="field-error">{{MSG}}</p>{{/ERR_ticket}}
    <label for="i-kb">{{O_F_ARTICLE}}</label>
    <input id="i-kb" name="kb_article" inputmode="numeric" value="{{VAL_kb_article}}"{{#ERR_kb_article}} aria-invalid="true"{{/ERR_kb_article}}>
    {{#ERR_kb_article}}<p class="field-error">{{MSG}}</p>{{/ERR_kb_article}}
    <button type="submit" class="primary">{{O_ADD_INITIATIVE}}</button>
  </form>
  </details>
  {{/CAN_EDIT}}
</section>
</div>
{{>LAYOUT_FOOT}}
