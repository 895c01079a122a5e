{{%AUTOESCAPE context="HTML"}}<figure class="chart">
<figcaption>{{CAPTION}}</figcaption>
<svg class="chart-svg" viewBox="0 0 {{VIEW_W}} {{VIEW_H}}" role="img" aria-label="{{CAPTION}}" preserveAspectRatio="xMidYMid meet">
{{#YTICK}}<line class="grid" x1="{{GX0}}" x2="{{GX1}}" y1="{{TY}}" y2="{{TY}}"></line><text class="ylabel" x="{{GLX}}" y="{{TY}}" dy="4">{{TLABEL}}</text>
{{/YTICK}}{{#BAR}}<rect class="bar" x="{{BX}}" y="{{BY}}" width="{{BW}}" height="{{BH}}"><title>{{BTIP}}</title></rect>
{{/BAR}}{{#XLABEL}}<text class="xlabel" x="{{LX}}" y="{{LY}}">{{LTEXT}}</text>
{{/XLABEL}}</svg>
{{#NO_DATA}}<p class="muted small">{{D_NO_DATA}}</p>{{/NO_DATA}}
</figure>
