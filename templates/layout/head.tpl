{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="{{HTML_LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} · {{APP_NAME}}</title>
<link rel="stylesheet" href="/static/css/app.css">
<link rel="icon" href="/static/icons/logo.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">{{SKIP_TO_CONTENT}}</a>
<header class="top">
  <a class="brand" href="/"><img src="/static/icons/logo.svg" alt="" width="28" height="28"><span>{{APP_NAME}}</span></a>
  <nav class="nav" aria-label="main">
    {{#NAV}}<a href="{{NAV_HREF}}"{{#NAV_CURRENT}} aria-current="page"{{/NAV_CURRENT}}>{{NAV_LABEL}}</a>{{/NAV}}
  </nav>
  <div class="who">
    {{#SIGNED_IN}}
    <a class="user" href="/account" title="{{USER_ROLE}}">{{USER_NAME}}{{#SHOW_ROLE}} <small>{{USER_ROLE}}</small>{{/SHOW_ROLE}}</a>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="link">{{SIGN_OUT}}</button>
    </form>
    {{/SIGNED_IN}}
    {{#SIGNED_OUT}}<a href="/login">{{SIGN_IN}}</a>{{/SIGNED_OUT}}
    <a class="lang" href="?lang={{OTHER_LANG}}" hreflang="{{OTHER_LANG}}">{{OTHER_LANG_NAME}}</a>
  </div>
</header>
<main id="main">
