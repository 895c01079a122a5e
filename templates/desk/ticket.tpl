{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="tk">
<p class="tk-back"><a href="{{BACK_HREF}}">← {{BACK_LABEL}}</a></p>
{{#CONFLICT}}
<div class="note bad tk-alert" role="alert">
  <p>{{T_ERR_CONFLICT}}</p>
  <p><a class="button" href="/desk/tickets/{{ID}}">{{T_RELOAD}}</a></p>
</div>
{{/CONFLICT}}
{{#ACTION_ERROR}}<p class="note bad tk-alert" role="alert"><a href="#{{FORM}}">{{MSG}}</a></p>{{/ACTION_ERROR}}

<section class="card tk-head">
  <h1><span class="tk-num">{{NUMBER}}</span>
    <span class="badge st st-{{STATUS}}">{{STATUS_LABEL}}</span>
    <span class="badge pr pr-{{PRIORITY}}">{{PRIORITY_LABEL}}</span></h1>
  <p class="muted small tk-meta">
    <span>{{T_CATEGORY}}{{T_COLON}}{{CATEGORY}}</span>
    <span>{{T_CHANNEL}}{{T_COLON}}{{CHANNEL_LABEL}}</span>
    <span>{{T_CREATED}}{{T_COLON}}{{CREATED}}</span>
    <span>{{T_UPDATED}}{{T_COLON}}{{UPDATED}}</span>
    <span>({{T_TZ}})</span>
  </p>
  <p class="tk-links small"><a href="/desk/tickets/{{ID}}/parts">{{T_LINK_PARTS}}</a> <a href="/desk/tickets/{{ID}}/kb">{{T_LINK_KB}}</a> <a href="/desk/tickets/{{ID}}/print" target="_blank" id="print-link">{{F_PRINT}}</a></p>
</section>
<div class="tk-grid">
<div class="tk-main">
  {{!-- Laptop: the conversation (the timeline, opened by the report with the
       fault) and the reply box; phone: CSS order puts the job, the fault
       card and the actions first. --}}

  <section class="card tk-desc" aria-labelledby="h-desc">
    <h2 id="h-desc">{{T_DESCRIPTION}}</h2>
    <p class="pre tk-description">{{DESCRIPTION:pre_escape}}</p>
    {{#PHOTOS}}
    <h3>{{T_PHOTOS}}</h3>
    <ul class="tk-thumbs">
      {{#PHOTO}}<li><a href="/desk/attachments/{{AID}}/view" target="_blank" rel="noopener" title="{{T_PHOTO_OPEN}}"><img src="/desk/attachments/{{AID}}/thumb" alt="{{FILENAME}}" width="112" height="112" loading="lazy"></a></li>{{/PHOTO}}
    </ul>
    {{/PHOTOS}}
  </section>
  <section class="card tk-time" aria-labelledby="h-time">
    <h2 id="h-time">{{T_TIMELINE}}</h2>
    {{#EVENTS_TRUNCATED}}<p class="note warn small">{{T_EVENTS_TRUNCATED}}</p>{{/EVENTS_TRUNCATED}}
    <div class="tk-events-pane">
    <ol class="tk-events">
      {{#EVENT}}
      <li class="tk-ev tk-ev-{{KIND}}{{#INTERNAL}} is-internal{{/INTERNAL}}">
        <p class="tk-ev-head"><strong>{{ACTOR}}</strong> <span class="tk-ev-kind">{{KIND_LABEL}}</span>
          {{#TRANSITION}}<span class="tk-ev-tr">{{#FROM}}<span class="badge">{{LABEL}}</span> → {{/FROM}}<span class="badge">{{TO}}</span></span>{{/TRANSITION}}
          {{#PUBLIC}}<span class="tk-vis">{{T_PUBLIC}}</span>{{/PUBLIC}}{{#INTERNAL}}<span class="tk-vis badge warn">{{T_INTERNAL}}</span>{{/INTERNAL}}</p>
        <p class="tk-ev-at"><time>{{AT}}</time></p>
        {{#BODY}}<p class="pre tk-ev-body">{{TEXT:pre_escape}}</p>{{/BODY}}
        {{#EV_PHOTO}}<a class="tk-ev-photo" href="/desk/attachments/{{AID}}/view" target="_blank" rel="noopener"><img src="/desk/attachments/{{AID}}/thumb" alt="{{FILENAME}}" width="64" height="64" loading="lazy"></a>{{/EV_PHOTO}}
      </li>
      {{/EVENT}}
    </ol>
    </div>
  </section>
  <section class="card tk-reply" id="reply" aria-labelledby="h-reply">
    <h2 id="h-reply">{{T_REPLY_TITLE}}</h2>
    {{#FLASH_AT_reply}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_reply}}
    {{#ERR_reply}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_reply}}
    {{!-- The tools' buttons post this same form elsewhere (formaction): the
         text typed so far comes along and comes back with the insertion. --}}
    <form method="post" action="/desk/tickets/{{ID}}/reply" enctype="multipart/form-data" class="stack" id="reply-form">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <label for="f-body">{{T_REPLY_BODY}}</label>
      <textarea id="f-body" name="body" rows="4" maxlength="4000" required{{#COMPOSED}} autofocus{{/COMPOSED}}{{#COMPOSED_INTERNAL}} autofocus{{/COMPOSED_INTERNAL}}>{{VAL_body:pre_escape}}</textarea>
      {{#COMPOSED}}<p class="note ok small tk-composed" role="status" id="composed">{{T_COMPOSED}}</p>{{/COMPOSED}}
      {{#COMPOSED_INTERNAL}}<p class="note warn small tk-composed" role="status" id="composed">{{T_COMPOSED_INTERNAL}}</p>{{/COMPOSED_INTERNAL}}
      {{#CANNED}}
      <div class="tk-canned">
        <label for="f-canned">{{T_CANNED}}</label>
        <div class="tk-canned-row">
          <select id="f-canned" name="canned" aria-describedby="f-canned-hint">
            <option value="">{{T_CANNED_CHOOSE}}</option>
            {{#CANNED_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CANNED_OPT}}
          </select>
          <button type="submit" name="insert" value="canned" formaction="/desk/tickets/{{ID}}/compose" formnovalidate id="canned-insert">{{T_CANNED_INSERT}}</button>
        </div>
        <p class="hint" id="f-canned-hint">{{T_CANNED_HINT}}</p>
        {{#CANNED_OPT}}<div hidden class="pre" id="canned-text-{{VALUE}}">{{TEXT:pre_escape}}</div>{{/CANNED_OPT}}
      </div>
      {{/CANNED}}
      <fieldset class="tk-radios">
        <legend>{{T_VISIBILITY}}</legend>
        <label><input type="radio" name="visibility" value="internal"{{#VIS_INTERNAL}} checked{{/VIS_INTERNAL}}> {{T_VIS_INTERNAL}}</label>
        <label><input type="radio" name="visibility" value="public"{{#VIS_PUBLIC}} checked{{/VIS_PUBLIC}}> {{T_VIS_PUBLIC}}</label>
      </fieldset>
      <label for="f-photo">{{T_REPLY_PHOTOS}}</label>
      <input id="f-photo" name="photo" type="file" multiple accept="image/jpeg,image/png,image/webp" aria-describedby="f-photo-hint">
      <p class="hint" id="f-photo-hint">{{T_REPLY_PHOTOS_HINT}}</p>
      <button type="submit" class="primary" id="reply-submit">{{T_REPLY_SUBMIT}}</button>
    </form>
    {{#CANNED}}<script src="/static/js/compose.js" defer></script>{{/CANNED}}
  </section>
</div>

<div class="tk-side">
{{#FLAGS}}
<section class="card note bad tk-flags" aria-labelledby="h-flags">
  <h2 id="h-flags">{{T_FLAGS}}</h2>
  <p class="small">{{T_FLAGS_NOTE}}</p>
  <table class="list">
    <thead><tr><th scope="col">{{T_FLAG_PHRASE}}</th><th scope="col">{{T_FLAG_SOURCE}}</th><th scope="col">{{T_FLAG_AT}}</th></tr></thead>
    <tbody>
    {{#FLAG}}<tr><td data-label="{{T_FLAG_PHRASE}}"><b>{{PHRASE}}</b></td><td data-label="{{T_FLAG_SOURCE}}">{{SOURCE}}</td><td data-label="{{T_FLAG_AT}}"><time>{{AT}}</time></td></tr>{{/FLAG}}
    </tbody>
  </table>
  {{#FLAGS_TRUNCATED}}<p class="small">{{T_FLAGS_TRUNCATED}}</p>{{/FLAGS_TRUNCATED}}
</section>
{{/FLAGS}}
  {{!-- The job (who, where, when: templates/desk/ticket_job.tpl), the customer. --}}
  {{>TICKET_JOB}}
  <section class="card tk-cust" aria-labelledby="h-cust">
    <h2 id="h-cust">{{T_CUSTOMER}}</h2>
    <dl class="facts">
      <dt>{{T_CUSTOMER}}</dt><dd>{{CUSTOMER}}</dd>
      <dt>{{T_EMAIL}}</dt><dd>{{#EMAIL}}{{TEXT}}{{/EMAIL}}{{#EMAIL_NONE}}<span class="muted">{{T_NOT_SET}}</span>{{/EMAIL_NONE}}</dd>
      <dt>{{T_SERIAL}}</dt><dd>{{#SERIAL}}{{TEXT}}{{/SERIAL}}{{#SERIAL_NONE}}<span class="muted">{{T_NOT_SET}}</span>{{/SERIAL_NONE}}</dd>
      <dt>{{T_ASSIGNEE}}</dt><dd class="tk-assignee">{{#ASSIGNEE}}{{TEXT}}{{/ASSIGNEE}}{{#ASSIGNEE_NONE}}<span class="muted">{{T_UNASSIGNED}}</span>{{/ASSIGNEE_NONE}}</dd>
      <dt>{{T_TEAM}}</dt><dd>{{#TEAM}}{{TEXT}}{{/TEAM}}{{#TEAM_NONE}}<span class="muted">{{T_UNASSIGNED}}</span>{{/TEAM_NONE}}</dd>
      <dt>{{T_TRACK_LINK}}</dt><dd><a href="/track/{{CODE}}" rel="noreferrer" class="small">/track/{{CODE}}</a></dd>
    </dl>
  </section>
{{#SURVEY}}
<section class="card tk-survey" aria-labelledby="h-survey">
  <h2 id="h-survey">{{T_SURVEY}}</h2>
  <p><span class="badge {{RATING_CLASS}}">{{RATING}}/5 · {{RATING_LABEL}}</span> <time class="small muted">{{AT}}</time></p>
  {{#SURVEY_COMMENT}}<blockquote class="pre tk-survey-comment">{{TEXT:pre_escape}}</blockquote>{{/SURVEY_COMMENT}}
  {{#SURVEY_NO_COMMENT}}<p class="muted small">{{T_SURVEY_NO_COMMENT}}</p>{{/SURVEY_NO_COMMENT}}
</section>
{{/SURVEY}}
  <section class="card tk-status" id="status" aria-labelledby="h-status">
    <h2 id="h-status">{{T_STATUS_TITLE}}</h2>
    {{#FLASH_AT_status}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_status}}
    {{#ERR_status}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_status}}
    {{#STATUS_FORM}}
    {{#CAN_CHANGE}}
    <form method="post" action="/desk/tickets/{{ID}}/status" class="stack">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <label for="f-status">{{T_STATUS_NEW}}</label>
      <select id="f-status" name="status" required>
        <option value="">{{T_CHOOSE}}</option>
        {{#NEXT_STATUS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEXT_STATUS}}
      </select>
      <label for="f-note">{{T_STATUS_NOTE}}</label>
      <textarea id="f-note" name="note" rows="2" maxlength="1000">{{VAL_note:pre_escape}}</textarea>
      <button type="submit" class="primary" id="status-submit">{{T_STATUS_SUBMIT}}</button>
    </form>
    {{/CAN_CHANGE}}
    {{#NO_CHANGE}}<p class="muted">{{T_STATUS_NONE}}</p>{{/NO_CHANGE}}
    {{/STATUS_FORM}}
    {{#CLOSE_FORM}}
    <form method="post" action="/desk/tickets/{{ID}}/close" class="stack tk-close" id="close">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      {{#ERR_close}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_close}}
      <button type="submit" class="primary" id="close-submit">{{T_CLOSE_SUBMIT}}</button>
      <p class="muted small">{{T_CLOSE_HINT}}</p>
    </form>
    {{/CLOSE_FORM}}
    {{#REOPEN_FORM}}
    <form method="post" action="/desk/tickets/{{ID}}/reopen" class="stack tk-reopen" id="reopen">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <label for="f-reason">{{T_REOPEN_REASON}}</label>
      <textarea id="f-reason" name="reason" rows="2" maxlength="1000" required aria-describedby="f-reason-hint{{#ERR_reopen}} e-reason{{/ERR_reopen}}"{{#ERR_reopen}} aria-invalid="true"{{/ERR_reopen}}>{{VAL_reason:pre_escape}}</textarea>
      {{#ERR_reopen}}<p class="field-error" role="alert" id="e-reason">{{MSG}}</p>{{/ERR_reopen}}
      <p class="hint" id="f-reason-hint">{{T_REOPEN_HINT}}</p>
      <button type="submit" id="reopen-submit">{{T_REOPEN_SUBMIT}}</button>
    </form>
    {{/REOPEN_FORM}}
  </section>
  {{#AGENT_FORMS}}
  <section class="card tk-assign" id="assign" aria-labelledby="h-assign">
    <h2 id="h-assign">{{T_ASSIGN_TITLE}}</h2>
    {{#FLASH_AT_assign}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_assign}}
    {{#ERR_assign}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_assign}}
    <form method="post" action="/desk/tickets/{{ID}}/assign" class="stack">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <label for="f-assignee">{{T_ASSIGNEE}}</label>
      <select id="f-assignee" name="assignee">
        <option value="">{{T_ASSIGN_NOBODY}}</option>
        {{! _BEFORE/_AFTER: options rendered (and escaped) by desk/ticket_option.tpl, kept per worker: cgi/desk/ticket_options.h }}
        {{ASSIGNEE_BEFORE:none}}{{#ASSIGNEE_SEL}}<option value="{{VALUE}}" selected>{{LABEL}}</option>{{/ASSIGNEE_SEL}}{{ASSIGNEE_AFTER:none}}
      </select>
      <label for="f-team">{{T_TEAM}}</label>
      <select id="f-team" name="team">
        <option value="">{{T_ASSIGN_NOBODY}}</option>
        {{TEAM_BEFORE:none}}{{#TEAM_SEL}}<option value="{{VALUE}}" selected>{{LABEL}}</option>{{/TEAM_SEL}}{{TEAM_AFTER:none}}
      </select>
      <p class="muted small">{{T_ASSIGN_HINT}}</p>
      <button type="submit" class="primary" id="assign-submit">{{T_ASSIGN_SUBMIT}}</button>
    </form>
    <form method="post" action="/desk/tickets/{{ID}}/dispatch" class="stack tk-dispatch" id="dispatch">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      {{#ERR_dispatch}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_dispatch}}
      <button type="submit">{{T_DISPATCH_SUBMIT}}</button>
      <p class="muted small">{{T_DISPATCH_HINT}}</p>
    </form>
  </section>

  <section class="card tk-priority" id="priority" aria-labelledby="h-priority">
    <h2 id="h-priority">{{T_PRIORITY_TITLE}}</h2>
    {{#FLASH_AT_priority}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_priority}}
    {{#ERR_priority}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_priority}}
    <form method="post" action="/desk/tickets/{{ID}}/priority" class="stack">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <label for="f-priority" class="visually-hidden">{{T_PRIORITY_TITLE}}</label>
      <select id="f-priority" name="priority">
        {{#PRIORITY_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_OPT}}
      </select>
      <p class="muted small">{{T_PRIORITY_HINT}}</p>
      <button type="submit">{{T_PRIORITY_SUBMIT}}</button>
    </form>
  </section>
  {{/AGENT_FORMS}}
  {{#VISIT_CARD}}
  <section class="card tk-visit" id="visit" aria-labelledby="h-visit">
    <h2 id="h-visit">{{T_VISITS}}</h2>
    {{#FLASH_AT_visit}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_visit}}
    {{#ERR_visit}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_visit}}
    {{#HAS_VISITS}}
    <ul class="tk-visits">
      {{#VISIT}}<li><strong>{{TECH}}</strong> · {{T_VISIT_ARRIVED}} {{ARRIVED}}{{#FINISHED}} · {{T_VISIT_FINISHED}} {{AT}}{{/FINISHED}}{{#ON_SITE}} <span class="badge warn">{{T_VISIT_ON_SITE}}</span>{{/ON_SITE}}{{#NOTES}}<span class="pre small tk-visit-notes">{{TEXT:pre_escape}}</span>{{/NOTES}}</li>{{/VISIT}}
    </ul>
    {{/HAS_VISITS}}
    {{#VISIT_ARRIVE}}
    <form method="post" action="/desk/tickets/{{ID}}/visit" class="stack">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <input type="hidden" name="action" value="arrive">
      <button type="submit" class="primary wide" id="visit-arrive">{{T_VISIT_ARRIVE}}</button>
      <p class="muted small">{{T_VISIT_ARRIVE_HINT}}</p>
    </form>
    {{/VISIT_ARRIVE}}
    {{#VISIT_FINISH}}
    <form method="post" action="/desk/tickets/{{ID}}/visit" class="stack">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <input type="hidden" name="action" value="finish">
      <input type="hidden" name="visit" value="{{VISIT_ID}}">
      <label for="f-notes">{{T_VISIT_NOTES}}</label>
      <textarea id="f-notes" name="notes" rows="3" maxlength="2000">{{VAL_notes:pre_escape}}</textarea>
      <button type="submit" class="primary wide" id="visit-finish">{{T_VISIT_FINISH}}</button>
    </form>
    {{/VISIT_FINISH}}
  </section>
  {{/VISIT_CARD}}
  {{!-- Completion on site: note, photo, signature (templates/desk/ticket_complete.tpl). --}}
  {{>TICKET_COMPLETE}}
  {{>PARTS_TICKET}}
  {{>KB_TICKET}}
  {{>DISPATCH_WHY}}



</div>
</div>
</div>
{{#FLASH}}<script src="/static/js/flash.js" defer></script>{{/FLASH}}
{{>LAYOUT_FOOT}}
