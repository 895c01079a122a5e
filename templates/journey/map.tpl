{{%AUTOESCAPE context="HTML"}}{{>LAYOUT_HEAD}}
<link rel="stylesheet" href="/static/css/journey.css">
<div class="jr jr-map{{#PRINT}} jr-print{{/PRINT}}" data-map="{{MAP_ID}}" data-version="{{VERSION}}">
<section class="card jr-head">
  <p class="kb-back jr-noprint"><a href="/journeys/">← {{J_LIST_TITLE}}</a></p>
  <h1><span class="jr-title">{{NAME}}</span> <span class="badge jr-{{KIND_CLASS}}">{{KIND}}</span>{{#ARCHIVED}} <span class="badge">{{J_ARCHIVED}}</span>{{/ARCHIVED}}</h1>
  <p class="muted small">{{J_OWNER}}{{J_COLON}}{{OWNER}} · {{J_LAST_CHANGE}}{{J_COLON}}{{UPDATED}} · {{J_PERIOD}}{{J_COLON}}{{FROM}} – {{TO}} · {{J_STAGES_OFF}}{{J_COLON}}<strong class="jr-off">{{OFF}}</strong> / {{NSTAGES}}</p>
  {{#GOLDEN_OF}}<p class="note">{{J_GOLDEN_OF}} <a href="/journeys/{{OTHER_ID}}" class="jr-other">{{OTHER_NAME}}</a></p>{{/GOLDEN_OF}}
  {{#HAS_GOLDEN}}<p class="note">{{J_HAS_GOLDEN}} <a href="/journeys/{{OTHER_ID}}" class="jr-other" id="golden-link">{{OTHER_NAME}}</a></p>{{/HAS_GOLDEN}}
  <form method="get" action="/journeys/{{MAP_ID}}" class="jr-period jr-noprint" id="period-form">
    <label for="p-from">{{J_FROM}}</label> <input id="p-from" name="from" type="date" value="{{FROM}}">
    <label for="p-to">{{J_TO}}</label> <input id="p-to" name="to" type="date" value="{{TO}}">
    <button type="submit">{{J_SHOW}}</button>
  </form>
  <p class="jr-links jr-noprint">
    <a href="/journeys/{{MAP_ID}}/history">{{J_HISTORY}}</a> ·
    <a href="/journeys/{{MAP_ID}}.svg{{PERIOD_QS}}" id="export-svg">{{J_EXPORT_SVG}}</a> ·
    <a href="/journeys/{{MAP_ID}}.csv{{PERIOD_QS}}" id="export-csv">{{J_EXPORT_CSV}}</a> ·
    <a href="/journeys/{{MAP_ID}}?print=1&amp;from={{FROM}}&amp;to={{TO}}" id="print-link">{{J_PRINT}}</a>
  </p>
  {{#CAN_EDIT}}<div class="jr-tools jr-noprint">
    {{#CAN_MAKE_GOLDEN}}<form method="post" action="/journeys/{{MAP_ID}}/golden" class="inline" id="golden-form">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
      <button type="submit" class="primary" id="make-golden">{{J_MAKE_GOLDEN}}</button>
    </form>{{/CAN_MAKE_GOLDEN}}
    <form method="post" action="/journeys/{{MAP_ID}}/snapshots" class="inline" id="snapshot-form">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
      <input type="hidden" name="from" value="{{FROM}}"><input type="hidden" name="to" value="{{TO}}">
      <label for="snap-label">{{J_SNAPSHOT_LABEL}}</label>
      <input id="snap-label" name="label" maxlength="60" required placeholder="2026-Q4 baseline">
      <button type="submit" id="snapshot-submit">{{J_TAKE_SNAPSHOT}}</button>
    </form>
  </div>{{/CAN_EDIT}}
  <details class="jr-snaps jr-noprint"><summary>{{J_SNAPSHOTS}}</summary>
    {{#NO_SNAPSHOTS}}<p class="muted small">{{J_NO_SNAPSHOTS}}</p>{{/NO_SNAPSHOTS}}
    <ul>{{#SNAPSHOT}}<li><a href="/journeys/{{MAP_ID}}/snapshots/{{SNAP_ID}}" class="jr-snap-link">{{SNAP_LABEL}}</a> <span class="muted small">{{SNAP_AT}}</span></li>{{/SNAPSHOT}}</ul>
  </details>
</section>

<section class="card jr-persona" id="persona">
  <h2>{{J_PERSONA}}</h2>
  {{#NO_PERSONA}}<p class="muted">{{J_NO_PERSONA}}</p>{{/NO_PERSONA}}
  <dl class="jr-persona-card">
    <dt>{{J_PERSONA_NAME}}</dt><dd class="jr-persona-name">{{PERSONA_NAME}}</dd>
    <dt>{{J_PERSONA_SITUATION}}</dt><dd>{{PERSONA_SITUATION}}</dd>
    <dt>{{J_PERSONA_GOALS}}</dt><dd>{{PERSONA_GOALS}}</dd>
    <dt>{{J_PERSONA_FRUSTRATIONS}}</dt><dd>{{PERSONA_FRUSTRATIONS}}</dd>
    <dt>{{J_SCOPE}}</dt><dd class="jr-scope">{{SCOPE}}</dd>
  </dl>
  {{#CAN_EDIT}}<details class="jr-edit jr-noprint"><summary>{{J_EDIT_MAP}}</summary>
  <form method="post" action="/journeys/{{MAP_ID}}/meta" class="stack" id="meta-form">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <label for="m-name">{{J_NAME}}</label><input id="m-name" name="name" value="{{NAME}}" maxlength="100" required>
    <label for="m-pname">{{J_PERSONA_NAME}}</label><input id="m-pname" name="persona_name" value="{{PERSONA_NAME}}" maxlength="60">
    <label for="m-psit">{{J_PERSONA_SITUATION}}</label><textarea id="m-psit" name="persona_situation" maxlength="400" rows="2">{{PERSONA_SITUATION:pre_escape}}</textarea>
    <label for="m-pgoal">{{J_PERSONA_GOALS}}</label><textarea id="m-pgoal" name="persona_goals" maxlength="400" rows="2">{{PERSONA_GOALS:pre_escape}}</textarea>
    <label for="m-pfru">{{J_PERSONA_FRUSTRATIONS}}</label><textarea id="m-pfru" name="persona_frustrations" maxlength="400" rows="2">{{PERSONA_FRUSTRATIONS:pre_escape}}</textarea>
    <label for="m-cat">{{J_SCOPE_CATEGORY}}</label><select id="m-cat" name="category"><option value="">{{J_ALL}}</option>{{#CAT_OPT}}<option value="{{OID}}"{{#SEL}} selected{{/SEL}}>{{ONAME}}</option>{{/CAT_OPT}}</select>
    <label for="m-team">{{J_SCOPE_TEAM}}</label><select id="m-team" name="team"><option value="">{{J_ALL}}</option>{{#TEAM_OPT}}<option value="{{OID}}"{{#SEL}} selected{{/SEL}}>{{ONAME}}</option>{{/TEAM_OPT}}</select>
    <label for="m-chan">{{J_SCOPE_CHANNEL}}</label><select id="m-chan" name="channel"><option value="">{{J_ALL}}</option>{{#CHAN_OPT}}<option value="{{OID}}"{{#SEL}} selected{{/SEL}}>{{ONAME}}</option>{{/CHAN_OPT}}</select>
    <button type="submit" class="primary" id="meta-submit">{{J_SAVE}}</button>
  </form></details>{{/CAN_EDIT}}
</section>

{{#VS_GOLDEN}}<section class="card jr-vs" id="vs-golden">
  <h2>{{J_VS_GOLDEN}}</h2>
  <p class="muted small">{{J_VS_GOLDEN_HELP}}</p>
  <div class="jr-vs-grid">
  {{#GSTAGE}}<div class="jr-vs-stage">
    <h3>{{STAGE_NAME}}</h3>
    <p class="small">{{J_EMOTION}}{{J_COLON}}{{EMOTION}} → <strong>{{GEMOTION}}</strong></p>
    {{#MCARD}}<p class="jr-vs-metric jr-st-{{MSTATUS}}">{{MLABEL}}{{J_COLON}}{{MVALUE}} / {{J_GOLDEN_TARGET}} {{MTARGET}} <span class="badge jr-st-{{MSTATUS}}">{{MSTATUS_LABEL}}</span></p>{{/MCARD}}
    {{#REMOVED}}<p class="jr-removed small">✓ {{J_REMOVED}}{{J_COLON}}<s>{{BODY}}</s></p>{{/REMOVED}}
  </div>{{/GSTAGE}}
  </div>
</section>{{/VS_GOLDEN}}

<section class="jr-grid-wrap" aria-label="{{J_GRID}}">
<div class="jr-scroll">
<table class="jr-grid">
  <thead><tr><th class="jr-corner" scope="col">{{J_LANE}} \ {{J_STAGE}}</th>
  {{#STAGE}}<th scope="col" class="jr-stage" id="stage-{{STAGE_ID}}"><span class="jr-stage-no">{{STAGE_NO}}</span> <span class="jr-stage-name">{{STAGE_NAME}}</span> <span class="jr-emo small">{{EMOTION}}</span>
    {{#ED}}<details class="jr-edit jr-noprint"><summary>{{J_EDIT}}</summary>
    <form method="post" action="/journeys/{{MAP_ID}}/stages/{{STAGE_ID}}" class="stack jr-stage-form">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
      <label for="s-{{STAGE_ID}}-name">{{J_STAGE_NAME}}</label><input id="s-{{STAGE_ID}}-name" name="name" value="{{STAGE_NAME}}" maxlength="40" required>
      <label for="s-{{STAGE_ID}}-emo">{{J_EMOTION}}</label><select id="s-{{STAGE_ID}}-emo" name="emotion">{{#EMO_OPT}}<option value="{{EV}}"{{#SEL}} selected{{/SEL}}>{{EL}}</option>{{/EMO_OPT}}</select>
      <span class="jr-buttons"><button type="submit" name="op" value="save" class="primary">{{J_SAVE}}</button>
      <button type="submit" name="op" value="left" formnovalidate title="{{J_MOVE_LEFT}}" aria-label="{{J_MOVE_LEFT}}">←</button>
      <button type="submit" name="op" value="right" formnovalidate title="{{J_MOVE_RIGHT}}" aria-label="{{J_MOVE_RIGHT}}">→</button>
      <button type="submit" name="op" value="delete" formnovalidate class="danger">{{J_DELETE}}</button></span>
    </form></details>{{/ED}}
  </th>{{/STAGE}}</tr></thead>
  <tbody>
  {{#LANE}}<tr class="jr-lane jr-lane-{{LANE_ROLE}}" id="lane-{{LANE_ID}}">
    <th scope="row" class="jr-lane-name">{{LANE_NAME}}
      {{#ED}}<details class="jr-edit jr-noprint"><summary>{{J_EDIT}}</summary>
      <form method="post" action="/journeys/{{MAP_ID}}/lanes/{{LANE_ID}}" class="stack jr-lane-form">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
        <label for="l-{{LANE_ID}}-name">{{J_LANE_NAME}}</label><input id="l-{{LANE_ID}}-name" name="name" value="{{LANE_NAME}}" maxlength="40" required>
        <span class="jr-buttons"><button type="submit" name="op" value="save" class="primary">{{J_SAVE}}</button>
        <button type="submit" name="op" value="up" formnovalidate aria-label="{{J_MOVE_UP}}" title="{{J_MOVE_UP}}">↑</button>
        <button type="submit" name="op" value="down" formnovalidate aria-label="{{J_MOVE_DOWN}}" title="{{J_MOVE_DOWN}}">↓</button>
        <button type="submit" name="op" value="hide">{{J_HIDE}}</button></span>
      </form></details>{{/ED}}
    </th>
    {{#IS_EMOTION}}<td colspan="{{NSTAGES}}" class="jr-emotion-cell">{{>EMOTION_CHART}}
      <div class="jr-measured jr-cols-{{NSTAGES}}">{{#MEAS}}<div class="jr-meas">
        <p class="small"><span title="{{J_DESIGNED_HELP}}">{{J_DESIGNED}} {{DESIGNED}}</span> · <strong class="jr-meas-{{MEAS_CLASS}}" title="{{J_MEASURED_HELP}}">{{J_MEASURED}} {{MEASURED}}</strong></p>
        <p class="muted small">{{J_MEAS_TICKETS}} {{MT}} · {{J_MEAS_LOW}} {{ML}} · {{J_MEAS_FLAGGED}} {{MF}}</p>
        {{#QUOTE}}<blockquote class="jr-quote small">“{{Q}}”</blockquote>{{/QUOTE}}
      </div>{{/MEAS}}</div></td>{{/IS_EMOTION}}
    {{#IS_VISIBILITY}}<td colspan="{{NSTAGES}}" class="jr-visibility"><span>{{J_LINE_OF_VISIBILITY}}</span></td>{{/IS_VISIBILITY}}
    {{#CELL}}<td class="jr-cell" id="cell-{{STAGE_ID}}-{{LANE_ID}}">
      <ul class="jr-items">
      {{#ITEM}}<li class="jr-item ev-{{EV}}" id="item-{{ITEM_ID}}">
        <span class="jr-ev ev-{{EV}}" title="{{EV_LABEL}}" aria-label="{{EV_LABEL}}">{{EV_MARK}}</span>
        <span class="jr-body">{{BODY}}</span>
        {{#SOURCE_LINK}}<a class="jr-source small" href="{{HREF}}">{{SOURCE}}</a>{{/SOURCE_LINK}}{{#SOURCE_TEXT}}<span class="jr-source small">{{J_SOURCE}}{{J_COLON}}{{SOURCE}}</span>{{/SOURCE_TEXT}}
        {{#TO_KR}}<a class="jr-to-kr small jr-noprint" href="{{KR_HREF}}">{{J_TO_KR}}</a>{{/TO_KR}}
        {{#ED}}<details class="jr-edit jr-noprint"><summary>{{J_EDIT}}</summary>
        <form method="post" action="/journeys/{{MAP_ID}}/items/{{ITEM_ID}}" class="stack jr-item-form">
          <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
          <label for="i-{{ITEM_ID}}-body">{{J_ITEM_BODY}}</label><textarea id="i-{{ITEM_ID}}-body" name="body" maxlength="200" rows="2" required>{{BODY:pre_escape}}</textarea>
          <label for="i-{{ITEM_ID}}-ev">{{J_EVIDENCE}}</label><select id="i-{{ITEM_ID}}-ev" name="evidence">{{#EV_OPT}}<option value="{{OID}}"{{#SEL}} selected{{/SEL}}>{{ONAME}}</option>{{/EV_OPT}}</select>
          <label for="i-{{ITEM_ID}}-src">{{J_SOURCE}}</label><input id="i-{{ITEM_ID}}-src" name="source" value="{{SOURCE}}" maxlength="200">
          <span class="jr-buttons"><button type="submit" name="op" value="save" class="primary">{{J_SAVE}}</button>
          <button type="submit" name="op" value="up" formnovalidate aria-label="{{J_MOVE_UP}}" title="{{J_MOVE_UP}}">↑</button>
          <button type="submit" name="op" value="down" formnovalidate aria-label="{{J_MOVE_DOWN}}" title="{{J_MOVE_DOWN}}">↓</button>
          <button type="submit" name="op" value="left" formnovalidate aria-label="{{J_MOVE_LEFT}}" title="{{J_MOVE_LEFT}}">←</button>
          <button type="submit" name="op" value="right" formnovalidate aria-label="{{J_MOVE_RIGHT}}" title="{{J_MOVE_RIGHT}}">→</button>
          <button type="submit" name="op" value="delete" formnovalidate class="danger">{{J_DELETE}}</button></span>
        </form></details>{{/ED}}
      </li>{{/ITEM}}
      </ul>
      {{#ED}}<details class="jr-add jr-noprint"><summary>+ {{J_ADD_ITEM}}</summary>
      <form method="post" action="/journeys/{{MAP_ID}}/items" class="stack jr-add-item">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
        <input type="hidden" name="stage" value="{{STAGE_ID}}"><input type="hidden" name="lane" value="{{LANE_ID}}">
        <label for="a-{{STAGE_ID}}-{{LANE_ID}}-body">{{J_ITEM_BODY}}</label><textarea id="a-{{STAGE_ID}}-{{LANE_ID}}-body" name="body" maxlength="200" rows="2" required></textarea>
        <label for="a-{{STAGE_ID}}-{{LANE_ID}}-ev">{{J_EVIDENCE}}</label><select id="a-{{STAGE_ID}}-{{LANE_ID}}-ev" name="evidence"><option value="assumption">{{J_EV_assumption}}</option><option value="research">{{J_EV_research}}</option><option value="data">{{J_EV_data}}</option></select>
        <label for="a-{{STAGE_ID}}-{{LANE_ID}}-src">{{J_SOURCE}} <span class="opt">{{J_SOURCE_HINT}}</span></label><input id="a-{{STAGE_ID}}-{{LANE_ID}}-src" name="source" maxlength="200">
        <button type="submit" class="primary">{{J_ADD}}</button>
      </form></details>{{/ED}}
    </td>{{/CELL}}
    {{#MCELL}}<td class="jr-cell jr-mcell" id="metrics-{{STAGE_ID}}">
      {{#MCARD}}<div class="jr-metric jr-st-{{MSTATUS}}" id="metric-{{METRIC_ID}}" data-key="{{MKEY}}">
        <p class="jr-mlabel small">{{MLABEL}}</p>
        <p class="jr-mvalue">{{#DRILL}}<a href="{{DHREF}}" class="jr-drill" title="{{J_DRILL}}">{{/DRILL}}<strong class="jr-value">{{MVALUE}}</strong>{{#DRILL}}</a>{{/DRILL}} <span class="jr-trend {{MTREND_CLASS}}" title="{{J_PREVIOUS}} {{MPREV}}">{{MTREND}}</span></p>
        <p class="small"><span class="jr-target">{{J_TARGET}} {{MTARGET}}</span> <span class="badge jr-st-{{MSTATUS}}">{{MSTATUS_LABEL}}</span></p>
        {{#SPARK}}<svg class="jr-spark" viewBox="-2 -2 94 24" role="img" aria-label="{{MLABEL}}"><polyline points="{{POINTS}}" fill="none"></polyline></svg>{{/SPARK}}
        <p class="muted small">n = <span class="jr-n">{{MN}}</span> · {{J_PREVIOUS}} {{MPREV}}</p>
        {{#UNKNOWN}}<p class="note warn small">{{J_UNKNOWN_METRIC}}</p>{{/UNKNOWN}}
        {{#ED}}<details class="jr-edit jr-noprint"><summary>{{J_EDIT}}</summary>
        <form method="post" action="/journeys/{{MAP_ID}}/metrics/{{METRIC_ID}}" class="stack jr-metric-form">
          <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
          <label for="mt-{{METRIC_ID}}">{{J_TARGET}}</label><input id="mt-{{METRIC_ID}}" name="target" value="{{MTARGET_RAW}}" inputmode="decimal" maxlength="20">
          <span class="jr-buttons"><button type="submit" name="op" value="save" class="primary">{{J_SAVE}}</button>
          <button type="submit" name="op" value="delete" class="danger">{{J_UNBIND}}</button></span>
        </form></details>{{/ED}}
      </div>{{/MCARD}}
      {{#CAN_ADD_METRIC}}<details class="jr-add jr-noprint"><summary>+ {{J_ADD_METRIC}}</summary>
      <form method="post" action="/journeys/{{MAP_ID}}/metrics" class="stack jr-add-metric">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
        <input type="hidden" name="stage" value="{{STAGE_ID}}">
        <label for="am-{{STAGE_ID}}-key">{{J_METRIC}}</label><select id="am-{{STAGE_ID}}-key" name="key">{{#MOPT}}<option value="{{OID}}">{{ONAME}}</option>{{/MOPT}}</select>
        <label for="am-{{STAGE_ID}}-t">{{J_TARGET}}</label><input id="am-{{STAGE_ID}}-t" name="target" inputmode="decimal" maxlength="20">
        <button type="submit" class="primary">{{J_ADD}}</button>
      </form></details>{{/CAN_ADD_METRIC}}
    </td>{{/MCELL}}
  </tr>{{/LANE}}
  </tbody>
</table>
</div>
{{#CAN_EDIT}}<div class="jr-tools jr-noprint">
  <details class="jr-add"><summary>+ {{J_ADD_STAGE}}</summary>
  <form method="post" action="/journeys/{{MAP_ID}}/stages" class="stack" id="add-stage">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <label for="as-name">{{J_STAGE_NAME}}</label><input id="as-name" name="name" maxlength="40" required>
    <label for="as-emo">{{J_EMOTION}}</label><select id="as-emo" name="emotion"><option value="2">+2</option><option value="1">+1</option><option value="0" selected>0</option><option value="-1">-1</option><option value="-2">-2</option></select>
    <button type="submit" class="primary">{{J_ADD}}</button>
  </form></details>
  <details class="jr-add"><summary>+ {{J_ADD_LANE}}</summary>
  <form method="post" action="/journeys/{{MAP_ID}}/lanes" class="stack" id="add-lane">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <label for="al-name">{{J_LANE_NAME}}</label><input id="al-name" name="name" maxlength="40" required>
    <button type="submit" class="primary">{{J_ADD}}</button>
  </form></details>
  {{#HIDDEN_LANE}}<form method="post" action="/journeys/{{MAP_ID}}/lanes/{{LANE_ID}}" class="inline jr-show-lane">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><input type="hidden" name="name" value="{{LANE_NAME}}">
    <button type="submit" name="op" value="show">{{J_SHOW_LANE}} {{LANE_NAME}}</button>
  </form>{{/HIDDEN_LANE}}
</div>{{/CAN_EDIT}}
</section>

<section class="jr-phone" aria-label="{{J_BY_STAGE}}">
  {{#PSTAGE}}<article class="jr-pstage card" id="m-stage-{{STAGE_ID}}">
    <nav class="jr-pnav small">{{#PREV}}<a href="#m-stage-{{PREV_ID}}" class="jr-prev">← {{J_PREV_STAGE}}</a>{{/PREV}} <span>{{STAGE_NO}} / {{NSTAGES}}</span> {{#NEXT}}<a href="#m-stage-{{NEXT_ID}}" class="jr-next">{{J_NEXT_STAGE}} →</a>{{/NEXT}}</nav>
    <h2>{{STAGE_NAME}} <span class="jr-emo small">{{J_EMOTION}} {{EMOTION}}</span></h2>
    {{#PLANE}}<div class="jr-plane jr-lane-{{LANE_ROLE}}"><h3 class="small">{{LANE_NAME}}</h3>
      <ul class="jr-items">{{#ITEM}}<li class="jr-item ev-{{EV}}"><span class="jr-ev ev-{{EV}}" title="{{EV_LABEL}}" aria-label="{{EV_LABEL}}">{{EV_MARK}}</span> {{BODY}}{{#SOURCE_LINK}} <a class="small" href="{{HREF}}">{{SOURCE}}</a>{{/SOURCE_LINK}}{{#SOURCE_TEXT}} <span class="small muted">{{SOURCE}}</span>{{/SOURCE_TEXT}}</li>{{/ITEM}}</ul>
      {{#MCARD}}<p class="jr-metric jr-st-{{MSTATUS}}">{{MLABEL}}{{J_COLON}}{{#DRILL}}<a href="{{DHREF}}">{{/DRILL}}<strong>{{MVALUE}}</strong>{{#DRILL}}</a>{{/DRILL}} <span class="jr-trend {{MTREND_CLASS}}">{{MTREND}}</span> · {{J_TARGET}} {{MTARGET}} <span class="badge jr-st-{{MSTATUS}}">{{MSTATUS_LABEL}}</span> <span class="muted small">n = {{MN}}</span></p>{{/MCARD}}
    </div>{{/PLANE}}
  </article>{{/PSTAGE}}
</section>
<p class="jr-legend small muted"><span class="jr-ev ev-data">{{J_EV_MARK_data}}</span> {{J_EV_data}} · <span class="jr-ev ev-research">{{J_EV_MARK_research}}</span> {{J_EV_research}} · <span class="jr-ev ev-assumption">{{J_EV_MARK_assumption}}</span> {{J_EV_assumption}}</p>
</div>
{{>LAYOUT_FOOT}}
