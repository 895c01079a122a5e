{{%AUTOESCAPE context="HTML"}}<nav class="adm-tabs" aria-label="{{A_TABS_LABEL}}">
  {{#TAB}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/TAB}}
</nav>
