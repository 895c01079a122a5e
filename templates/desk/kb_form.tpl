{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb">
<p class="kb-back">{{#IS_NEW}}<a href="/desk/kb">← {{K_KB}}</a>{{/IS_NEW}}{{#IS_EDIT}}<a href="/desk/kb/{{ID}}">← {{K_BACK_ARTICLE}}</a>{{/IS_EDIT}}</p>
<section class="card kb-form">
  <h1>{{PAGE_TITLE}}</h1>
  {{#CONFLICT}}
  <div class="note bad" role="alert">
    <p>{{K_ERR_CONFLICT}}</p>
    <p><a class="button" href="/desk/kb/{{ID}}/edit">{{K_RELOAD}}</a></p>
  </div>
  {{/CONFLICT}}
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="{{FORM_ACTION}}" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#IS_NEW}}<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">{{/IS_NEW}}
    {{#IS_EDIT}}<input type="hidden" name="version" value="{{VERSION}}">{{/IS_EDIT}}

    <label for="title">{{K_FIELD_TITLE}}</label>
    <input id="title" name="title" value="{{VAL_title}}" maxlength="200" required{{#ERR_title}} aria-invalid="true" aria-describedby="title-err"{{/ERR_title}}>
    {{#ERR_title}}<p class="field-error" id="title-err">{{MSG}}</p>{{/ERR_title}}

    <label for="kind">{{K_KIND}}</label>
    <select id="kind" name="kind" required{{#ERR_kind}} aria-invalid="true" aria-describedby="kind-err"{{/ERR_kind}}>
      {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
    </select>
    {{#ERR_kind}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/ERR_kind}}

    <label for="category">{{K_CATEGORY}} <span class="opt">{{K_OPTIONAL}}</span></label>
    <select id="category" name="category"{{#ERR_category}} aria-invalid="true" aria-describedby="category-err"{{/ERR_category}}>
      <option value="">{{K_CATEGORY_ANY}}</option>
      {{#CATEGORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
    </select>
    {{#ERR_category}}<p class="field-error" id="category-err">{{MSG}}</p>{{/ERR_category}}

    <label for="tags">{{K_TAGS}} <span class="opt">{{K_OPTIONAL}}</span></label>
    <input id="tags" name="tags" value="{{VAL_tags}}" maxlength="400" aria-describedby="tags-hint{{#ERR_tags}} tags-err{{/ERR_tags}}"{{#ERR_tags}} aria-invalid="true"{{/ERR_tags}}>
    {{#ERR_tags}}<p class="field-error" id="tags-err">{{MSG}}</p>{{/ERR_tags}}
    <p class="hint" id="tags-hint">{{K_TAGS_HINT}}</p>

    <label for="body">{{K_FIELD_BODY}}</label>
    <textarea id="body" name="body" rows="14" maxlength="16000" required aria-describedby="body-hint{{#ERR_body}} body-err{{/ERR_body}}"{{#ERR_body}} aria-invalid="true"{{/ERR_body}}>{{VAL_body:pre_escape}}</textarea>
    {{#ERR_body}}<p class="field-error" id="body-err">{{MSG}}</p>{{/ERR_body}}
    <p class="hint" id="body-hint">{{K_BODY_HINT}}</p>

    <label class="kb-check"><input type="checkbox" name="published" value="1"{{#PUBLISHED_CHECKED}} checked{{/PUBLISHED_CHECKED}}> {{K_PUBLISHED}}</label>

    <button type="submit" class="primary">{{SUBMIT}}</button>
  </form>
</section>
</div>
{{>LAYOUT_FOOT}}
