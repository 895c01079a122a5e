{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<div class="dash">
<section class="card dash-head">
  <h1>{{PAGE_TITLE}}</h1>
  <p class="muted small">{{D_PERIOD_SHOWN}} <strong>{{PERIOD_TEXT}}</strong> · {{D_COMPARED}} {{PREV_TEXT}}</p>
  {{#MONTH_WINS}}<p class="note" role="status">{{D_MONTH_WINS}} <strong>{{MONTH}}</strong>{{D_MONTH_WINS_NOT}}{{DAYS_LABEL}}{{D_MONTH_WINS_END}}</p>{{/MONTH_WINS}}
  {{#BUILDING}}<p class="note warn" role="status">{{D_BUILDING}} {{PCT}}%</p>{{/BUILDING}}
  <form method="get" action="/dash/" class="dash-filters">
    <label>{{D_F_PERIOD}}
      <select name="period"><option value=""{{#BY_MONTH_SELECTED}} selected{{/BY_MONTH_SELECTED}}>{{D_BY_MONTH}}</option>{{#PERIOD_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PERIOD_OPT}}</select>
    </label>
    <label>{{D_F_MONTH}}
      <input type="month" name="month" value="{{MONTH}}" min="2000-01" max="2100-12" placeholder="2026-11" title="{{D_F_MONTH_HINT}}">
    </label>
    <label>{{D_F_CATEGORY}}
      <select name="category"><option value="">{{D_ALL}}</option>{{#CAT_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CAT_OPT}}</select>
    </label>
    <label>{{D_F_TEAM}}
      <select name="team"><option value="">{{D_ALL}}</option>{{#TEAM_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPT}}</select>
    </label>
    <label>{{D_F_CHANNEL}}
      <select name="channel"><option value="">{{D_ALL}}</option>{{#CHAN_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHAN_OPT}}</select>
    </label>
    <div class="dash-actions">
      <button type="submit" class="primary">{{D_APPLY}}</button>
      <a href="/dash/">{{D_RESET}}</a>
      <a href="{{EXPORT_ALL_HREF}}" download>{{D_EXPORT_ALL}}</a>
    </div>
  </form>
</section>

<section aria-labelledby="dash-kpis">
  <h2 id="dash-kpis">{{D_KPIS}}</h2>
  <div class="tiles">
    {{#TILE}}<article class="tile" id="tile-{{KEY}}">
      <h3>{{LABEL}}</h3>
      {{#TEXT}}<p class="value">{{VALUE}}</p>{{/TEXT}}{{#LINK}}<a class="value-link" href="{{HREF}}" title="{{D_DRILL}}"><p class="value">{{VALUE}}</p></a>{{/LINK}}
      <p class="trend {{TREND_CLS}}"><span class="arrow" aria-hidden="true">{{ARROW}}</span> <span class="sr">{{TREND_TEXT}},</span> {{D_PREV}} {{PREV}}</p>
      <p class="meta">{{D_SAMPLE}} <span class="n">{{N}}</span>{{#AUX}} · {{AUX_LABEL}} {{AUX_VALUE}}{{/AUX}}</p>
      <details><summary>{{D_DEFINITION}}</summary><p>{{DEF}}</p></details>
      <a class="csv" href="{{CSV_HREF}}" download>{{D_CSV}}</a>
    </article>{{/TILE}}
  </div>
</section>
{{>EXTERNAL}}

<section aria-labelledby="dash-charts">
  <h2 id="dash-charts">{{D_CHARTS}}</h2>
  <div class="charts">
    <div class="card chart-card">{{>CHART_VOLUME}}</div>
    <div class="card chart-card">{{>CHART_SLA}}</div>
    <div class="card chart-card">{{>CHART_BACKLOG}}</div>
  </div>
</section>

{{>WARNINGS}}
{{>TABLE_CATEGORY}}
{{>TABLE_TEAM}}
{{>TABLE_CSAT_TECHNICIAN}}
{{>TABLE_CSAT_CATEGORY}}
{{>RECENT_RATINGS}}
</div>
{{>LAYOUT_FOOT}}
