{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow intake survey">
  <h1>{{PAGE_TITLE}}</h1>
  <dl class="facts">
    <dt>{{TRACK_NUMBER}}</dt><dd><strong class="ticket-number">{{NUMBER}}</strong></dd>
  </dl>
  {{#NOT_YET}}
  <div class="note warn" role="status" id="survey-not-yet">
    <p>{{SURVEY_ERR_NOT_RESOLVED}}</p>
  </div>
  {{/NOT_YET}}
  {{#DONE}}
  <div class="note ok" role="status" id="survey-done">
    <p>{{SURVEY_ERR_DONE}}</p>
    {{#RATED}}<p>{{TRACK_SURVEY_RATING}} <strong class="rating">{{RATING}} / 5</strong> {{RATING_LABEL}}</p>{{/RATED}}
  </div>
  {{/DONE}}
  {{#FORM_HAS_ERRORS}}
  <div class="note bad" role="alert" id="errors">
    <p class="error-head">{{FORM_ERRORS}}</p>
    <ul class="error-list">{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{LABEL}}</a>{{TRACK_COLON}}{{MSG}}</li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/FORM_HAS_ERRORS}}
  {{#FORM}}
  <p class="muted small">{{SURVEY_INTRO}}</p>
  <form method="post" action="/survey/{{CODE}}" class="stack" id="survey-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset class="tk-radios survey-rating" id="rating"{{#ERR_rating}} aria-invalid="true" aria-describedby="rating-err"{{/ERR_rating}}>
      <legend>{{SURVEY_QUESTION}}</legend>
      {{#RATING_OPTION}}
      <label class="survey-choice"><input type="radio" name="rating" value="{{VALUE}}" required{{#CHECKED}} checked{{/CHECKED}}> <span><strong>{{VALUE}}</strong> · {{LABEL}}</span></label>
      {{/RATING_OPTION}}
      {{#ERR_rating}}<p class="field-error" id="rating-err">{{MSG}}</p>{{/ERR_rating}}
    </fieldset>

    <label for="comment">{{SURVEY_COMMENT}} <span class="opt">{{REPAIR_OPTIONAL}}</span></label>
    <textarea id="comment" name="comment" rows="4" maxlength="{{COMMENT_CHARS}}" aria-describedby="comment-hint{{#ERR_comment}} comment-err{{/ERR_comment}}"{{#ERR_comment}} aria-invalid="true"{{/ERR_comment}}>{{VAL_comment:pre_escape}}</textarea>
    {{#ERR_comment}}<p class="field-error" id="comment-err">{{MSG}}</p>{{/ERR_comment}}
    <p class="hint" id="comment-hint">{{SURVEY_COMMENT_HINT}}</p>
    <button type="submit" class="primary wide">{{SURVEY_SUBMIT}}</button>
  </form>
  {{/FORM}}
  <p class="small"><a href="{{TRACK_HREF}}">{{SURVEY_BACK}}</a></p>
</section>
{{>LAYOUT_FOOT}}
