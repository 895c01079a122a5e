/* Progressive enhancement of the intake forms (repair form, tracking-page
 * reply): photos are checked for count and size before the upload starts,
 * and a second tap does not send the form twice. Without this script the
 * forms work the same; the server checks everything again. */
(function () {
  'use strict';

  function photoProblem(input) {
    var max = parseInt(input.getAttribute('data-max'), 10) || 3;
    var maxBytes = parseInt(input.getAttribute('data-max-bytes'), 10) || 5242880;
    var files = input.files || [];
    var i;

    if (files.length > max) {
      return input.getAttribute('data-msg-count') || '';
    }
    for (i = 0; i < files.length; i++) {
      if (files[i].size > maxBytes) {
        return input.getAttribute('data-msg-size') || '';
      }
    }
    return '';
  }

  function watchPhotos(input) {
    input.addEventListener('change', function () {
      var msg = photoProblem(input);

      input.setCustomValidity(msg);
      if (msg !== '') {
        input.reportValidity();
      }
    });
  }

  function button(form) {
    return form.querySelector('button[type="submit"]');
  }

  function guardSubmit(form) {
    var b = button(form);
    var label = b ? b.textContent : '';

    form.addEventListener('submit', function (ev) {
      if (form.getAttribute('data-sent') === '1') {
        ev.preventDefault();
        return;
      }
      form.setAttribute('data-sent', '1');
      if (b) {
        b.disabled = true;
        b.textContent = form.getAttribute('data-sending') || label;
      }
    });
    /* Back from the next page (bfcache): the form may be sent again. */
    window.addEventListener('pageshow', function () {
      form.removeAttribute('data-sent');
      if (b) {
        b.disabled = false;
        b.textContent = label;
      }
    });
  }

  Array.prototype.forEach.call(
    document.querySelectorAll('input[type="file"][data-max]'), watchPhotos);
  Array.prototype.forEach.call(
    document.querySelectorAll('#repair-form, #reply-form'), guardSubmit);
}());
