{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family:sans-serif;line-height:1.5;color:#1f2933">
<p>{{SENTENCE}}</p>
{{#IS_TICKET}}<p>{{N_NUMBER}}<strong>{{NUMBER}}</strong></p>{{/IS_TICKET}}
<p><a href="{{URL}}">{{#IS_TICKET}}{{N_OPEN}}{{/IS_TICKET}}{{#NOT_TICKET}}{{N_OPEN_PAGE}}{{/NOT_TICKET}}</a></p>
<hr>
<p style="color:#616e7c;font-size:13px">{{BRAND}}{{#FOR_CUSTOMER}}<br>{{N_MAIL_OPTOUT}}{{/FOR_CUSTOMER}}</p>
</body></html>
