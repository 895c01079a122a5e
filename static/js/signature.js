// The customer's signature on the completion form of the ticket page:
// drawn with a finger (or a mouse) on a canvas, sent as a PNG data URL in
// the hidden field "signature"; the server decodes and checks it as a real
// PNG. Progressive: without this script the box stays hidden and the
// customer confirms the repair on the tracking page instead.
(function () {
  'use strict';
  var box = document.getElementById('signature-box');
  var pad = document.getElementById('sig-pad');
  var field = document.getElementById('f-signature');
  var clear = document.getElementById('sig-clear');
  if (!box || !pad || !field || !pad.getContext || !window.PointerEvent) return;
  var ctx = pad.getContext('2d');
  var last = null, drawn = false;

  function blank() {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, pad.width, pad.height);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    drawn = false;
    field.value = '';
  }
  // The canvas is scaled by CSS: map the pointer to its own pixels.
  function at(e) {
    var r = pad.getBoundingClientRect();
    return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
  }
  function line(p) {
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x + 0.01, p.y);
    ctx.stroke();
    last = p;
    drawn = true;
  }
  function end() {
    if (last !== null && drawn) field.value = pad.toDataURL('image/png');
    last = null;
  }
  box.hidden = false;
  blank();
  pad.addEventListener('pointerdown', function (e) {
    e.preventDefault();
    if (pad.setPointerCapture) pad.setPointerCapture(e.pointerId);
    last = at(e);
    line(last);
  });
  pad.addEventListener('pointermove', function (e) {
    if (last === null) return;
    e.preventDefault();
    line(at(e));
  });
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
  clear.addEventListener('click', blank);
}());
