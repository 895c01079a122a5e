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
      <legend><span class="badge pr-{{P}}">{{LABEL}}</span>{{#HAS_DEFAULT}} <span class="muted small">{{A_SLA_DEFAULT_IS}}{{DEF_fr}} / {{DEF_res}}</span>{{/HAS_DEFAULT}}</legend>
      <div class="adm-pair">
        <div class="stack" role="group" aria-labelledby="fr_{{P}}-label">
          <span class="adm-label" id="fr_{{P}}-label">{{A_SLA_FR}} <span class="opt">({{A_SLA_WORKTIME}})</span></span>
          <span class="adm-dur">
            <input id="fr_{{P}}_h" name="fr_{{P}}_h" type="number" inputmode="numeric" min="0" max="8760" step="1" value="{{VAL_fr_h}}" aria-label="{{A_SLA_FR}} {{A_SLA_HOURS}}"{{#ERR_fr}} aria-invalid="true" aria-describedby="fr_{{P}}-err"{{/ERR_fr}}><label for="fr_{{P}}_h">{{A_SLA_HOURS}}</label>
            <input id="fr_{{P}}_m" name="fr_{{P}}_m" type="number" inputmode="numeric" min="0" max="59" step="1" value="{{VAL_fr_m}}" aria-label="{{A_SLA_FR}} {{A_SLA_MINUTES}}"{{#ERR_fr}} aria-invalid="true" aria-describedby="fr_{{P}}-err"{{/ERR_fr}}><label for="fr_{{P}}_m">{{A_SLA_MINUTES}}</label>
          </span>
          {{#ERR_fr}}<p class="field-error" id="fr_{{P}}-err">{{MSG}}</p>{{/ERR_fr}}
        </div>
        <div class="stack" role="group" aria-labelledby="res_{{P}}-label">
          <span class="adm-label" id="res_{{P}}-label">{{A_SLA_RES}} <span class="opt">({{A_SLA_WORKTIME}})</span></span>
          <span class="adm-dur">
            <input id="res_{{P}}_h" name="res_{{P}}_h" type="number" inputmode="numeric" min="0" max="8760" step="1" value="{{VAL_res_h}}" aria-label="{{A_SLA_RES}} {{A_SLA_HOURS}}"{{#ERR_res}} aria-invalid="true" aria-describedby="res_{{P}}-err"{{/ERR_res}}><label for="res_{{P}}_h">{{A_SLA_HOURS}}</label>
            <input id="res_{{P}}_m" name="res_{{P}}_m" type="number" inputmode="numeric" min="0" max="59" step="1" value="{{VAL_res_m}}" aria-label="{{A_SLA_RES}} {{A_SLA_MINUTES}}"{{#ERR_res}} aria-invalid="true" aria-describedby="res_{{P}}-err"{{/ERR_res}}><label for="res_{{P}}_m">{{A_SLA_MINUTES}}</label>
          </span>
          {{#ERR_res}}<p class="field-error" id="res_{{P}}-err">{{MSG}}</p>{{/ERR_res}}
        </div>
      </div>
    </fieldset>
    {{/PRIO}}
    <button type="submit" class="primary">{{SAVE}}</button>
  </form>
</section>
{{>LAYOUT_FOOT}}
