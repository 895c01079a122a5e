{{%AUTOESCAPE context="HTML"}}<section class="card dash-table" id="{{ID}}">
  <h2>{{TITLE}} <a class="csv small" href="{{CSV_HREF}}" download>{{D_EXPORT}}</a></h2>
  {{#EMPTY}}<p class="muted">{{D_NO_DATA}}</p>{{/EMPTY}}
  <div class="scroll">
  <table class="list">
    <thead><tr><th scope="col">{{GROUP_LABEL}}</th>{{#COL}}<th scope="col">{{COL_LABEL}}</th>{{/COL}}</tr></thead>
    <tbody>
    {{#ROW}}<tr><th scope="row">{{NAME}}</th>{{#CELL}}<td data-label="{{CELL_LABEL}}">{{#TEXT}}{{CELL_VALUE}}{{/TEXT}}{{#LINK}}<a href="{{HREF}}" title="{{D_DRILL}}">{{CELL_VALUE}}</a>{{/LINK}}</td>{{/CELL}}</tr>
    {{/ROW}}
    </tbody>
  </table>
  </div>
</section>
