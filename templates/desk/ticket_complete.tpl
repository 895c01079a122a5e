{{%AUTOESCAPE context="HTML"}}{{#CARD}}<section class="card tk-complete" id="complete" aria-labelledby="h-complete">
  <h2 id="h-complete">{{F_COMPLETE}}</h2>
  {{#FLASH_AT_complete}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_complete}}
  {{#ERR_complete}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_complete}}
  {{#DONE}}
  <div class="tk-done">
    <p class="small muted">{{F_COMPLETED_AT}}{{T_COLON}}<time>{{AT}}</time></p>
    <p class="pre tk-done-note">{{NOTE:pre_escape}}</p>
    {{#DONE_PHOTO}}<a href="/desk/attachments/{{AID}}" target="_blank" rel="noopener"><img class="tk-done-photo" src="/desk/attachments/{{AID}}/thumb" alt="{{F_PHOTO}}" width="160" height="120"></a>{{/DONE_PHOTO}}
    {{#SIGNATURE}}<figure class="tk-sig-shown"><img src="/desk/attachments/{{AID}}" alt="{{F_SIGNATURE}}" id="signature-img"><figcaption class="small muted">{{F_SIGNATURE}}</figcaption></figure>{{/SIGNATURE}}
    {{#CONFIRMED}}<p class="badge ok" id="confirmed">✓ {{TEXT}}</p>{{/CONFIRMED}}
    {{#CONFIRM_PENDING}}<p class="badge warn" id="confirm-pending">{{F_CONFIRM_PENDING}}</p>{{/CONFIRM_PENDING}}
  </div>
  {{/DONE}}
  {{#COMPLETE_FORM}}
  <form method="post" action="/desk/tickets/{{ID}}/complete" enctype="multipart/form-data" class="stack" id="complete-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <label for="f-done-note">{{F_NOTE}}</label>
    <textarea id="f-done-note" name="note" rows="3" maxlength="2000" required aria-describedby="h-done-note{{#ERR_note}} e-done-note{{/ERR_note}}"{{#ERR_note}} aria-invalid="true"{{/ERR_note}}>{{VAL_note:pre_escape}}</textarea>
    {{#ERR_note}}<p class="field-error" id="e-done-note">{{MSG}}</p>{{/ERR_note}}
    <p class="hint" id="h-done-note">{{F_NOTE_HINT}}</p>
    <label for="f-done-photo">{{F_PHOTO}}</label>
    <input id="f-done-photo" name="photo_done" type="file" accept="image/jpeg,image/png,image/webp" capture="environment"{{#ERR_photo_done}} aria-invalid="true"{{/ERR_photo_done}}>
    {{#ERR_photo_done}}<p class="field-error">{{MSG}}</p>{{/ERR_photo_done}}
    <p class="hint">{{F_PHOTO_HINT}}</p>
    <fieldset class="tk-sig" id="signature-box" hidden>
      <legend>{{F_SIGNATURE}}</legend>
      <canvas id="sig-pad" width="600" height="220" aria-label="{{F_SIGNATURE}}"></canvas>
      <input type="hidden" name="signature" id="f-signature" value="">
      <p class="hint">{{F_SIGN_HINT}}</p>
      <button type="button" id="sig-clear">{{F_SIGN_CLEAR}}</button>
    </fieldset>
    <noscript><p class="hint">{{F_SIGN_NOSCRIPT}}</p></noscript>
    {{#ERR_signature}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_signature}}
    <button type="submit" class="primary wide" id="complete-submit">{{F_COMPLETE_SUBMIT}}</button>
  </form>
  <script src="/static/js/signature.js" defer></script>
  {{/COMPLETE_FORM}}
</section>{{/CARD}}
