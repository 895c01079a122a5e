// Progressive enhancement of the new-plan form (templates/desk/plans_new.tpl):
// typing a phone number and leaving the field looks the customer up at once,
// by pressing for the user the same "查找" button a browser without
// JavaScript shows. Only while the customer's name is still empty, so
// nothing the user typed is replaced unasked.
(function () {
  'use strict';
  var phone = document.getElementById('phone');
  var button = document.getElementById('lookup-submit');
  var name = document.getElementById('customer_name');
  if (!phone || !button || !name || !button.form || !button.form.requestSubmit) return;
  phone.addEventListener('change', function () {
    var digits = phone.value.replace(/\D/g, '');
    if (digits.length >= 7 && name.value.trim() === '') button.form.requestSubmit(button);
  });
})();
