{{%AUTOESCAPE context="HTML"}}<section class="card dash-table dash-ratings" id="dash-ratings">
  <h2>{{D_RATINGS_RECENT}}</h2>
  {{#EMPTY}}<p class="muted">{{D_RATINGS_NONE}}</p>{{/EMPTY}}
  <div class="scroll">
  <table class="list">
    <thead><tr><th scope="col">{{D_W_NUMBER}}</th><th scope="col">{{SURVEY_RATING_HEAD}}</th><th scope="col">{{D_R_COMMENT}}</th><th scope="col">{{D_TECHNICIAN}}</th><th scope="col">{{D_W_AT}}</th></tr></thead>
    <tbody>
    {{#RATING_ROW}}<tr><th scope="row">{{#NUMBER_LINK}}<a href="/desk/tickets/{{ID}}">{{NUMBER}}</a>{{/NUMBER_LINK}}{{#NUMBER_TEXT}}{{NUMBER}}{{/NUMBER_TEXT}}</th><td data-label="{{SURVEY_RATING_HEAD}}"><span class="badge {{RATING_CLASS}}">{{RATING}}/5 · {{RATING_LABEL}}</span></td><td data-label="{{D_R_COMMENT}}" class="dash-comment">{{#COMMENT}}{{TEXT}}{{/COMMENT}}{{#NO_COMMENT}}<span class="muted">{{D_R_NO_COMMENT}}</span>{{/NO_COMMENT}}</td><td data-label="{{D_TECHNICIAN}}">{{TECH}}</td><td data-label="{{D_W_AT}}">{{AT}}</td></tr>
    {{/RATING_ROW}}
    </tbody>
  </table>
  </div>
</section>
