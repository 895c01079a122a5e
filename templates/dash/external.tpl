{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="dash-external" id="dash-external-section">
  <h2 id="dash-external">{{D_EXTERNAL}}</h2>
  <p class="muted small">{{D_EXTERNAL_NOTE}}</p>
  <div class="tiles">
    {{#TILE}}<article class="tile tile-ext" id="tile-{{KEY}}">
      <h3>{{LABEL}}</h3>
      {{#FIGURES}}<p class="value">{{VALUE}}</p>
      <p class="trend {{TREND_CLS}}"><span class="arrow" aria-hidden="true">{{ARROW}}</span> <span class="sr">{{TREND_TEXT}},</span> {{D_PREV}} {{PREV}}</p>
      <p class="meta">{{AGG}} · {{D_EXT_POINTS}} <span class="n">{{N}}</span></p>{{/FIGURES}}
      {{#NOT_BROKEN_DOWN}}<p class="value muted">—</p><p class="meta">{{D_EXT_NOT_BROKEN_DOWN}}</p>{{/NOT_BROKEN_DOWN}}
      <details><summary>{{D_DEFINITION}}</summary><p>{{DEF}}</p></details>
    </article>{{/TILE}}
  </div>
</section>
