{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
{{>ADMIN_NAV}}
<section class="card adm narrow">
  <p class="adm-back"><a href="/admin/sla">← {{A_BACK}}</a></p>
  <h1>{{PAGE_TITLE}} <small class="code">{{ROW_NAME}}</small></h1>
  <p class="muted small">{{#IS_DEFAULT}}{{A_SLA_DEFAULT_HINT}}{{/IS_DEFAULT}}{{#IS_CATEGORY}}{{A_SLA_CAT_HINT}}{{/IS_CATEGORY}}</p>
  {{#FORM_HAS_ERRORS}}<p class="note bad" role="alert">{{FORM_ERRORS}}</p>{{/FORM_HAS_ERRORS}}
  <form method="post" action="/admin/sla/{{KEY}}" class="stack adm-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#PRIO}}
    <fieldset class="adm-slaset">
      <legend><span class="badge pr-{{P}}">{{LABEL}}</span>{{#HAS_DEFAULT}} <span class="muted small">{{A_SLA_DEFAULT_IS}}{{DEF_fr}} / {{DEF_res}} {{A_SLA_MINS}}</span>{{/HAS_DEFAULT}}</legend>
      <div class="adm-pair">
        <div class="stack">
          <label for="fr_{{P}}">{{A_SLA_FR}} <span class="opt">({{A_SLA_MINS}})</span></label>
          <input id="fr_{{P}}" name="fr_{{P}}" type="number" inputmode="numeric" min="1" max="525600" step="1" value="{{VAL_fr}}" placeholder="{{DEF_fr}}"{{#REQ}} required{{/REQ}}{{#ERR_fr}} aria-invalid="true" aria-describedby="fr_{{P}}-err"{{/ERR_fr}}>
          {{#ERR_fr}}<p class="field-error" id="fr_{{P}}-err">{{MSG}}</p>{{/ERR_fr}}
        </div>
        <div class="stack">
          <label for="res_{{P}}">{{A_SLA_RES}} <span class="opt">({{A_SLA_MINS}})</span></label>
          <input id="res_{{P}}" name="res_{{P}}" type="number" inputmode="numeric" min="1" max="525600" step="1" value="{{VAL_res}}" placeholder="{{DEF_res}}"{{#REQ}} required{{/REQ}}{{#ERR_res}} aria-invalid="true" aria-describedby="res_{{P}}-err"{{/ERR_res}}>
          {{#ERR_res}}<p class="field-error" id="res_{{P}}-err">{{MSG}}</p>{{/ERR_res}}
        </div>
      </div>
    </fieldset>
    {{/PRIO}}
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
