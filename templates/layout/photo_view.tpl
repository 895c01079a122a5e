{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="{{HTML_LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} · {{APP_NAME}}</title>
<link rel="stylesheet" href="/static/css/app.css">
</head>
<body class="photo-view">
<p class="photo-bar"><a href="{{BACK}}">← {{PHOTO_BACK}}</a><a href="{{SRC}}" class="photo-full">{{PHOTO_ORIGINAL}}</a></p>
<main><img src="{{SRC}}" alt="{{FILENAME}}" id="photo"></main>
</body>
</html>
