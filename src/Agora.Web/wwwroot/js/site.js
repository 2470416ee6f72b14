// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Where the focus goes when a page opens after a post, so a screen reader reads it out: the error summary after
  // a failed post, else the status notice after a redirect (the notice has autofocus, which works without this
  // file but which browsers skip when the address has a fragment — such as the #main the skip link leaves).
  // A browser focuses a fragment's target once the page is laid out, hence again on load.
  var summary = document.querySelector('.error-summary');
  var notice = document.getElementById('status-notice');
  var target = summary || (notice && (!location.hash || location.hash === '#main') ? notice : null);
  function settle() {
    if (target && document.activeElement !== target && (document.activeElement === document.body || document.activeElement === document.getElementById('main'))) {
      target.focus();
    }
  }
  if (target) { target.focus(); }
  window.addEventListener('load', function () {
    settle();
    setTimeout(settle, 0);
    // A notice on a page opened at a fragment inside it (#comment-…) stays where it is and is announced by
    // refilling its live region instead.
    if (notice && !target) {
      var text = notice.textContent;
      notice.textContent = '';
      setTimeout(function () { notice.textContent = text; }, 150);
    }
  });
  // Confirm destructive acts (account deletion) when a form asks for it.
  document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  });
})();
