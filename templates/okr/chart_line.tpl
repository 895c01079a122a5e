{{%AUTOESCAPE context="HTML"}}<figure class="chart">
<figcaption>{{CAPTION}}</figcaption>
<svg class="chart-svg" viewBox="0 0 {{VIEW_W}} {{VIEW_H}}" role="img" aria-label="{{CAPTION}}" preserveAspectRatio="xMidYMid meet">
{{#YTICK}}<line class="grid" x1="{{GX0}}" x2="{{GX1}}" y1="{{TY}}" y2="{{TY}}"></line><text class="ylabel" x="{{GLX}}" y="{{TY}}" dy="4">{{TLABEL}}</text>
{{/YTICK}}{{#SERIES}}<g class="series {{SCLS}}">{{#SEG}}<polyline class="line" points="{{#PT}}{{PX}},{{PY}} {{/PT}}"></polyline>{{/SEG}}
{{#DOT}}<circle class="dot" cx="{{PX}}" cy="{{PY}}" r="3"><title>{{PTIP}}</title></circle>{{/DOT}}</g>
{{/SERIES}}{{#XLABEL}}<text class="xlabel" x="{{LX}}" y="{{LY}}">{{LTEXT}}</text>
{{/XLABEL}}</svg>
<p class="legend">{{#LEGEND}}<span class="key {{SCLS}}"><span class="swatch" aria-hidden="true"></span>{{SLABEL}}</span> {{/LEGEND}}</p>
{{#NO_DATA}}<p class="muted small">{{O_NO_DATA}}</p>{{/NO_DATA}}
</figure>
