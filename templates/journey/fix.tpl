{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="jr">
<p class="kb-back"><a href="{{BACK}}">← {{J_BACK_TO_MAP}}</a></p>
<section class="card jr-fix">
  <h1>{{PAGE_TITLE}}</h1>
  {{#CONFLICT}}<p class="note warn" role="alert">{{J_CONFLICT}}</p>{{/CONFLICT}}
  {{#NOTE}}<p class="note bad" role="alert">{{NOTE}}</p>{{/NOTE}}
  <form method="post" action="{{ACTION}}" class="stack" id="fix-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
    {{/HIDDEN}}
    {{#FIELD}}
    <label for="fix-{{NAME}}">{{LABEL}}</label>
    {{#TEXT}}<input id="fix-{{NAME}}" name="{{NAME}}" value="{{VALUE}}" maxlength="{{MAX}}"{{#ERR}} aria-invalid="true" aria-describedby="fix-{{NAME}}-err"{{/ERR}}>{{/TEXT}}
    {{#AREA}}<textarea id="fix-{{NAME}}" name="{{NAME}}" maxlength="{{MAX}}" rows="3"{{#ERR}} aria-invalid="true" aria-describedby="fix-{{NAME}}-err"{{/ERR}}>{{VALUE:pre_escape}}</textarea>{{/AREA}}
    {{#SELECT}}<select id="fix-{{NAME}}" name="{{NAME}}"{{#ERR}} aria-invalid="true" aria-describedby="fix-{{NAME}}-err"{{/ERR}}>{{#OPTION}}<option value="{{OVALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{OLABEL}}</option>{{/OPTION}}</select>{{/SELECT}}
    {{#ERR}}<p class="field-error" id="fix-{{NAME}}-err">{{MSG}}</p>{{/ERR}}
    {{/FIELD}}
    <p class="jr-buttons">{{#BUTTON}}<button type="submit" class="primary" name="{{NAME}}" value="{{VALUE}}">{{LABEL}}</button> {{/BUTTON}}</p>
  </form>
</section>
</div>
{{>LAYOUT_FOOT}}
