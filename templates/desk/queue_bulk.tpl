{{%AUTOESCAPE context="HTML"}}{{! A part of desk/queue.tpl: the body of the queue's bulk form (its csrf and back fields stay in queue.tpl). Rendered alone and kept by the worker (cgi/desk/queue.c, queue_cache.h); spliced into the page as *_HTML:none. }}<h2 id="q-bulk-h">{{QB_TITLE}}</h2>
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
