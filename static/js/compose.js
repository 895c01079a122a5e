// The reply box's canned replies without a round trip (progressive: without
// this script the "insert" button posts the form to /compose, which answers
// the page with the text inserted). The filled-in text of each reply is in
// the page (div#canned-text-<id>, hidden): inserted at the cursor, or after
// the text with a blank line when the box does not have the focus.
(function () {
  'use strict';
  var button = document.getElementById('canned-insert');
  var select = document.getElementById('f-canned');
  var box = document.getElementById('f-body');
  if (!button || !select || !box) return;
  var caret = null;   // where the cursor was when the box lost the focus
  box.addEventListener('blur', function () { caret = [box.selectionStart, box.selectionEnd]; });
  button.addEventListener('click', function (ev) {
    var src = select.value ? document.getElementById('canned-text-' + select.value) : null;
    if (!src) return;   // nothing chosen: the server says so
    ev.preventDefault();
    var text = src.textContent, v = box.value;
    var at = caret || [v.length, v.length];
    if (!caret && v.replace(/\s+$/, '') !== '') {
      v = v.replace(/\s+$/, '') + '\n\n';
      at = [v.length, v.length];
    }
    box.value = v.slice(0, at[0]) + text + v.slice(at[1]);
    var end = at[0] + text.length;
    box.focus();
    box.setSelectionRange(end, end);
    caret = null;
  });
})();
