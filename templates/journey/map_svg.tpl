{{%AUTOESCAPE context="HTML"}}<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{{W}}" height="{{H}}" viewBox="0 0 {{W}} {{H}}" font-family="Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif" font-size="12">
<title>{{TITLE}}</title>
<rect x="0" y="0" width="{{W}}" height="{{H}}" fill="#ffffff"/>
<text x="8" y="24" font-size="18" font-weight="bold" fill="#1f2937">{{TITLE}}</text>
<text x="8" y="38" font-size="11" fill="#6b7280">{{PERIOD}}</text>
{{#SHEAD}}<rect x="{{X}}" y="40" width="190" height="64" fill="#1e3a8a"/><text x="{{TX}}" y="76" fill="#ffffff" font-size="14" font-weight="bold">{{NAME}}</text>
{{/SHEAD}}{{#ROW}}<g><rect x="0" y="{{Y}}" width="{{W}}" height="{{H}}" fill="#f9fafb" stroke="#d1d5db"/><rect x="0" y="{{Y}}" width="150" height="{{H}}" fill="#e5e7eb" stroke="#d1d5db"/><text x="8" y="{{TY}}" font-weight="bold" fill="#111827">{{NAME}}</text>
{{#CURVE}}<path d="{{D}}" fill="none" stroke="#2563eb" stroke-width="3"/>{{/CURVE}}{{#VIS}}<line x1="150" x2="{{VX1}}" y1="{{VY}}" y2="{{VY}}" stroke="#9ca3af" stroke-width="2" stroke-dasharray="8 6"/>{{/VIS}}{{#TLINE}}<text x="{{TX}}" y="{{TY}}" fill="#111827" class="{{TCLS}}">{{TEXT}}</text>
{{/TLINE}}</g>
{{/ROW}}{{#VLINE}}<line x1="{{VX}}" x2="{{VX}}" y1="40" y2="{{H}}" stroke="#d1d5db"/>
{{/VLINE}}</svg>
