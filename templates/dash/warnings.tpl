{{%AUTOESCAPE context="HTML"}}<section class="card dash-table dash-warnings" id="dash-warnings">
  <h2>{{D_WARNINGS}}</h2>
  {{#EMPTY}}<p class="muted">{{D_WARNINGS_NONE}}</p>{{/EMPTY}}
  <div class="scroll">
  <table class="list">
    <thead><tr><th scope="col">{{D_W_NUMBER}}</th><th scope="col">{{D_W_PHRASES}}</th><th scope="col">{{D_W_SOURCE}}</th><th scope="col">{{D_W_AT}}</th></tr></thead>
    <tbody>
    {{#WARNING}}<tr><th scope="row">{{#NUMBER_LINK}}<a href="/desk/tickets/{{ID}}">{{NUMBER}}</a>{{/NUMBER_LINK}}{{#NUMBER_TEXT}}{{NUMBER}}{{/NUMBER_TEXT}}</th><td data-label="{{D_W_PHRASES}}"><span class="badge bad">{{PHRASES}}</span></td><td data-label="{{D_W_SOURCE}}">{{SOURCE}}</td><td data-label="{{D_W_AT}}">{{AT}}</td></tr>
    {{/WARNING}}
    </tbody>
  </table>
  </div>
</section>
