/* Progressive enhancement of the tracking page: a "copy the link" button.
 * The button is hidden in the HTML and shown only here, where it works;
 * without this script the absolute link beside it can still be selected
 * and copied by hand. */
(function () {
  'use strict';

  function say(btn, msg) {
    var out = btn.parentNode.querySelector('[role="status"]');

    if (out) {
      out.textContent = msg;
    }
  }

  /* Older WebViews (WeChat's among them) may lack the async clipboard. */
  function copyBySelection(text) {
    var ta = document.createElement('textarea');
    var ok = false;

    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.top = '-1000px';
    document.body.appendChild(ta);
    ta.select();
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(ta);
    return ok;
  }

  function copy(btn) {
    var text = btn.getAttribute('data-copy') || '';
    var done = function () { say(btn, btn.getAttribute('data-copied') || ''); };
    var failed = function () {
      if (copyBySelection(text)) {
        done();
      } else {
        say(btn, btn.getAttribute('data-failed') || '');
      }
    };

    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  var buttons = document.querySelectorAll('button.js-copy');
  var i;

  for (i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function (ev) {
      copy(ev.currentTarget);
    });
  }
}());
