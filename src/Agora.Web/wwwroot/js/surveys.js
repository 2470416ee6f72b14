// Progressive enhancement of survey forms: a question shown only when an earlier answer has a given option is
// hidden while that option is not chosen. Without this file every question shows with a note saying when to answer
// it, and the server ignores answers to questions whose condition is unmet.
(function () {
  'use strict';
  var form = document.querySelector('.survey-form');
  if (!form) { return; }
  var questions = Array.prototype.slice.call(form.querySelectorAll('.survey-question'));
  function chosen(name, value) {
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var q = inputs[i].closest('.survey-question');
      if (inputs[i].checked && inputs[i].value === value && !(q && q.hidden)) { return true; }
    }
    return false;
  }
  function update() {
    // In document order: a condition always points to an earlier question, so hidden chains resolve in one pass.
    questions.forEach(function (q) {
      var when = q.getAttribute('data-when');
      if (when) { q.hidden = !chosen(when, q.getAttribute('data-when-value')); }
    });
  }
  form.addEventListener('change', update);
  update();
})();
