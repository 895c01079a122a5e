{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="small"><a href="/admin/notify">{{A_NTF_BACK}}</a></p>
  <h1>{{PAGE_TITLE}}{{A_COLON}}{{CH_LABEL}}</h1>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/notify/channels/{{KIND}}" class="stack adm-form" id="channel-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label class="adm-check"><input type="checkbox" name="enabled" value="1"{{#ENABLED_CHECKED}} checked{{/ENABLED_CHECKED}}> {{A_NTF_ENABLED}}</label>
    <label for="url">{{A_NTF_URL}}</label>
    <input id="url" name="url" value="{{VAL_url}}" maxlength="500" spellcheck="false" autocomplete="off" aria-describedby="url-hint{{#ERR_url}} url-err{{/ERR_url}}"{{#ERR_url}} aria-invalid="true"{{/ERR_url}}>
    {{#ERR_url}}<p class="field-error" id="url-err">{{MSG}}</p>{{/ERR_url}}
    <p class="hint" id="url-hint">{{URL_HINT}}</p>
    {{#HAS_SECRET}}<label for="secret">{{A_NTF_SECRET}}</label>
    <input id="secret" name="secret" type="password" maxlength="200" autocomplete="new-password"{{#ERR_secret}} aria-invalid="true"{{/ERR_secret}}>
    {{#ERR_secret}}<p class="field-error">{{MSG}}</p>{{/ERR_secret}}
    {{#SECRET_SET}}<p class="hint">{{A_NTF_KEEP}}</p>{{/SECRET_SET}}{{/HAS_SECRET}}
    {{#IS_EMAIL}}<label for="from_addr">{{A_NTF_FROM}}</label>
    <input id="from_addr" name="from_addr" type="email" value="{{VAL_from_addr}}" maxlength="254"{{#ERR_from_addr}} aria-invalid="true" aria-describedby="from-err"{{/ERR_from_addr}}>
    {{#ERR_from_addr}}<p class="field-error" id="from-err">{{MSG}}</p>{{/ERR_from_addr}}
    <label for="reply_to">{{A_NTF_REPLY_TO}}</label>
    <input id="reply_to" name="reply_to" type="email" value="{{VAL_reply_to}}" maxlength="254"{{#ERR_reply_to}} aria-invalid="true" aria-describedby="reply-err"{{/ERR_reply_to}}>
    {{#ERR_reply_to}}<p class="field-error" id="reply-err">{{MSG}}</p>{{/ERR_reply_to}}
    <label for="username">{{A_NTF_USERNAME}}</label>
    <input id="username" name="username" value="{{VAL_username}}" maxlength="200" autocomplete="off">
    {{#ERR_username}}<p class="field-error">{{MSG}}</p>{{/ERR_username}}
    <label for="password">{{A_NTF_PASSWORD}}</label>
    <input id="password" name="password" type="password" maxlength="200" autocomplete="new-password">
    {{#ERR_password}}<p class="field-error">{{MSG}}</p>{{/ERR_password}}
    {{#PASSWORD_SET}}<p class="hint">{{A_NTF_KEEP}}</p>{{/PASSWORD_SET}}
    <label class="adm-check"><input type="checkbox" name="starttls" value="1"{{#STARTTLS_CHECKED}} checked{{/STARTTLS_CHECKED}}> {{A_NTF_STARTTLS}}</label>{{/IS_EMAIL}}
    {{#IS_SMS}}<label for="text_limit">{{A_NTF_LIMIT}}</label>
    <input id="text_limit" name="text_limit" inputmode="numeric" value="{{VAL_text_limit}}" maxlength="4" aria-describedby="limit-hint{{#ERR_text_limit}} limit-err{{/ERR_text_limit}}"{{#ERR_text_limit}} aria-invalid="true"{{/ERR_text_limit}}>
    {{#ERR_text_limit}}<p class="field-error" id="limit-err">{{MSG}}</p>{{/ERR_text_limit}}
    <p class="hint" id="limit-hint">{{A_NTF_LIMIT_HINT}}</p>{{/IS_SMS}}
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
<section class="card adm narrow" id="test">
  <h2>{{A_NTF_TEST}}</h2>
  <p class="muted small">{{A_NTF_TEST_HINT}}</p>
  {{#TEST_OK}}<p class="note ok" role="status" id="test-result">{{A_NTF_TEST_OK}} <span class="muted small">{{AT}}</span></p>{{/TEST_OK}}
  {{#TEST_BAD}}<p class="note bad" role="alert" id="test-result">{{A_NTF_TEST_FAILED}}{{MSG}} <span class="muted small">{{AT}}</span></p>{{/TEST_BAD}}
  <form method="post" action="/admin/notify/channels/{{KIND}}/test" class="stack adm-form" id="test-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#HAS_TO}}<label for="to">{{A_NTF_TEST_TO}}</label>
    <input id="to" name="to" value="{{VAL_to}}" maxlength="254" required{{#ERR_to}} aria-invalid="true" aria-describedby="to-err"{{/ERR_to}}>
    {{#ERR_to}}<p class="field-error" id="to-err">{{MSG}}</p>{{/ERR_to}}{{/HAS_TO}}
    <button type="submit">{{A_NTF_TEST}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
