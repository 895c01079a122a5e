{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/okr.css">
<div class="okr">
<p class="kb-back"><a href="/okr/?cycle={{CYCLE_ID}}">← {{O_BOARD}} · {{CYCLE_NAME}}</a></p>
{{#CONFLICT}}<div class="note bad" role="alert"><p>{{ERR_CONFLICT}}</p><p><a class="button" href="/okr/objectives/{{ID}}">{{O_RELOAD}}</a></p></div>{{/CONFLICT}}
<section class="card">
  <h1 class="obj-title">{{TITLE}}</h1>
  <div class="okr-score"><strong class="score band-{{BAND}}" data-score="{{SCORE}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg> <span class="badge band-{{BAND}}">{{BAND_LABEL}}</span> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span>{{#STATUS_BY_HAND}} <span class="muted small">{{O_STATUS_BY_HAND}}</span>{{/STATUS_BY_HAND}}{{#CYCLE_CLOSED}} <span class="badge">{{O_FROZEN}}</span>{{/CYCLE_CLOSED}}</div>
  <p class="obj-desc">{{DESCRIPTION}}</p>
  <dl class="facts">
    <dt>{{O_F_LEVEL}}</dt><dd>{{LEVEL_LABEL}}</dd>
    <dt>{{O_OWNER}}</dt><dd>{{OWNER}}</dd>
    <dt>{{O_TEAM}}</dt><dd>{{TEAM}}</dd>
    <dt>{{O_CYCLE}}</dt><dd>{{CYCLE_NAME}} ({{CYCLE_STATE_LABEL}})</dd>
    {{#PARENT}}<dt>{{O_F_PARENT}}</dt><dd><a href="/okr/objectives/{{ID}}">{{TITLE}}</a></dd>{{/PARENT}}
    {{#PARENT2}}<dt>{{O_F_PARENT2}}</dt><dd><a href="/okr/objectives/{{ID}}">{{TITLE}}</a></dd>{{/PARENT2}}
    {{#SUPPORTS}}<dt>{{O_F_SUPPORT}}</dt><dd><a href="/okr/krs/{{ID}}">{{TITLE}}</a></dd>{{/SUPPORTS}}
  </dl>
  {{#CAN_EDIT}}<p class="okr-actions"><a class="button" href="/okr/objectives/{{ID}}/edit">{{O_EDIT}}</a> <a class="button primary" href="/okr/krs/new?objective={{ID}}">{{O_NEW_KR}}</a> <a class="button" href="/okr/objectives/new?cycle={{CYCLE_ID}}&amp;parent={{ID}}">{{O_NEW_CHILD}}</a></p>{{/CAN_EDIT}}
</section>

<section class="card" aria-labelledby="h-krs">
  <h2 id="h-krs">{{O_KRS}}</h2>
  {{#NO_KRS}}<p class="muted">{{O_NO_KRS}}</p>{{/NO_KRS}}
  <ul class="okr-krs">
  {{#KR}}<li class="okr-kr"><a href="/okr/krs/{{ID}}">{{TITLE}}</a> <span class="muted small">{{TYPE_LABEL}} · {{SOURCE_LABEL}} · {{O_WEIGHT}} {{WEIGHT}} · {{OWNER}}</span>
    <span class="kr-figures">{{START}} → <span class="kr-current">{{CURRENT}}</span> → {{TARGET}}{{UNIT}}</span>
    <span class="okr-score"><strong class="score band-{{BAND}}">{{SCORE}}</strong> <svg class="okr-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="2" width="100" height="6" rx="3"></rect><rect class="fill band-{{BAND}}" x="0" y="2" width="{{PCT}}" height="6" rx="3"></rect><line class="expected" x1="{{EXP_PCT}}" x2="{{EXP_PCT}}" y1="0" y2="10"></line></svg> <span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span>{{#STALE}} <span class="badge warn">{{O_STALE}}</span>{{/STALE}}</span></li>
  {{/KR}}
  </ul>
</section>

<section class="card" aria-labelledby="h-children">
  <h2 id="h-children">{{O_ALIGNED}}</h2>
  <ul>{{#CHILD}}<li><a href="/okr/objectives/{{ID}}">{{TITLE}}</a> <strong class="score band-{{BAND}}">{{SCORE}}</strong></li>{{/CHILD}}</ul>
</section>

{{#REVIEW_BLOCK}}
<section class="card okr-review" id="review" aria-labelledby="h-review">
  <h2 id="h-review">{{O_REVIEW}}</h2>
  {{#REVIEW_MISSING}}<p class="note warn">{{O_REVIEW_MISSING}}</p>{{/REVIEW_MISSING}}
  {{#REVIEW}}<dl class="facts review-text">
    <dt>{{O_F_WORKED}}</dt><dd class="pre">{{WORKED:pre_escape}}</dd>
    <dt>{{O_F_NOT_WORKED}}</dt><dd class="pre">{{NOT_WORKED:pre_escape}}</dd>
    <dt>{{O_F_STANDARD}}</dt><dd class="pre">{{STANDARD:pre_escape}}</dd>
    <dt>{{O_BY}}</dt><dd>{{AUTHOR}} · {{AT}}</dd>
  </dl>{{/REVIEW}}
  {{#REVIEW_FORM}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{O_FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/okr/objectives/{{ID}}/review" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VAL_version}}">
    <label for="worked">{{O_F_WORKED}}</label>
    <textarea id="worked" name="worked" rows="3" required{{#ERR_worked}} aria-invalid="true"{{/ERR_worked}}>{{VAL_worked:pre_escape}}</textarea>
    {{#ERR_worked}}<p class="field-error">{{MSG}}</p>{{/ERR_worked}}
    <label for="not_worked">{{O_F_NOT_WORKED}}</label>
    <textarea id="not_worked" name="not_worked" rows="3" required{{#ERR_not_worked}} aria-invalid="true"{{/ERR_not_worked}}>{{VAL_not_worked:pre_escape}}</textarea>
    {{#ERR_not_worked}}<p class="field-error">{{MSG}}</p>{{/ERR_not_worked}}
    <label for="standard">{{O_F_STANDARD}}</label>
    <textarea id="standard" name="standard" rows="3" required{{#ERR_standard}} aria-invalid="true"{{/ERR_standard}}>{{VAL_standard:pre_escape}}</textarea>
    {{#ERR_standard}}<p class="field-error">{{MSG}}</p>{{/ERR_standard}}
    <button type="submit" class="primary">{{O_SAVE_REVIEW}}</button>
  </form>
  {{/REVIEW_FORM}}
</section>
{{/REVIEW_BLOCK}}
</div>
{{>LAYOUT_FOOT}}
