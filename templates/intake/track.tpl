{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{#NEW_NOTE}}
<section class="card narrow intake note ok" role="status">
  <p>{{TRACK_NEW_NOTE}}</p>
  <p class="track-url"><a href="{{TRACK_URL}}">{{TRACK_URL}}</a></p>
  <p>{{TRACK_NUMBER}}{{TRACK_COLON}}<strong>{{NUMBER}}</strong></p>
</section>
{{/NEW_NOTE}}
<section class="card narrow intake">
  <h1>{{PAGE_TITLE}}</h1>
  <dl class="facts">
    <dt>{{TRACK_NUMBER}}</dt><dd><strong class="ticket-number">{{NUMBER}}</strong></dd>
    <dt>{{TRACK_STATUS}}</dt><dd><span class="badge {{STATUS_BADGE}}">{{STATUS_LABEL}}</span></dd>
    <dt>{{TRACK_CATEGORY}}</dt><dd>{{CATEGORY}}</dd>
    {{#HAS_PRODUCT}}<dt>{{TRACK_PRODUCT}}</dt><dd>{{PRODUCT}}</dd>{{/HAS_PRODUCT}}
    <dt>{{TRACK_CREATED}}</dt><dd>{{CREATED}} <span class="muted small">{{TZ_LABEL}}</span></dd>
    {{#TECH}}<dt>{{TRACK_TECH}}</dt><dd class="tech-name">{{TECH_NAME}}</dd>{{/TECH}}
    {{#HAS_PHOTOS}}<dt>{{TRACK_PHOTOS}}</dt><dd><a href="#history">{{PHOTOS_COUNT}}</a></dd>{{/HAS_PHOTOS}}
  </dl>
  {{>TRACK_FIELD}}
  <details class="description">
    <summary>{{TRACK_DESCRIPTION}}</summary>
    <p class="pre">{{DESCRIPTION:pre_escape}}</p>
  </details>
  {{#SURVEY}}
  <div class="note ok">
    <p>{{TRACK_SURVEY_NOTE}}</p>
    <p><a class="button primary" href="{{SURVEY_HREF}}">{{TRACK_SURVEY}}</a></p>
  </div>
  {{/SURVEY}}
  {{#SURVEY_DONE}}
  <div class="note ok" id="survey-done">
    <p>{{TRACK_SURVEY_THANKS}}</p>
    <p>{{TRACK_SURVEY_RATING}} <strong class="rating">{{RATING}} / 5</strong> {{RATING_LABEL}}</p>
  </div>
  {{/SURVEY_DONE}}
  {{#WAITING_FOR_YOU}}<p class="note warn"><a href="#reply">{{TRACK_WAITING}}</a></p>{{/WAITING_FOR_YOU}}
  <div class="track-link" id="track-link">
    <p class="small muted">{{TRACK_LINK}}</p>
    <p class="track-url"><a href="{{TRACK_URL}}" id="track-url">{{TRACK_URL}}</a></p>
    <p class="track-copy"><button type="button" class="js-copy" data-copy="{{TRACK_URL}}" data-copied="{{TRACK_COPIED}}" data-failed="{{TRACK_COPY_FAILED}}" hidden>{{TRACK_COPY}}</button>
      <span class="small" role="status" aria-live="polite"></span></p>
    <p class="hint">{{TRACK_LINK_HINT}}</p>
  </div>
</section>

<section class="card narrow intake" id="history">
  <h2>{{TRACK_HISTORY}}</h2>
  <ol class="timeline">
    {{#EVENT}}
    <li class="{{SIDE}}">
      <p class="when">{{AT}}</p>
      <p class="what">{{WHAT}}{{#TO_STATUS}} <span class="badge">{{LABEL}}</span>{{/TO_STATUS}}</p>
      {{#BODY}}<p class="pre body">{{TEXT:pre_escape}}</p>{{/BODY}}
      {{#EV_PHOTOS}}<p class="hint">{{N_PHOTOS}}</p>
      <p class="photo-thumbs">{{#EV_PHOTO}}<a href="/track/{{CODE}}/photos/{{AID}}/view" title="{{TRACK_PHOTO_OPEN}}"><img src="/track/{{CODE}}/photos/{{AID}}/thumb" alt="{{FILENAME}}" width="96" height="96" loading="lazy"></a>{{/EV_PHOTO}}</p>{{/EV_PHOTOS}}
    </li>
    {{/EVENT}}
  </ol>
  {{#NO_EVENTS}}<p class="muted">{{TRACK_NO_EVENTS}}</p>{{/NO_EVENTS}}
</section>

<section class="card narrow intake" id="reply">
  <h2>{{TRACK_REPLY_TITLE}}</h2>
  {{#FLASH_AT_reply}}<p class="note ok" role="status" id="reply-done">{{MSG}}</p><script src="/static/js/flash.js" defer></script>{{/FLASH_AT_reply}}
  {{#FORM_HAS_ERRORS}}
  <div class="note bad" role="alert" id="errors">
    <p class="error-head">{{FORM_ERRORS}}</p>
    <ul class="error-list">{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{LABEL}}</a>{{TRACK_COLON}}{{MSG}}</li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/FORM_HAS_ERRORS}}
  {{#REPLY_CLOSED}}<p class="muted">{{TRACK_REPLY_CLOSED}}</p>{{/REPLY_CLOSED}}
  {{#REPLY_FORM}}
  <form method="post" action="/track/{{CODE}}/reply#reply" enctype="multipart/form-data" class="stack" id="reply-form"
        data-sending="{{REPAIR_SENDING}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="body">{{TRACK_REPLY_BODY}}</label>
    <textarea id="body" name="body" rows="4" maxlength="4000" aria-describedby="body-hint{{#ERR_body}} body-err{{/ERR_body}}"{{#ERR_body}} aria-invalid="true"{{/ERR_body}}>{{VAL_body:pre_escape}}</textarea>
    {{#ERR_body}}<p class="field-error" id="body-err">{{MSG}}</p>{{/ERR_body}}
    <p class="hint" id="body-hint">{{TRACK_REPLY_HINT}}</p>

    <label for="photo">{{REPAIR_PHOTO}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
    <input id="photo" name="photo" type="file" multiple accept="image/jpeg,image/png,image/webp"
           data-max="{{MAX_PHOTOS}}" data-max-bytes="{{MAX_PHOTO_BYTES}}"
           data-msg-count="{{PHOTO_ERR_COUNT}}" data-msg-size="{{PHOTO_ERR_SIZE}}"
           aria-describedby="photo-hint{{#ERR_photo}} photo-err{{/ERR_photo}}"{{#ERR_photo}} aria-invalid="true"{{/ERR_photo}}>
    {{#ERR_photo}}<p class="field-error" id="photo-err">{{MSG}}</p>{{/ERR_photo}}
    {{#PHOTO_RESELECT}}<p class="note warn small">{{REPAIR_PHOTO_RESELECT}}</p>{{/PHOTO_RESELECT}}
    <p class="hint" id="photo-hint">{{REPAIR_PHOTO_HINT}}</p>
    <button type="submit" class="primary wide">{{TRACK_REPLY_SUBMIT}}</button>
  </form>
  {{/REPLY_FORM}}
  <p class="small"><a href="/repair">{{TRACK_NEW_REPAIR}}</a></p>
</section>

<section class="card narrow intake" id="notify">
  <h2>{{TRACK_NOTIFY_TITLE}}</h2>
  {{#NOTIFY_STOPPED}}<p class="note ok" role="status">{{TRACK_NOTIFY_STOPPED}}</p>{{/NOTIFY_STOPPED}}
  {{#NOTIFY_FORM}}<form method="post" action="/track/{{CODE}}/notify" class="stack" id="notify-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">{{TRACK_NOTIFY_HINT}}</p>
    <fieldset class="tk-radios">
      <legend class="visually-hidden">{{TRACK_NOTIFY_TITLE}}</legend>
      <label class="survey-choice"><input type="radio" name="scope" value="ticket" checked> <span>{{TRACK_NOTIFY_TICKET}}</span></label>
      <label class="survey-choice"><input type="radio" name="scope" value="phone"> <span>{{TRACK_NOTIFY_PHONE}}</span></label>
    </fieldset>
    <button type="submit">{{TRACK_NOTIFY_SUBMIT}}</button>
  </form>{{/NOTIFY_FORM}}
</section>
<script src="/static/js/repair.js" defer></script>
<script src="/static/js/copy-link.js" defer></script>
{{>LAYOUT_FOOT}}
