{{%AUTOESCAPE context="HTML"}}<figure class="jr-emotion">
<svg class="jr-emotion-svg" viewBox="0 0 {{VIEW_W}} {{VIEW_H}}" preserveAspectRatio="none" role="img" aria-label="{{CAPTION}}">
{{#GRID}}<line class="jr-grid" x1="0" x2="{{GX1}}" y1="{{GY}}" y2="{{GY}}"></line>
{{/GRID}}<path class="jr-curve current" d="{{CURRENT_PATH}}" fill="none"></path>
{{#DOT}}<circle class="jr-dot current" cx="{{CX}}" cy="{{CY}}" r="6"><title>{{TIP}}</title></circle>
{{/DOT}}{{#GOLDEN}}<path class="jr-curve golden" d="{{GOLDEN_PATH}}" fill="none"></path>
{{#GDOT}}<circle class="jr-dot golden" cx="{{CX}}" cy="{{CY}}" r="5"><title>{{TIP}}</title></circle>
{{/GDOT}}{{/GOLDEN}}</svg>
<figcaption class="legend small"><span class="key current"><span class="swatch" aria-hidden="true"></span>{{J_CURRENT}}</span>{{#LEGEND_GOLDEN}} <span class="key golden"><span class="swatch" aria-hidden="true"></span>{{J_GOLDEN}}</span>{{/LEGEND_GOLDEN}}</figcaption>
</figure>
