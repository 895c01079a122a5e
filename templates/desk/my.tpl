{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="my">
<h1>{{PAGE_TITLE}} <small class="code">{{T_MY_COUNT}} {{COUNT}}</small></h1>
{{#TODAY}}
<section class="my-group my-today" aria-labelledby="h-my-today">
  <h2 id="h-my-today">{{MY_TODAY}} <small class="muted">{{N}}</small></h2>
  {{#NONE}}<p class="card muted">{{MY_NONE_TODAY}}</p>{{/NONE}}
  {{#ANY}}<ol class="my-orders">{{#ORDER}}{{>CARD}}{{/ORDER}}</ol>{{/ANY}}
</section>
{{/TODAY}}
{{#UPCOMING}}
<section class="my-group my-upcoming" aria-labelledby="h-my-upcoming">
  <h2 id="h-my-upcoming">{{MY_UPCOMING}} <small class="muted">{{N}}</small></h2>
  {{#NONE}}<p class="card muted">{{MY_NONE_UPCOMING}}</p>{{/NONE}}
  {{#ANY}}<ol class="my-orders">{{#ORDER}}{{>CARD}}{{/ORDER}}</ol>{{/ANY}}
</section>
{{/UPCOMING}}
{{#DONE}}
<section class="my-group my-done" aria-labelledby="h-my-done">
  <h2 id="h-my-done">{{MY_DONE}} <small class="muted">{{N}}</small></h2>
  {{#NONE}}<p class="card muted">{{MY_NONE_DONE}}</p>{{/NONE}}
  {{#ANY}}<ol class="my-orders">{{#ORDER}}{{>CARD}}{{/ORDER}}</ol>{{/ANY}}
</section>
{{/DONE}}
</div>
{{>LAYOUT_FOOT}}
