{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow">
  <h1>{{PAGE_TITLE}}</h1>
  {{#SAVED_NOTE}}<p class="note ok">{{SAVED}}</p>{{/SAVED_NOTE}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <dl class="facts">
    <dt>{{LOGIN_LOGIN}}</dt><dd>{{LOGIN}}</dd>
    <dt>{{ACCOUNT_ROLE}}</dt><dd>{{ROLE}}</dd>
  </dl>
  <form method="post" action="/account" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="lang">{{ACCOUNT_LANG}}</label>
    <select id="lang" name="lang">
      {{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}
    </select>
    {{#ERR_lang}}<p class="field-error">{{MSG}}</p>{{/ERR_lang}}
    <label for="current_password">{{ACCOUNT_CUR_PW}}</label>
    <input id="current_password" name="current_password" type="password" autocomplete="current-password" maxlength="128">
    <label for="new_password">{{ACCOUNT_NEW_PW}}</label>
    <input id="new_password" name="new_password" type="password" autocomplete="new-password" minlength="8" maxlength="128">
    {{#ERR_new_password}}<p class="field-error">{{MSG}}</p>{{/ERR_new_password}}
    <label class="adm-check"><input type="checkbox" id="notify_weekly" name="notify_weekly" value="1"{{#WEEKLY_CHECKED}} checked{{/WEEKLY_CHECKED}} aria-describedby="weekly-hint"> {{ACCOUNT_WEEKLY}}</label>
    <p class="hint" id="weekly-hint">{{ACCOUNT_WEEKLY_HINT}}</p>
    {{#ERR_notify_weekly}}<p class="field-error">{{MSG}}</p>{{/ERR_notify_weekly}}
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
