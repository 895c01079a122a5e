{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted">{{APP_TAGLINE}}</p>
  <p>{{COMING_NEXT}}</p>
</section>
{{>LAYOUT_FOOT}}
