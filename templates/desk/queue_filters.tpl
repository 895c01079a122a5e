{{%AUTOESCAPE context="HTML"}}{{! A part of desk/queue.tpl: the queue's filter form. Rendered alone and kept by the worker (cgi/desk/queue.c, queue_cache.h); spliced into the page as *_HTML:none. }}<form method="get" action="/desk/" class="card q-filters" role="search" aria-label="{{Q_FILTERS}}">{{#DRILL_FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/DRILL_FIELD}}
  <div class="q-field q-search">
    <label for="f-q">{{Q_SEARCH}}</label>
    <input id="f-q" name="q" type="search"{{#IN_DRILL}} disabled{{/IN_DRILL}} value="{{VAL_q}}" maxlength="100" placeholder="{{Q_SEARCH_HINT}}">
  </div>
  <div class="q-field q-wide">
    <label for="f-status">{{Q_STATUS}}</label>
    <select id="f-status" name="status"{{#IN_DRILL}} disabled{{/IN_DRILL}}>{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
  </div>
  <div class="q-field">
    <label for="f-priority">{{Q_PRIORITY}}</label>
    <select id="f-priority" name="priority"{{#IN_DRILL}} disabled{{/IN_DRILL}}><option value="">{{Q_ANY}}</option>{{#PRIORITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_OPTION}}</select>
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
    <select id="f-sort" name="sort"{{#IN_DRILL}} disabled{{/IN_DRILL}}>{{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}</select>
  </div>
  <label class="q-check"><input type="checkbox" name="overdue" value="1"{{#IN_DRILL}} disabled{{/IN_DRILL}}{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> {{Q_OVERDUE}}</label>
  <label class="q-check"><input type="checkbox" name="flagged" value="1"{{#IN_DRILL}} disabled{{/IN_DRILL}}{{#FLAGGED_CHECKED}} checked{{/FLAGGED_CHECKED}}> {{Q_FLAGGED}}</label>
  <label class="q-check"><input type="checkbox" name="replied" value="1"{{#IN_DRILL}} disabled{{/IN_DRILL}}{{#REPLIED_CHECKED}} checked{{/REPLIED_CHECKED}}> {{Q_REPLIED}}</label>
  <div class="q-actions">
    <button type="submit" class="primary">{{Q_APPLY}}</button>
    <a href="/desk/">{{Q_RESET}}</a>
  </div>
</form>
