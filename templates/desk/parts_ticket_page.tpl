{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="pt">
<p class="pt-back"><a href="/desk/tickets/{{TICKET_ID}}">← {{P_BACK_TICKET}} {{NUMBER}}</a></p>
<h1>{{PAGE_TITLE}}</h1>
{{>PARTS_TICKET}}
</div>
{{>LAYOUT_FOOT}}
