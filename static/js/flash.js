// A confirmation after an action ("?done=arrived") is shown once: drop
// the parameter from the address bar, so a reload does not repeat it.
(function () {
  'use strict';
  if (!window.history || !history.replaceState || !window.URL) return;
  var u = new URL(window.location.href);
  if (!u.searchParams.has('done')) return;
  u.searchParams.delete('done');
  history.replaceState(null, '', u.pathname + u.search + u.hash);
}());
