{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow intake">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{LOOKUP_INTRO}}</p>
  {{#FORM_HAS_ERRORS}}
  <div class="note bad" role="alert" id="errors">
    <p class="error-head">{{FORM_ERRORS}}</p>
    <ul class="error-list">{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{LABEL}}</a>：{{MSG}}</li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/FORM_HAS_ERRORS}}
  {{#NOT_FOUND}}<p class="note bad" role="alert" id="not-found">{{LOOKUP_NOT_FOUND}}</p>{{/NOT_FOUND}}
  <form method="post" action="/track" class="stack" id="lookup-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="phone">{{LOOKUP_PHONE}}</label>
    <input id="phone" name="phone" type="tel" inputmode="tel" value="{{VAL_phone}}" maxlength="40" autocomplete="tel" required aria-describedby="phone-hint{{#ERR_phone}} phone-err{{/ERR_phone}}"{{#ERR_phone}} aria-invalid="true"{{/ERR_phone}}>
    {{#ERR_phone}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/ERR_phone}}
    <p class="hint" id="phone-hint">{{PHONE_HINT}}</p>

    <label for="number">{{LOOKUP_NUMBER}}</label>
    <input id="number" name="number" value="{{VAL_number}}" maxlength="20" autocapitalize="characters" spellcheck="false" autocomplete="off" required aria-describedby="number-hint{{#ERR_number}} number-err{{/ERR_number}}"{{#ERR_number}} aria-invalid="true"{{/ERR_number}}>
    {{#ERR_number}}<p class="field-error" id="number-err">{{MSG}}</p>{{/ERR_number}}
    <p class="hint" id="number-hint">{{LOOKUP_NUMBER_HINT}}</p>
    <button type="submit" class="primary wide">{{LOOKUP_SUBMIT}}</button>
  </form>
  <p class="small"><a href="/repair">{{LOOKUP_NEW_REPAIR}}</a></p>
</section>
{{>LAYOUT_FOOT}}
