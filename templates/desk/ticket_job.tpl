{{%AUTOESCAPE context="HTML"}}<section class="card tk-job" id="job" aria-labelledby="h-job">
  <h2 id="h-job">{{F_JOB}}</h2>
  {{#FLASH_AT_job}}<p class="note ok flash" role="status">{{MSG}}</p>{{/FLASH_AT_job}}
  <p class="tk-job-who"><strong>{{CUSTOMER}}</strong>
    <a class="button tk-tel" href="tel:{{TEL}}">{{T_CALL}} {{PHONE}}</a></p>
  {{#ADDRESS}}
  <p class="tk-job-addr">{{TEXT}}</p>
  <p class="tk-maps small"><a class="button" href="geo:0,0?q={{TEXT:url_query_escape}}" id="map-geo">{{F_MAP_APP}}</a>
    <a href="https://uri.amap.com/search?keyword={{TEXT:url_query_escape}}&amp;src=serviceloop" target="_blank" rel="noopener noreferrer" id="map-amap">{{F_MAP_AMAP}}</a>
    <a href="https://api.map.baidu.com/geocoder?address={{TEXT:url_query_escape}}&amp;output=html&amp;src=serviceloop" target="_blank" rel="noopener noreferrer" id="map-baidu">{{F_MAP_BAIDU}}</a></p>
  {{/ADDRESS}}
  {{#ADDRESS_NONE}}<p class="muted">{{T_ADDRESS}}{{T_COLON}}{{T_NOT_SET}}</p>{{/ADDRESS_NONE}}
  {{#PRODUCT}}<p class="tk-job-product">{{T_PRODUCT}}{{T_COLON}}{{TEXT}}</p>{{/PRODUCT}}
  <p class="tk-appt">{{APPT_LABEL}}{{T_COLON}}{{#APPT}}<strong id="appt-window">{{TEXT}}</strong>{{/APPT}}{{#APPT_NONE}}<span class="muted" id="appt-window">{{F_APPT_NONE}}</span>{{/APPT_NONE}}</p>
  {{#ERR_appointment}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR_appointment}}
  {{#APPT_FORM}}
  <details class="tk-appt-form"{{#APPT_OPEN}} open{{/APPT_OPEN}}>
    <summary>{{#APPT}}{{F_APPT_CHANGE}}{{/APPT}}{{#APPT_NONE}}{{F_APPT_SET}}{{/APPT_NONE}}</summary>
    <form method="post" action="/desk/tickets/{{ID}}/appointment" class="stack" id="appointment">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <label for="f-appt-date">{{F_APPT_DATE}}</label>
      <input id="f-appt-date" name="appt_date" type="date" value="{{VAL_appt_date}}" required{{#ERR_appt_date}} aria-invalid="true" aria-describedby="e-appt-date"{{/ERR_appt_date}}>
      {{#ERR_appt_date}}<p class="field-error" id="e-appt-date">{{MSG}}</p>{{/ERR_appt_date}}
      <div class="tk-appt-times">
        <div><label for="f-appt-from">{{F_APPT_FROM}}</label>
        <input id="f-appt-from" name="appt_from" type="time" step="900" value="{{VAL_appt_from}}" required{{#ERR_appt_from}} aria-invalid="true" aria-describedby="e-appt-from"{{/ERR_appt_from}}>
        {{#ERR_appt_from}}<p class="field-error" id="e-appt-from">{{MSG}}</p>{{/ERR_appt_from}}</div>
        <div><label for="f-appt-to">{{F_APPT_TO}}</label>
        <input id="f-appt-to" name="appt_to" type="time" step="900" value="{{VAL_appt_to}}" required{{#ERR_appt_to}} aria-invalid="true" aria-describedby="e-appt-to"{{/ERR_appt_to}}>
        {{#ERR_appt_to}}<p class="field-error" id="e-appt-to">{{MSG}}</p>{{/ERR_appt_to}}</div>
      </div>
      <p class="hint">{{F_APPT_HINT}}</p>
      <button type="submit" class="primary" id="appt-submit">{{F_APPT_SUBMIT}}</button>
    </form>
  </details>
  {{/APPT_FORM}}
</section>
