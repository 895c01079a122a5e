{{%AUTOESCAPE context="HTML"}}{{#DW_DECISION}}<section class="card dw" id="dispatch-why" aria-labelledby="h-dispatch-why">
  <h2 id="h-dispatch-why">{{DW_TITLE}}</h2>
  <p class="dw-chosen">{{DW_CHOSEN}} <strong id="dw-winner">{{NAME}}</strong> · <time>{{AT}}</time></p>
  <ul class="dw-reasons">
    <li id="dw-skill"><span class="dw-k">{{DW_SKILL}}</span> {{DW_SKILL_FOR}} {{CATEGORY}}</li>
    {{#REGION_MATCH}}<li id="dw-region"><span class="dw-k">{{DW_REGION}}</span> {{DW_REGION_MATCH}} {{REGION}} ({{DEPTH}} {{DW_LEVEL}})</li>{{/REGION_MATCH}}
    {{#REGION_NONE}}<li id="dw-region"><span class="dw-k">{{DW_REGION}}</span> {{DW_REGION_NONE_TEXT}}</li>{{/REGION_NONE}}
    <li id="dw-load"><span class="dw-k">{{DW_LOAD}}</span> {{DW_LOAD_TEXT}} {{LOAD}}</li>
  </ul>
  {{#DW_OTHERS}}
  <h3>{{DW_OTHERS}}</h3>
  {{#NO_OTHERS}}<p class="muted small">{{DW_NO_OTHERS_TEXT}}</p>{{/NO_OTHERS}}
  {{#HAS_OTHERS}}
  <table class="list dw-cands" id="dw-cands">
    <thead><tr><th>{{DW_NAME}}</th><th>{{DW_REGION_COL}}</th><th>{{DW_SKILL}}</th><th>{{DW_DEPTH_COL}}</th><th class="num">{{DW_OPEN_COL}}</th><th>{{DW_WHY_NOT}}</th></tr></thead>
    <tbody>
      {{#DW_CAND}}<tr class="dw-cand" data-reason="{{REASON_CODE}}">
        <td data-label="{{DW_NAME}}">{{NAME}}</td>
        <td data-label="{{DW_REGION_COL}}">{{REGION}}</td>
        <td data-label="{{DW_SKILL}}">{{SKILL}}</td>
        <td data-label="{{DW_DEPTH_COL}}">{{DEPTH}}</td>
        <td data-label="{{DW_OPEN_COL}}" class="num">{{LOAD}}</td>
        <td data-label="{{DW_WHY_NOT}}">{{REASON}}</td>
      </tr>{{/DW_CAND}}
    </tbody>
  </table>
  {{/HAS_OTHERS}}
  {{/DW_OTHERS}}
  <p class="muted small">{{DW_RULE}}</p>
</section>{{/DW_DECISION}}
