{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_CANNED_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <table class="list adm-canned">
    <thead><tr><th scope="col">{{A_CANNED_NAME}}</th><th scope="col">{{A_CANNED_BODY}}</th>
      <th scope="col">{{A_ACTIVE}}</th><th scope="col">{{A_CANNED_UPDATED}}</th>
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#CANNED}}<tr>
      <td class="adm-strong">{{TITLE}}</td>
      <td data-label="{{A_CANNED_BODY}}" class="pre adm-canned-body">{{BODY:pre_escape}}</td>
      <td class="adm-inl">{{#IS_ACTIVE}}<span class="badge ok">{{A_ACTIVE}}</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge">{{A_INACTIVE}}</span>{{/IS_INACTIVE}}</td>
      <td data-label="{{A_CANNED_UPDATED}}">{{UPDATED}}</td>
      <td class="adm-act adm-inl"><a href="/admin/canned/{{ID}}">{{A_EDIT}}</a></td>
    </tr>{{/CANNED}}
    </tbody>
  </table>
  {{#NO_CANNED}}<p class="muted">{{A_EMPTY}}</p>{{/NO_CANNED}}
</section>
<section class="card adm" id="add">
  <h2>{{A_CANNED_ADD}}</h2>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/canned" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="title">{{A_CANNED_NAME}}</label>
    <input id="title" name="title" value="{{VAL_title}}" maxlength="100" required aria-describedby="title-hint{{#ERR_title}} title-err{{/ERR_title}}"{{#ERR_title}} aria-invalid="true"{{/ERR_title}}>
    {{#ERR_title}}<p class="field-error" id="title-err">{{MSG}}</p>{{/ERR_title}}
    <p class="hint" id="title-hint">{{A_CANNED_NAME_HINT}}</p>
    <label for="body">{{A_CANNED_BODY}}</label>
    <textarea id="body" name="body" rows="5" maxlength="4000" required aria-describedby="body-hint{{#ERR_body}} body-err{{/ERR_body}}"{{#ERR_body}} aria-invalid="true"{{/ERR_body}}>{{VAL_body:pre_escape}}</textarea>
    {{#ERR_body}}<p class="field-error" id="body-err">{{MSG}}</p>{{/ERR_body}}
    <p class="hint" id="body-hint">{{A_CANNED_PH_HINT}}<code>{{PH_CUSTOMER}}</code> {{A_CANNED_PH_CUSTOMER}}{{A_CANNED_PH_SEP}}<code>{{PH_TICKET}}</code> {{A_CANNED_PH_TICKET}}</p>
    <button type="submit" class="primary" id="canned-create">{{A_CREATE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
