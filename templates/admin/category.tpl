{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="adm-back"><a href="/admin/categories">← {{A_BACK}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{CATEGORY_NAME}}</small></h1>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/categories/{{ID}}" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="code">{{A_CATEGORY_CODE}}</label>
    <input id="code" name="code" value="{{VAL_code}}" maxlength="32" required pattern="[a-z0-9_]+" autocapitalize="none" spellcheck="false" aria-describedby="code-hint{{#ERR_code}} code-err{{/ERR_code}}"{{#ERR_code}} aria-invalid="true"{{/ERR_code}}>
    {{#ERR_code}}<p class="field-error" id="code-err">{{MSG}}</p>{{/ERR_code}}
    <p class="hint" id="code-hint">{{A_CATEGORY_CODE_HINT}}</p>
    <label for="name_zh">{{A_CATEGORY_NAME_ZH}}</label>
    <input id="name_zh" name="name_zh" value="{{VAL_name_zh}}" maxlength="64" required lang="zh-CN"{{#ERR_name_zh}} aria-invalid="true" aria-describedby="name_zh-err"{{/ERR_name_zh}}>
    {{#ERR_name_zh}}<p class="field-error" id="name_zh-err">{{MSG}}</p>{{/ERR_name_zh}}
    <label for="name_en">{{A_CATEGORY_NAME_EN}}</label>
    <input id="name_en" name="name_en" value="{{VAL_name_en}}" maxlength="64" required lang="en"{{#ERR_name_en}} aria-invalid="true" aria-describedby="name_en-err"{{/ERR_name_en}}>
    {{#ERR_name_en}}<p class="field-error" id="name_en-err">{{MSG}}</p>{{/ERR_name_en}}
    <label for="sort">{{A_CATEGORY_SORT}}</label>
    <input id="sort" name="sort" type="number" inputmode="numeric" step="1" min="-1000000" max="1000000" value="{{VAL_sort}}" required aria-describedby="sort-hint{{#ERR_sort}} sort-err{{/ERR_sort}}"{{#ERR_sort}} aria-invalid="true"{{/ERR_sort}}>
    {{#ERR_sort}}<p class="field-error" id="sort-err">{{MSG}}</p>{{/ERR_sort}}
    <p class="hint" id="sort-hint">{{A_CATEGORY_SORT_HINT}}</p>
    <label class="adm-check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}} aria-describedby="active-hint"> {{A_ACTIVE}}</label>
    {{#ERR_active}}<p class="field-error">{{MSG}}</p>{{/ERR_active}}
    <p class="hint" id="active-hint">{{A_CATEGORY_ACTIVE_HINT}}</p>
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
