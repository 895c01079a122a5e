{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb">
<p class="kb-back"><a href="/desk/kb">← {{K_KB}}</a></p>
<article class="card kb-article" id="article">
  {{#FLASH_AT_article}}<p class="note ok" role="status" id="kb-saved">{{MSG}}</p><script src="/static/js/flash.js" defer></script>{{/FLASH_AT_article}}
  <h1 class="kb-title"><span class="badge kb-kind kb-kind-{{KIND}}">{{KIND_LABEL}}</span>
    {{#DRAFT}}<span class="badge warn">{{K_DRAFT}}</span>{{/DRAFT}}
    <span>{{TITLE}}</span></h1>
  <p class="muted small kb-meta">
    <span>{{K_CATEGORY}}{{K_COLON}}{{#CATEGORY}}{{TEXT}}{{/CATEGORY}}{{#CATEGORY_NONE}}{{K_CATEGORY_ANY}}{{/CATEGORY_NONE}}</span>
    <span>{{K_AUTHOR}}{{K_COLON}}{{#AUTHOR}}{{TEXT}}{{/AUTHOR}}{{#AUTHOR_NONE}}{{K_AUTHOR_SYSTEM}}{{/AUTHOR_NONE}}</span>
    <span>{{K_UPDATED}}{{K_COLON}}{{UPDATED}}</span>
  </p>
  <p class="kb-tags">{{#TAG}}<a class="badge" href="{{HREF}}">#{{TEXT}}</a> {{/TAG}}</p>
  <div class="kb-body">{{BODY:pre_escape}}</div>
  {{#CAN_EDIT}}<p class="kb-actions"><a class="button" href="/desk/kb/{{ID}}/edit">{{K_EDIT}}</a></p>{{/CAN_EDIT}}
</article>

<section class="card kb-vote" id="vote" aria-labelledby="h-vote">
  <h2 id="h-vote">{{K_HELPFUL_Q}}</h2>
  {{#VOTE_ERROR}}<p class="field-error" role="alert">{{MSG}}</p>{{/VOTE_ERROR}}
  <form method="post" action="/desk/kb/{{ID}}/vote" class="kb-vote-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" name="helpful" value="1" class="kb-yes{{#MY_VOTE_YES}} is-mine{{/MY_VOTE_YES}}"{{#MY_VOTE_YES}} aria-pressed="true"{{/MY_VOTE_YES}}>👍 {{K_YES}} <span class="kb-count" data-count="yes">{{YES}}</span></button>
    <button type="submit" name="helpful" value="0" class="kb-no{{#MY_VOTE_NO}} is-mine{{/MY_VOTE_NO}}"{{#MY_VOTE_NO}} aria-pressed="true"{{/MY_VOTE_NO}}>👎 {{K_NO}} <span class="kb-count" data-count="no">{{NO}}</span></button>
  </form>
  {{#MY_VOTE_YES}}<p class="muted small">{{K_VOTED_YES}}</p>{{/MY_VOTE_YES}}
  {{#MY_VOTE_NO}}<p class="muted small">{{K_VOTED_NO}}</p>{{/MY_VOTE_NO}}
</section>
</div>
{{>LAYOUT_FOOT}}
