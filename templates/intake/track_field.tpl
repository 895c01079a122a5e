{{%AUTOESCAPE context="HTML"}}{{#FLASH_AT_confirm}}<p class="note ok" role="status" id="confirm">{{MSG}}</p><script src="/static/js/flash.js" defer></script>{{/FLASH_AT_confirm}}
{{#APPT}}<p class="note track-appt" id="track-appt">{{TRACK_APPT}}{{TRACK_COLON}}<strong>{{TEXT}}</strong></p>{{/APPT}}
{{#CONFIRM_FORM}}
<div class="note ok track-confirm" id="confirm">
  <p>{{TRACK_CONFIRM_ASK}}</p>
  <form method="post" action="/track/{{CODE}}/confirm" class="inline">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" class="primary" id="confirm-submit">{{TRACK_CONFIRM}}</button>
  </form>
  <p class="small"><a href="#reply">{{TRACK_CONFIRM_NOT}}</a></p>
</div>
{{/CONFIRM_FORM}}
{{#CONFIRMED}}<p class="badge ok" id="confirmed">✓ {{TRACK_CONFIRMED}}</p>{{/CONFIRMED}}
{{#CONFIRMED_SIG}}<p class="badge ok" id="confirmed">✓ {{TRACK_CONFIRMED_SIG}}</p>{{/CONFIRMED_SIG}}
