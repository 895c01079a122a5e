// The print button of the work-order view (the browser's own print works
// without it).
(function () {
  'use strict';
  var b = document.getElementById('print-btn');
  if (!b || !window.print) return;
  b.hidden = false;
  b.addEventListener('click', function () { window.print(); });
}());
