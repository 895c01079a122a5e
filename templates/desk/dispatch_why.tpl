{{%AUTOESCAPE context="HTML"}}{{#DW_DECISION}}<section class="card dw" id="dispatch-why" aria-labelledby="h-dispatch-why">
  <h2 id="h-dispatch-why">{{DW_TITLE}}</h2>
  <p class="dw-chosen">{{DW_CHOSEN}} <strong id="dw-winner">{{NAME}}</strong> · <time>{{AT}}</time></p>
  <ul class="dw-reasons">
    <li id="dw-skill"><span class="dw-k">{{DW_SKILL}}</span> {{DW_SKILL_FOR}}<span class="dw-v">{{CATEGORY}}</span></li>
    {{#REGION_MATCH}}<li id="dw-region"><span class="dw-k">{{DW_REGION}}</span> {{DW_REGION_MATCH}}<span class="dw-v">{{REGION}}</span>{{DEPTH}}</li>{{/REGION_MATCH}}
    {{#REGION_NONE}}<li id="dw-region"><span class="dw-k">{{DW_REGION}}</span> {{DW_REGION_NONE_TEXT}}</li>{{/REGION_NONE}}
    <li id="dw-load"><span class="dw-k">{{DW_LOAD}}</span> {{DW_LOAD_TEXT}}<span class="dw-v">{{LOAD}}</span></li>
  </ul>
  {{#DW_OTHERS}}
  <h3>{{DW_OTHERS}}</h3>
  {{#NO_OTHERS}}<p class="muted small">{{DW_NO_OTHERS_TEXT}}</p>{{/NO_OTHERS}}
  {{#HAS_OTHERS}}
  <ul class="dw-cands" id="dw-cands">
    {{#DW_CAND}}<li class="dw-cand" data-reason="{{REASON_CODE}}"><strong>{{NAME}}</strong> · {{DW_REGION_COL}} {{REGION}}{{#MATCH}}{{DEPTH}}{{/MATCH}} · {{DW_OPEN_COL}} {{LOAD}}<br><span class="muted small">{{DW_WHY_NOT}}{{REASON}}</span></li>
    {{/DW_CAND}}
  </ul>
  {{/HAS_OTHERS}}
  {{#NO_SKILL}}<details class="dw-no-skill" id="dw-no-skill">
    <summary>{{DW_NO_SKILL_PRE}}{{COUNT}}{{DW_NO_SKILL_POST}}</summary>
    <p class="small">{{#NO_SKILL_NAME}}<span class="dw-cand" data-reason="no_skill">{{NAME}}</span>{{#NO_SKILL_NAME_separator}}、{{/NO_SKILL_NAME_separator}}{{/NO_SKILL_NAME}}</p>
  </details>{{/NO_SKILL}}
  {{/DW_OTHERS}}
  <p class="muted small">{{DW_RULE}}</p>
</section>{{/DW_DECISION}}
