{{%AUTOESCAPE context="HTML"}}<section class="card kb-matches" aria-labelledby="h-kb-matches">
  <h2 id="h-kb-matches">{{K_MATCHES_TITLE}}</h2>
  {{#KB_DOWN}}<p class="note warn small">{{K_MATCHES_DOWN}}</p>{{/KB_DOWN}}
  {{#KB_NONE}}<p class="muted">{{K_MATCHES_NONE}} <a href="/desk/kb">{{K_KB}}</a></p>{{/KB_NONE}}
  <ol class="kb-match-list">
    {{#KB_MATCHES}}<li class="kb-match"><span class="badge kb-kind kb-kind-{{KIND}}">{{KIND_LABEL}}</span> <a href="/desk/kb/{{ID}}">{{TITLE}}</a> <span class="muted small">{{K_YES}} {{YES}} · {{K_NO}} {{NO}}</span>{{#INSERT}}
      <span class="kb-insert"><button type="submit" form="reply-form" formaction="/desk/tickets/{{TICKET_ID}}/compose" formnovalidate name="kb_text" value="{{ID}}" class="link">{{T_KB_INSERT_TEXT}}</button>
      <button type="submit" form="reply-form" formaction="/desk/tickets/{{TICKET_ID}}/compose" formnovalidate name="kb_link" value="{{ID}}" class="link">{{T_KB_INSERT_LINK}}</button></span>{{/INSERT}}</li>{{/KB_MATCHES}}
  </ol>
</section>
