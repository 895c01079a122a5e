{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
{{#NEW_KEY}}
<section class="card adm adm-newkey" role="status">
  <h2>{{A_KEY_NEW_TITLE}}{{A_COLON}}{{NAME}}</h2>
  <p class="note warn">{{A_KEY_NEW_NOTE}}</p>
  <label for="new-key">{{A_KEY_LABEL}}</label>
  <textarea id="new-key" class="adm-key" rows="3" readonly spellcheck="false" autocomplete="off">{{KEY:pre_escape}}</textarea>
</section>
{{/NEW_KEY}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_KEYS_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <table class="list">
    <thead><tr><th scope="col">{{A_KEY_NAME}}</th><th scope="col">{{A_KEY_PREFIX}}</th>
      <th scope="col">{{A_KEY_SCOPES}}</th>
      <th scope="col">{{A_ACTIVE}}</th><th scope="col">{{A_CREATED_AT}}</th>
      <th scope="col">{{A_KEY_USED}}</th>
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#KEY}}<tr>
      <td class="adm-strong">{{NAME}}</td>
      <td data-label="{{A_KEY_PREFIX}}"><code>{{PREFIX}}…</code></td>
      <td data-label="{{A_KEY_SCOPES}}" class="key-scopes">{{#SCOPE}}<span class="badge">{{LABEL}}</span> {{/SCOPE}}</td>
      <td class="adm-inl">{{#IS_ACTIVE}}<span class="badge ok">{{A_ACTIVE}}</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge bad">{{A_KEY_REVOKED}}</span>{{/IS_INACTIVE}}</td>
      <td data-label="{{A_CREATED_AT}}">{{CREATED}} <span class="muted" title="{{A_KEY_BY}}">{{BY}}</span></td>
      <td data-label="{{A_KEY_USED}}">{{#USED}}{{AT}}{{/USED}}{{#NEVER_USED}}<span class="muted">{{A_KEY_NEVER}}</span>{{/NEVER_USED}}</td>
      <td class="adm-act adm-inl">{{#IS_ACTIVE}}<form method="post" action="/admin/api-keys/{{ID}}/revoke" class="inline">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button type="submit" class="link adm-danger" title="{{A_KEY_REVOKE_HINT}}">{{A_KEY_REVOKE}}</button>
        </form>{{/IS_ACTIVE}}</td>
    </tr>{{/KEY}}
    </tbody>
  </table>
  {{#NO_KEYS}}<p class="muted">{{A_EMPTY}}</p>{{/NO_KEYS}}
</section>
<section class="card adm" id="add">
  <h2>{{A_KEY_ADD}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/api-keys" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">{{A_KEY_NAME}}</label>
    <input id="name" name="name" value="{{VAL_name}}" maxlength="100" required aria-describedby="name-hint{{#ERR_name}} name-err{{/ERR_name}}"{{#ERR_name}} aria-invalid="true"{{/ERR_name}}>
    {{#ERR_name}}<p class="field-error" id="name-err">{{MSG}}</p>{{/ERR_name}}
    <p class="hint" id="name-hint">{{A_KEY_NAME_HINT}}</p>
    <fieldset class="adm-dims" aria-describedby="scopes-hint">
      <legend>{{A_KEY_SCOPES}}</legend>
      <label class="adm-check"><input type="checkbox" name="scope_tickets" value="1"{{#SCOPE_tickets_CHECKED}} checked{{/SCOPE_tickets_CHECKED}}> {{A_KEY_SCOPE_tickets}}</label>
      <label class="adm-check"><input type="checkbox" name="scope_metrics_read" value="1"{{#SCOPE_metrics_read_CHECKED}} checked{{/SCOPE_metrics_read_CHECKED}}> {{A_KEY_SCOPE_metrics_read}}</label>
      <label class="adm-check"><input type="checkbox" name="scope_points_write" value="1"{{#SCOPE_points_write_CHECKED}} checked{{/SCOPE_points_write_CHECKED}}> {{A_KEY_SCOPE_points_write}}</label>
      {{#ERR_scopes}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_scopes}}
      <p class="hint" id="scopes-hint">{{A_KEY_SCOPES_HINT}}</p>
    </fieldset>
    <button type="submit" class="primary">{{A_KEY_ADD}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
