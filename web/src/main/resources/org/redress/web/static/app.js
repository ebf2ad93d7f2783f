// The Redress workspace's only script (served from this origin; the CSP allows no other).
// Quick exit (button, or Escape twice): replace this page with a neutral local page without a
// history entry. Idle lock: after 15 minutes without input the page is replaced by the lock
// page (the server locks the session too). Scan progress: read from the server's event stream.
(function () {
  'use strict';
  var EXIT = '/exit';
  var IDLE_MS = 15 * 60 * 1000;

  function quickExit() {
    try {
      document.title = '';
      document.body.textContent = '';
    } catch (ignored) {
      // nothing to hide
    }
    window.location.replace(EXIT);
  }

  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.closest && t.closest('#quick-exit')) {
      e.preventDefault();
      quickExit();
    }
  });

  var lastEscape = 0;
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' || e.key === 'Esc') {
      var now = Date.now();
      if (now - lastEscape < 1500) {
        quickExit();
      }
      lastEscape = now;
    }
  });

  var idleTimer = 0;
  function resetIdle() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(function () {
      window.location.replace('/lock');
    }, IDLE_MS);
  }
  ['keydown', 'mousedown', 'mousemove', 'scroll', 'touchstart'].forEach(function (name) {
    document.addEventListener(name, resetIdle, { passive: true });
  });
  resetIdle();

  var box = document.getElementById('scan-progress');
  if (box && window.EventSource) {
    var bar = document.getElementById('scan-bar');
    var count = document.getElementById('scan-count');
    var state = document.getElementById('scan-state');
    var source = new EventSource(box.getAttribute('data-events'));
    source.addEventListener('progress', function (e) {
      var d = JSON.parse(e.data);
      if (d.total > 0) {
        bar.max = d.total;
        bar.value = d.checked;
        count.textContent = d.checked + ' / ' + d.total;
      } else {
        count.textContent = String(d.checked);
      }
      var label = box.getAttribute('data-state-' + d.state);
      if (label) {
        state.textContent = label;
      }
      if (['done', 'partial', 'failed', 'cancelled'].indexOf(d.state) >= 0) {
        source.close();
        window.location.replace(window.location.pathname);
      }
    });
    source.onerror = function () {
      source.close();
    };
  }
})();
