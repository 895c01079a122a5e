{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb">
<nav class="kb-subnav" aria-label="{{K_KB}}">
  <a href="/desk/">{{K_NAV_QUEUE}}</a>
  <a href="/desk/kb" aria-current="page">{{K_KB}}</a>
  {{#CAN_WRITE}}<a href="/desk/plans">{{K_PLANS}}</a>{{/CAN_WRITE}}
</nav>
<div class="kb-head">
  <h1>{{PAGE_TITLE}}</h1>
  {{#CAN_WRITE}}<a class="button primary" href="/desk/kb/new">{{K_NEW_ARTICLE}}</a>{{/CAN_WRITE}}
</div>
<form method="get" action="/desk/kb" class="card kb-search" role="search">
  <div class="kb-search-q">
    <label for="q">{{K_SEARCH}}</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="100" placeholder="{{K_SEARCH_HINT}}">
  </div>
  <div>
    <label for="kind">{{K_KIND}}</label>
    <select id="kind" name="kind">
      <option value="">{{K_ALL}}</option>
      {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
    </select>
  </div>
  <div>
    <label for="category">{{K_CATEGORY}}</label>
    <select id="category" name="category">
      <option value="">{{K_ALL}}</option>
      {{#CATEGORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
    </select>
  </div>
  <div>
    <label for="tag">{{K_TAG}}</label>
    <input id="tag" name="tag" value="{{TAG}}" maxlength="20">
  </div>
  <div class="kb-search-go"><button type="submit" class="primary">{{K_SEARCH_GO}}</button></div>
</form>

{{#EMPTY}}<section class="card"><p class="muted">{{K_EMPTY}}</p></section>{{/EMPTY}}
{{#NO_MATCH}}<section class="card"><p class="muted">{{K_NO_MATCH}}</p></section>{{/NO_MATCH}}
<ol class="kb-results">
  {{#ARTICLE}}
  <li class="card kb-item">
    <p class="kb-item-head">
      <span class="badge kb-kind kb-kind-{{KIND}}">{{KIND_LABEL}}</span>
      {{#DRAFT}}<span class="badge warn">{{K_DRAFT}}</span>{{/DRAFT}}
      <a class="kb-item-title" href="/desk/kb/{{ID}}">{{TITLE}}</a>
    </p>
    <p class="kb-excerpt">{{EXCERPT}}{{#CUT}}…{{/CUT}}</p>
    <p class="muted small kb-meta">
      {{#CATEGORY}}<span>{{K_CATEGORY}}{{K_COLON}}{{TEXT}}</span>{{/CATEGORY}}
      {{#TAGS}}<span>{{K_TAGS}}{{K_COLON}}{{TEXT}}</span>{{/TAGS}}
      <span>{{K_YES}} {{YES}} · {{K_NO}} {{NO}}</span>
      <span>{{K_UPDATED}}{{K_COLON}}{{UPDATED}}</span>
    </p>
  </li>
  {{/ARTICLE}}
</ol>
<p class="kb-pager">
  {{#PREV_PAGE}}<a class="button" href="{{HREF}}" rel="prev">← {{K_PREV}}</a>{{/PREV_PAGE}}
  {{#NEXT_PAGE}}<a class="button" href="{{HREF}}" rel="next">{{K_NEXT}} →</a>{{/NEXT_PAGE}}
</p>
</div>
{{>LAYOUT_FOOT}}
