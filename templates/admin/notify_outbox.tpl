{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <p class="small"><a href="/admin/notify">{{A_NTF_BACK}}</a></p>
  <h1>{{PAGE_TITLE}}</h1>
  {{#RESENT_NOTE}}<p class="note ok" role="status">{{A_NTF_RESENT}}</p>{{/RESENT_NOTE}}
  <form method="get" action="/admin/notify/outbox" class="ntf-filter">
    <label for="status">{{A_NTF_STATUS}}</label>
    <select id="status" name="status">{{#STATUS_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPT}}</select>
    <button type="submit">{{A_NTF_FILTER}}</button>
  </form>
  <div class="table-scroll">
  <table class="list" id="outbox">
    <thead><tr><th scope="col">#</th><th scope="col">{{A_NTF_CREATED}}</th><th scope="col">{{A_NTF_EVENT}}</th>
      <th scope="col">{{A_NTF_CHANNEL}}</th><th scope="col">{{A_NTF_TO}}</th><th scope="col">{{A_NTF_TICKET}}</th>
      <th scope="col">{{A_NTF_STATUS}}</th><th scope="col">{{A_NTF_ATTEMPTS}}</th><th scope="col">{{A_NTF_ERROR}}</th>
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#MSG_ROW}}<tr class="ntf-{{STATUS}}" data-id="{{ID}}">
      <td>{{ID}}</td>
      <td data-label="{{A_NTF_CREATED}}" class="nw">{{CREATED}}</td>
      <td data-label="{{A_NTF_EVENT}}">{{EVENT}}</td>
      <td data-label="{{A_NTF_CHANNEL}}">{{CHANNEL}}</td>
      <td data-label="{{A_NTF_TO}}">{{TO}}</td>
      <td data-label="{{A_NTF_TICKET}}" class="nw">{{#HAS_TICKET}}<a href="/desk/tickets/{{TICKET}}">{{NUMBER}}</a>{{/HAS_TICKET}}{{#NO_TICKET}}{{NUMBER}}{{/NO_TICKET}}</td>
      <td class="adm-inl">{{#IS_SENT}}<span class="badge ok">{{STATUS_LABEL}}</span>{{/IS_SENT}}{{#IS_FAILED}}<span class="badge bad">{{STATUS_LABEL}}</span>{{/IS_FAILED}}{{#IS_OPEN}}<span class="badge">{{STATUS_LABEL}}</span> <span class="muted small" title="{{A_NTF_NEXT}}">{{NEXT}}</span>{{/IS_OPEN}}</td>
      <td data-label="{{A_NTF_ATTEMPTS}}">{{ATTEMPTS}}</td>
      <td data-label="{{A_NTF_ERROR}}" class="small">{{ERROR}}</td>
      <td class="adm-act adm-inl">{{#CAN_RESEND}}<form method="post" action="/admin/notify/outbox/{{ID}}/resend" class="inline">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button type="submit" class="link">{{A_NTF_RESEND}}</button>
        </form>{{/CAN_RESEND}}</td>
    </tr>{{/MSG_ROW}}
    </tbody>
  </table>
  </div>
  {{#NO_ROWS}}<p class="muted">{{A_NTF_EMPTY}}</p>{{/NO_ROWS}}
</section>
{{>LAYOUT_FOOT}}
