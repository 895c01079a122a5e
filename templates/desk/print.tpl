{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="{{HTML_LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} · {{APP_NAME}}</title>
<link rel="stylesheet" href="/static/css/print.css">
</head>
<body class="wo">
<p class="wo-tools"><a href="/desk/tickets/{{ID}}">← {{T_TITLE}} {{NUMBER}}</a>
  <button type="button" id="print-btn" hidden>{{PR_PRINT}}</button></p>
<article class="wo-page">
<header class="wo-head">
  <div>
    <p class="wo-app">{{APP_NAME}}</p>
    <h1>{{PR_TITLE}} <span class="wo-num">{{NUMBER}}</span></h1>
    <p class="wo-meta">{{T_CREATED}}{{T_COLON}}{{CREATED}} · {{PR_PRINTED}}{{T_COLON}}{{PRINTED}} ({{T_TZ}})</p>
  </div>
  <figure class="wo-qr">{{>QR}}<figcaption>{{PR_TRACK}}</figcaption></figure>
</header>

<section class="wo-grid">
  <div>
    <h2>{{PR_CUSTOMER}}</h2>
    <dl>
      <dt>{{T_CUSTOMER}}</dt><dd>{{CUSTOMER}}</dd>
      <dt>{{T_PHONE}}</dt><dd>{{PHONE}}</dd>
      <dt>{{T_ADDRESS}}</dt><dd>{{ADDRESS}}</dd>
      <dt>{{APPT_LABEL}}</dt><dd>{{APPT}}</dd>
    </dl>
  </div>
  <div>
    <h2>{{PR_PRODUCT}}</h2>
    <dl>
      <dt>{{T_CATEGORY}}</dt><dd>{{CATEGORY}}</dd>
      <dt>{{T_PRODUCT}}</dt><dd>{{PRODUCT}}</dd>
      <dt>{{T_SERIAL}}</dt><dd>{{SERIAL}}</dd>
      <dt>{{T_ASSIGNEE}}</dt><dd>{{TECH}}</dd>
    </dl>
  </div>
</section>

<section>
  <h2>{{PR_FAULT}}</h2>
  <p class="wo-text">{{DESCRIPTION:pre_escape}}</p>
</section>

<section>
  <h2>{{PR_VISITS}}</h2>
  {{#HAS_VISITS}}
  <table>
    <thead><tr><th scope="col">{{T_ASSIGNEE}}</th><th scope="col">{{T_VISIT_ARRIVED}}</th><th scope="col">{{T_VISIT_FINISHED}}</th><th scope="col">{{T_VISIT_NOTES}}</th></tr></thead>
    <tbody>{{#VISIT}}<tr><td>{{TECH}}</td><td>{{ARRIVED}}</td><td>{{FINISHED}}</td><td>{{NOTES}}</td></tr>{{/VISIT}}</tbody>
  </table>
  {{/HAS_VISITS}}
  {{#NO_VISITS}}<p>{{PR_NO_VISITS}}</p>{{/NO_VISITS}}
</section>

<section>
  <h2>{{PR_PARTS}}</h2>
  {{#HAS_PARTS}}
  <table>
    <thead><tr><th scope="col">SKU</th><th scope="col">{{PR_PARTS}}</th><th scope="col" class="num">{{PR_QTY}}</th></tr></thead>
    <tbody>{{#PART}}<tr><td>{{SKU}}</td><td>{{NAME}}</td><td class="num">{{QTY}} {{UNIT}}</td></tr>{{/PART}}</tbody>
  </table>
  {{/HAS_PARTS}}
  {{#NO_PARTS}}<p>{{PR_NO_PARTS}}</p>{{/NO_PARTS}}
</section>

<section>
  <h2>{{PR_RESOLUTION}}</h2>
  {{#RESOLVED}}<p class="wo-text">{{NOTE:pre_escape}}</p><p class="wo-meta">{{F_COMPLETED_AT}}{{T_COLON}}{{AT}}</p>{{/RESOLVED}}
  <p class="wo-blank">&nbsp;</p>
</section>

<section class="wo-sign">
  <div>
    <h2>{{PR_SIGNATURE}}</h2>
    {{#SIGNATURE}}<img src="/desk/attachments/{{AID}}" alt="{{PR_SIGNATURE}}" class="wo-sig" id="wo-signature">{{/SIGNATURE}}
    {{#NO_SIGNATURE}}<p class="wo-line">{{PR_NO_SIGNATURE}}</p>{{/NO_SIGNATURE}}
    {{#CONFIRMED}}<p class="wo-meta">✓ {{TEXT}}</p>{{/CONFIRMED}}
  </div>
  <div>
    <h2>{{PR_TRACK}}</h2>
    <p class="wo-url">{{TRACK_URL}}</p>
  </div>
</section>
</article>
<script src="/static/js/print.js" defer></script>
</body>
</html>
