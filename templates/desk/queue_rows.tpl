{{%AUTOESCAPE context="HTML"}}{{! A part of desk/queue.tpl: the queue's results: the table of tickets and the pager. Rendered alone and kept by the worker (cgi/desk/queue.c, queue_cache.h); spliced into the page as *_HTML:none. }}{{#HAS_ROWS}}
  <table class="list q-list">
    <caption class="visually-hidden">{{PAGE_TITLE}}</caption>
    <thead><tr>
      {{#PICK_HEAD}}<th scope="col" class="q-pick"><span class="visually-hidden">{{Q_PICK}}</span></th>{{/PICK_HEAD}}
      <th scope="col">{{Q_COL_NUMBER}}</th><th scope="col">{{Q_COL_STATUS}}</th>
      <th scope="col">{{Q_COL_PRIORITY}}</th><th scope="col">{{Q_COL_CATEGORY}}</th>
      <th scope="col">{{Q_COL_CUSTOMER}}</th><th scope="col">{{Q_COL_PRODUCT}}</th>
      <th scope="col">{{Q_COL_ASSIGNEE}}</th><th scope="col">{{Q_COL_CREATED}}</th>
      <th scope="col">{{Q_COL_SLA}}</th>
    </tr></thead>
    <tbody>
    {{#ROW}}<tr{{#SLA_OVERDUE}} class="is-overdue"{{/SLA_OVERDUE}}>
{{#PICK}}<td class="q-pick"><input type="checkbox" name="id" value="{{ID}}" form="bulk" aria-label="{{Q_PICK_TICKET}} {{NUMBER}}"></td>{{/PICK}}
<td class="q-num" data-label="{{Q_COL_NUMBER}}"><a href="/desk/tickets/{{ID}}">{{NUMBER}}</a>{{#REPLIED}} <span class="badge q-replied" title="{{Q_REPLIED_HINT}}">{{Q_REPLIED_MARK}}</span>{{/REPLIED}}{{#FLAGGED}} <span class="badge q-flag">{{Q_FLAG}}</span>{{#PHRASES}} <small class="q-flag-words"><span class="visually-hidden">{{Q_FLAG_MATCHED}}{{Q_COLON}}</span>{{TEXT}}</small>{{/PHRASES}}{{/FLAGGED}}</td>
<td class="q-st" data-label="{{Q_COL_STATUS}}"><span class="badge st-{{STATUS}}">{{STATUS_LABEL}}</span></td>
<td class="q-pr" data-label="{{Q_COL_PRIORITY}}"><span class="badge pr-{{PRIORITY}}">{{PRIORITY_LABEL}}</span></td>
<td class="q-wrap" data-label="{{Q_COL_CATEGORY}}">{{CATEGORY}}</td>
<td class="q-wrap" data-label="{{Q_COL_CUSTOMER}}">{{CUSTOMER}}</td>
<td class="q-wrap" data-label="{{Q_COL_PRODUCT}}">{{PRODUCT}}</td>
<td data-label="{{Q_COL_ASSIGNEE}}">{{#ASSIGNEE}}{{NAME}}{{/ASSIGNEE}}{{#UNASSIGNED}}<span class="muted">{{Q_UNASSIGNED}}</span>{{/UNASSIGNED}}</td>
<td data-label="{{Q_COL_CREATED}}"><time>{{CREATED}}</time></td>
<td class="q-sla" data-label="{{Q_COL_SLA}}">{{#SLA_OVERDUE}}<span class="badge bad">{{Q_SLA_OVERDUE}}</span>{{#DUE}} <small>{{KIND}} <time>{{AT}}</time></small>{{/DUE}}{{/SLA_OVERDUE}}{{#SLA_SOON}}<span class="badge warn">{{Q_SLA_SOON}}</span>{{#DUE}} <small>{{KIND}} <time>{{AT}}</time></small>{{/DUE}}{{/SLA_SOON}}{{#SLA_OK}}<span class="badge ok">{{Q_SLA_OK}}</span>{{#DUE}} <small>{{KIND}} <time>{{AT}}</time></small>{{/DUE}}{{/SLA_OK}}{{#SLA_PAUSED}}<span class="badge">{{Q_SLA_PAUSED}}</span>{{/SLA_PAUSED}}{{#SLA_CLOSED}}<span class="muted">{{Q_SLA_CLOSED}}</span>{{/SLA_CLOSED}}</td>
</tr>{{/ROW}}
    </tbody>
  </table>
  {{/HAS_ROWS}}
  {{#NO_ROWS}}
  <p class="muted">{{Q_EMPTY}}</p>
  {{#SEARCH_ALL}}<p><a href="{{HREF}}">{{Q_SEARCH_ALL}}</a></p>{{/SEARCH_ALL}}
  {{/NO_ROWS}}
  <nav class="q-pager" aria-label="{{Q_PAGE_NOTE}}">
    {{#FIRST_PAGE}}<a class="button" href="{{HREF}}">{{Q_FIRST_PAGE}}</a>{{/FIRST_PAGE}}
    {{#NEXT_PAGE}}<a class="button primary" rel="next" href="{{HREF}}">{{Q_NEXT_PAGE}}</a>{{/NEXT_PAGE}}
    <span class="muted small">{{Q_PAGE_NOTE}} · {{Q_TZ}}</span>
  </nav>
