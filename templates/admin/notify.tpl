{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_NTF_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  <p>{{A_NTF_COUNTS}}: <strong id="ntf-queued">{{N_queued}}</strong> / <strong id="ntf-sent">{{N_sent}}</strong> /
    <a href="/admin/notify/outbox?status=failed" id="ntf-failed">{{N_failed}}</a> ·
    <a href="/admin/notify/outbox">{{A_NTF_OUTBOX_LINK}}</a></p>
  <h2>{{A_NTF_CHANNELS}}</h2>
  <table class="list" id="ntf-channels">
    <thead><tr><th scope="col">{{A_NTF_CHANNEL}}</th><th scope="col">{{A_NTF_STATUS}}</th>
      <th scope="col">{{A_NTF_LAST_TEST}}</th><th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#CHANNEL}}<tr>
      <td class="adm-strong">{{LABEL}}</td>
      <td class="adm-inl">{{#ON}}<span class="badge ok">{{A_NTF_ON}}</span>{{/ON}}{{#OFF}}<span class="badge">{{A_NTF_OFF}}</span>{{/OFF}}{{#NO_URL}} <span class="muted small">{{A_NTF_NO_URL}}</span>{{/NO_URL}}</td>
      <td data-label="{{A_NTF_LAST_TEST}}">{{#TEST_OK}}<span class="badge ok">{{A_NTF_TEST_PASSED}}</span> <span class="muted small">{{AT}}</span>{{/TEST_OK}}{{#TEST_BAD}}<span class="badge bad">{{MSG}}</span> <span class="muted small">{{AT}}</span>{{/TEST_BAD}}</td>
      <td class="adm-act adm-inl"><a href="/admin/notify/channels/{{KIND}}">{{A_NTF_EDIT}}</a></td>
    </tr>{{/CHANNEL}}
    </tbody>
  </table>
</section>
<section class="card adm" id="rules">
  <h2>{{A_NTF_RULES}}</h2>
  <p class="muted small">{{A_NTF_RULES_INTRO}}</p>
  {{#ERR_rules}}<p class="note bad" role="alert">{{MSG}}</p>{{/ERR_rules}}
  <form method="post" action="/admin/notify/rules" id="ntf-rules-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="table-scroll">
    <table class="list ntf-grid">
      <thead><tr><th scope="col">{{A_NTF_EVENT}}</th>{{#COL}}<th scope="col">{{LABEL}}</th>{{/COL}}</tr></thead>
      <tbody>
      {{#EVENT}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td data-label="{{CH}}"><input type="checkbox" name="{{NAME}}" value="1" aria-label="{{LABEL}}"{{#CHECKED}} checked{{/CHECKED}}></td>{{/CELL}}</tr>
      {{/EVENT}}
      </tbody>
    </table>
    </div>
    <button type="submit" class="primary">{{A_NTF_SAVE_RULES}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
