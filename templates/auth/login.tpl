{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow">
  <h1>{{PAGE_TITLE}}</h1>
  {{#LOGGED_OUT_NOTE}}<p class="note ok">{{LOGGED_OUT}}</p>{{/LOGGED_OUT_NOTE}}
  {{#LOGIN_ERROR}}<p class="note bad" role="alert">{{MSG}}</p>{{/LOGIN_ERROR}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/login" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <label for="login">{{LOGIN_LOGIN}}</label>
    <input id="login" name="login" value="{{VAL_login}}" autocomplete="username" autocapitalize="none" autocorrect="off" spellcheck="false" maxlength="64" aria-describedby="login-note" required autofocus>
    <p id="login-note" class="muted small">{{LOGIN_CASE_NOTE}}</p>
    {{#ERR_login}}<p class="field-error">{{MSG}}</p>{{/ERR_login}}
    <label for="password">{{LOGIN_PASSWORD}}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" maxlength="128" required>
    {{#ERR_password}}<p class="field-error">{{MSG}}</p>{{/ERR_password}}
    <button type="submit" class="primary">{{LOGIN_SUBMIT}}</button>
  </form>
  <p class="muted small">{{LOGIN_CUSTOMER}} <a href="/repair">{{NAV_REPAIR}}</a></p>
</section>
{{>LAYOUT_FOOT}}
