{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="kb">
<p class="kb-back"><a href="/desk/tickets/{{TICKET_ID}}">← {{K_BACK_TICKET}} {{NUMBER}}</a></p>
<h1>{{PAGE_TITLE}}</h1>
<p class="muted small">{{K_MATCHES_HINT}}</p>
{{>KB_TICKET}}
</div>
{{>LAYOUT_FOOT}}
