/*
 * Concord console, round dashboard: refreshes the progress table of an open round every ten
 * seconds from /console/rounds/{id}/progress.json. The page works without this script (reload it
 * to see new figures); the script only updates the figures and bars in place. The summary line is
 * a polite live region, changed only when a figure changed, so a screen reader hears one short
 * sentence rather than every cell.
 */
(function () {
  'use strict';
  var table = document.querySelector('table.progress-table[data-progress]');
  if (!table || !window.fetch || !window.JSON) {
    return;
  }
  var address = table.getAttribute('data-progress');
  var summary = document.getElementById('progress-summary');
  var FIGURES = ['invited', 'opened', 'inProgress', 'submitted'];
  var EVERY = 10000;
  var timer = null;

  function update(line) {
    var row = table.querySelector('tr[data-line="' + line.key + '"]');
    if (!row) {
      return;
    }
    var max = Math.max(1, line.invited);
    FIGURES.forEach(function (name) {
      var cell = row.querySelector('[data-figure="' + name + '"]');
      if (cell) {
        cell.textContent = String(line[name]);
      }
      var bar = row.querySelector('progress[data-bar="' + name + '"]');
      if (bar) {
        bar.max = max;
        bar.value = line[name];
        bar.textContent = String(line[name]);
      }
    });
    var rate = row.querySelector('[data-figure="rate"]');
    if (rate) {
      rate.textContent = line.rate;
    }
  }

  function refresh() {
    fetch(address, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        progress.lines.forEach(update);
        var text = progress.summary;
        if (progress.state !== 'OPEN') {
          text = 'The round has closed. Reload the page to see its figures. ' + text;
        }
        if (summary && summary.textContent !== text) {
          summary.textContent = text;
        }
        if (progress.state === 'OPEN') {
          schedule();
        }
      })
      .catch(function () {
        // signed out or offline: the figures stay as they were; a reload shows the page's state
      });
  }

  function schedule() {
    timer = window.setTimeout(refresh, EVERY);
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else {
      window.clearTimeout(timer);
      refresh();
    }
  });
  schedule();
})();
