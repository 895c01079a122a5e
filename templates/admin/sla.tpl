{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{A_SLA_INTRO}}</p>
  {{#SAVED_NOTE}}<p class="note ok" role="status">{{SAVED}}</p>{{/SAVED_NOTE}}
  {{#SLA_MISSING}}<p class="note bad" role="alert">{{A_SLA_MISSING}}</p>{{/SLA_MISSING}}
  <p class="adm-legend small"><span class="adm-sla">{{A_SLA_FR}} / {{A_SLA_RES}}</span>
    <span class="adm-sla adm-own">{{A_SLA_OWN}}</span> <span class="adm-sla muted">{{A_SLA_INHERITED}}</span></p>
  <table class="list adm-slagrid">
    <thead><tr><th scope="col">{{A_SLA_ROW}}</th>{{#HEAD}}<th scope="col">{{LABEL}}</th>{{/HEAD}}
      <th scope="col"><span class="visually-hidden">{{A_ACTIONS}}</span></th></tr></thead>
    <tbody>
    {{#ROW}}<tr{{#IS_DEFAULT}} class="adm-default"{{/IS_DEFAULT}}>
      <th scope="row" class="adm-strong">{{NAME}}{{#CAT_INACTIVE}} <span class="muted small">{{A_SLA_CAT_INACTIVE}}</span>{{/CAT_INACTIVE}}</th>
      {{#CELL}}<td data-label="{{PRIORITY_LABEL}}">{{#DEFAULT}}<span class="adm-sla">{{FR}} / {{RES}}</span>{{/DEFAULT}}{{#OWN}}<span class="adm-sla adm-own">{{FR}} / {{RES}}</span><span class="visually-hidden"> ({{A_SLA_OWN}})</span>{{/OWN}}{{#INHERITED}}<span class="adm-sla muted">{{FR}} / {{RES}}</span><span class="visually-hidden"> ({{A_SLA_INHERITED}})</span>{{/INHERITED}}{{#MISSING}}<span class="badge bad">{{A_SLA_MISSING_CELL}}</span>{{/MISSING}}</td>
      {{/CELL}}
      <td class="adm-act"><a href="/admin/sla/{{KEY}}">{{A_EDIT}}</a></td>
    </tr>{{/ROW}}
    </tbody>
  </table>
</section>
{{>LAYOUT_FOOT}}
