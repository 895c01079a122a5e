{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="queue">
<div class="q-head">
  <h1>{{PAGE_TITLE}}</h1>
  {{#CAN_CREATE}}<a class="button primary" href="/desk/new">{{Q_NEW_TICKET}}</a>{{/CAN_CREATE}}
</div>
{{#TECH_NOTE}}<p class="muted small">{{Q_TECH_NOTE}}</p>{{/TECH_NOTE}}
{{#DRILL}}
<section class="card q-drill" aria-label="{{QD_FROM_METRIC}}">
  <p class="q-drill-what">{{QD_FROM_METRIC}}{{Q_COLON}}<b>{{METRIC}}</b> · <span class="q-drill-period">{{PERIOD}}</span>{{#SLICE}} · <span>{{TEXT}}</span>{{/SLICE}}</p>
  <p class="small">{{SET}} · {{QD_COUNT}} <b class="q-drill-n">{{N}}</b>{{#PER_ROWS}}<br><span class="muted">{{NOTE}}</span>{{/PER_ROWS}}</p>
  <p class="small q-drill-links">{{#OTHER}}<a href="{{HREF}}">{{LABEL}}</a> · {{/OTHER}}<a href="{{CLEAR}}">{{QD_CLEAR}}</a></p>
</section>
{{/DRILL}}

<nav class="q-summary" aria-label="{{Q_SUMMARY}}">
  <a class="q-chip" href="/desk/">{{Q_OPEN_TOTAL}} <b>{{OPEN_TOTAL}}</b></a>
  {{#COUNT}}<a class="q-chip" href="{{HREF}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}><span class="badge st-{{STATUS}}">{{LABEL}}</span> <b>{{N}}</b></a>{{/COUNT}}
  {{#FLAGGED_COUNT}}<a class="q-chip" href="/desk/?flagged=1"{{#CURRENT}} aria-current="true"{{/CURRENT}}><span class="badge q-flag">{{Q_FLAG}}</span> <b>{{N}}</b></a>{{/FLAGGED_COUNT}}
  {{#REPLIED_COUNT}}<a class="q-chip" href="/desk/?replied=1"{{#CURRENT}} aria-current="true"{{/CURRENT}}><span class="badge q-replied">{{Q_REPLIED_MARK}}</span> <b class="q-replied-n">{{N}}</b></a>{{/REPLIED_COUNT}}
</nav>

{{#CONFIRM}}<p class="note ok flash" role="status">{{MSG}}</p><script src="/static/js/flash.js" defer></script>{{/CONFIRM}}
{{#BULK_DONE}}<div class="note ok flash q-bulk-done" role="status">
  <p>{{BEFORE}}<b class="q-bulk-n">{{N}}</b>{{AFTER}}{{#SAME}} <span class="q-bulk-same"><b>{{N}}</b>{{AFTER}}</span>{{/SAME}}</p>
  {{#REFUSED}}<p class="q-bulk-refused">{{MSG}} {{#TICKET}}<a href="{{HREF}}">{{NUMBER}}</a> {{/TICKET}}</p>{{/REFUSED}}
  {{#FAILED}}<p class="q-bulk-failed">{{MSG}} {{#TICKET}}<a href="{{HREF}}">{{NUMBER}}</a> {{/TICKET}}</p>{{/FAILED}}
</div><script src="/static/js/flash.js" defer></script>{{/BULK_DONE}}

<form method="get" action="/desk/" class="card q-filters" role="search" aria-label="{{Q_FILTERS}}">
  <div class="q-field q-search">
    <label for="f-q">{{Q_SEARCH}}</label>
    <input id="f-q" name="q" type="search" value="{{VAL_q}}" maxlength="100" placeholder="{{Q_SEARCH_HINT}}">
  </div>
  <div class="q-field q-wide">
    <label for="f-status">{{Q_STATUS}}</label>
    <select id="f-status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
  </div>
  <div class="q-field">
    <label for="f-priority">{{Q_PRIORITY}}</label>
    <select id="f-priority" name="priority"><option value="">{{Q_ANY}}</option>{{#PRIORITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_OPTION}}</select>
  </div>
  <div class="q-field">
    <label for="f-category">{{Q_CATEGORY}}</label>
    <select id="f-category" name="category"><option value="">{{Q_ANY}}</option>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
  </div>
  {{#ASSIGNEE_FILTER}}
  <div class="q-field">
    <label for="f-assignee">{{Q_ASSIGNEE}}</label>
    <select id="f-assignee" name="assignee"><option value="">{{Q_ANY}}</option>{{#ASSIGNEE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ASSIGNEE_OPTION}}</select>
  </div>
  {{/ASSIGNEE_FILTER}}
  <div class="q-field">
    <label for="f-team">{{Q_TEAM}}</label>
    <select id="f-team" name="team"><option value="">{{Q_ANY}}</option>{{#TEAM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTION}}</select>
  </div>
  <div class="q-field">
    <label for="f-channel">{{Q_CHANNEL}}</label>
    <select id="f-channel" name="channel"><option value="">{{Q_ANY}}</option>{{#CHANNEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL_OPTION}}</select>
  </div>
  <div class="q-field">
    <label for="f-sort">{{Q_SORT}}</label>
    <select id="f-sort" name="sort">{{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}</select>
  </div>
  <label class="q-check"><input type="checkbox" name="overdue" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> {{Q_OVERDUE}}</label>
  <label class="q-check"><input type="checkbox" name="flagged" value="1"{{#FLAGGED_CHECKED}} checked{{/FLAGGED_CHECKED}}> {{Q_FLAGGED}}</label>
  <label class="q-check"><input type="checkbox" name="replied" value="1"{{#REPLIED_CHECKED}} checked{{/REPLIED_CHECKED}}> {{Q_REPLIED}}</label>
  <div class="q-actions">
    <button type="submit" class="primary">{{Q_APPLY}}</button>
    <a href="/desk/">{{Q_RESET}}</a>
  </div>
</form>

{{#VIEWS}}
<section class="card q-views" aria-labelledby="q-views-h">
  <h2 id="q-views-h">{{QV_TITLE}}</h2>
  {{#NO_VIEWS}}<p class="muted small">{{QV_NONE}}</p>{{/NO_VIEWS}}
  <ul class="q-view-list">
    {{#VIEW}}<li class="q-view"><a href="{{HREF}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a>
      <form method="post" action="/desk/views/{{ID}}/delete" class="q-view-del">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="back" value="/desk/?{{CURRENT_QUERY}}">
        <button type="submit" class="link" aria-label="{{QV_DELETE_LABEL}} {{NAME}}">{{QV_DELETE}}</button>
      </form></li>{{/VIEW}}
  </ul>
  <form method="post" action="/desk/views" class="q-view-save">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#SAVE_FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/SAVE_FIELD}}
    <label for="v-name">{{QV_NAME}}</label>
    <input id="v-name" name="name" maxlength="60" required>
    <button type="submit">{{QV_SAVE}}</button>
  </form>
  <p class="muted small">{{QV_HINT}}</p>
</section>
{{/VIEWS}}

{{#BULK}}
<form id="bulk" method="post" action="/desk/bulk" class="card q-bulk" aria-labelledby="q-bulk-h">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="back" value="{{BACK}}">
  <h2 id="q-bulk-h">{{QB_TITLE}}</h2>
  <p class="muted small">{{QB_HINT}}</p>
  <div class="q-bulk-groups">
  <fieldset class="q-bulk-group">
    <legend>{{QB_ASSIGN}}</legend>
    <label for="b-team">{{QB_TEAM}}</label>
    <select id="b-team" name="team"><option value="">{{QB_KEEP}}</option>{{#TEAM_CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/TEAM_CHOICE}}</select>
    <label for="b-assignee">{{QB_TECH}}</label>
    <select id="b-assignee" name="assignee"><option value="">{{QB_KEEP}}</option>{{#TECH_CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/TECH_CHOICE}}</select>
    <button type="submit" name="op" value="assign">{{QB_APPLY_ASSIGN}}</button>
  </fieldset>
  <fieldset class="q-bulk-group">
    <legend>{{QB_STATUS}}</legend>
    <label for="b-status" class="visually-hidden">{{QB_STATUS}}</label>
    <select id="b-status" name="status">{{#STATUS_CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/STATUS_CHOICE}}</select>
    <button type="submit" name="op" value="status">{{QB_APPLY_STATUS}}</button>
  </fieldset>
  <fieldset class="q-bulk-group">
    <legend>{{QB_PRIORITY}}</legend>
    <label for="b-priority" class="visually-hidden">{{QB_PRIORITY}}</label>
    <select id="b-priority" name="priority">{{#PRIORITY_CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/PRIORITY_CHOICE}}</select>
    <button type="submit" name="op" value="priority">{{QB_APPLY_PRIORITY}}</button>
  </fieldset>
  </div>
</form>
{{/BULK}}

<section class="card q-results">
  {{#HAS_ROWS}}
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
</section>
</div>
{{>LAYOUT_FOOT}}
