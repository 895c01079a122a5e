{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<section class="card narrow error" role="alert">
  <h1>{{PAGE_TITLE}} <small class="code">{{STATUS}}</small></h1>
  <p>{{MESSAGE}}</p>
  <p><a class="button" href="{{HOME_HREF}}">{{ERR_BACK}}</a></p>
</section>
{{>LAYOUT_FOOT}}
