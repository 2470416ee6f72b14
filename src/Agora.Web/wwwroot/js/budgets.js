// Progressive enhancement of the budget ballot: as boxes are ticked, say what is left (amount or number of
// projects) in a polite live region. Without this script the ballot works the same; the server checks every rule.
(function () {
  'use strict';
  function init(form) {
    var tally = form.querySelector('[data-tally]');
    if (!tally) return;
    var lang = document.documentElement.lang || 'bg';
    var en = lang.indexOf('en') === 0;
    var money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' });
    var rule = form.getAttribute('data-rule');
    var amount = Number(form.getAttribute('data-amount'));
    var minCents = Number(form.getAttribute('data-min-cents'));
    var min = Number(form.getAttribute('data-min'));
    var max = Number(form.getAttribute('data-max'));
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][data-cost]'));
    function update() {
      var chosen = boxes.filter(function (b) { return b.checked; });
      var spent = chosen.reduce(function (s, b) { return s + Number(b.getAttribute('data-cost')); }, 0);
      var text;
      if (rule === 'Approval') {
        text = en
          ? 'Chosen: ' + chosen.length + ' (choose ' + min + '–' + max + ').'
          : 'Избрани: ' + chosen.length + ' (изберете от ' + min + ' до ' + max + ').';
        if (chosen.length > max) text += en ? ' Too many.' : ' Твърде много.';
      } else {
        var left = amount - spent;
        text = en
          ? 'Chosen: ' + money.format(spent / 100) + '. Remaining: ' + money.format(left / 100) + '.'
          : 'Избрано: ' + money.format(spent / 100) + '. Остават: ' + money.format(left / 100) + '.';
        if (left < 0) text += en ? ' Over the budget.' : ' Надвишава бюджета.';
        else if (spent < minCents) text += en ? ' Spend at least ' + money.format(minCents / 100) + '.' : ' Изразходвайте поне ' + money.format(minCents / 100) + '.';
      }
      tally.textContent = text;
    }
    tally.hidden = false;
    boxes.forEach(function (b) { b.addEventListener('change', update); });
    update();
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-ballot]'), init);
  });
})();
