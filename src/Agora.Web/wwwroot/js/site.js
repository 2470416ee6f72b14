// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Move focus to the error summary after a failed post, so screen readers announce it.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
  // Confirm destructive acts (account deletion) when a form asks for it.
  document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  });
})();
