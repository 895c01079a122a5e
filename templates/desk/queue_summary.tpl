{{%AUTOESCAPE context="HTML"}}{{! A part of desk/queue.tpl: the queue's summary row (open tickets per status). Rendered alone and kept by the worker (cgi/desk/queue.c, queue_cache.h); spliced into the page as *_HTML:none. }}<nav class="q-summary" aria-label="{{Q_SUMMARY}}">
  <a class="q-chip" href="/desk/">{{Q_OPEN_TOTAL}} <b>{{OPEN_TOTAL}}</b></a>
  {{#COUNT}}<a class="q-chip" href="{{HREF}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}><span class="badge st-{{STATUS}}">{{LABEL}}</span> <b>{{N}}</b></a>{{/COUNT}}
  {{#FLAGGED_COUNT}}<a class="q-chip" href="/desk/?flagged=1"{{#CURRENT}} aria-current="true"{{/CURRENT}}><span class="badge q-flag">{{Q_FLAG}}</span> <b>{{N}}</b></a>{{/FLAGGED_COUNT}}
  {{#REPLIED_COUNT}}<a class="q-chip" href="/desk/?replied=1"{{#CURRENT}} aria-current="true"{{/CURRENT}}><span class="badge q-replied">{{Q_REPLIED_MARK}}</span> <b class="q-replied-n">{{N}}</b></a>{{/REPLIED_COUNT}}
</nav>
