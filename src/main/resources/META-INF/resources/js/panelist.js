/*
 * Concord panelist pages. The pages work without this script; it only adds to them:
 * - focus: a page that comes back with errors puts the focus on its error summary; an address
 *   that names a statement (#statement-12, from "Check your answers"), a box (#reason-12, from
 *   the "why did you change" step) or a field (a link of the error summary) puts the focus there;
 * - autosave: a section's answers are saved as they change, through the same JSON API
 *   (PUT /p/{token}/api/response), and the statement that changed says "saved" once the server
 *   has answered, or says plainly that it was not saved and why.
 */
(function () {
  'use strict';

  /** Focus on an element that may not take it by itself (a fieldset, the error summary). */
  function focusOn(element) {
    if (!element) {
      return;
    }
    if (!/^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(element.tagName) && !element.hasAttribute('tabindex')) {
      element.setAttribute('tabindex', '-1');
    }
    element.focus();
  }

  function focusOnTarget() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.substring(1)) : '';
    // #main is the skip link's, which the browser handles.
    if (id && id !== 'main') {
      focusOn(document.getElementById(id));
    }
  }

  var summary = document.querySelector('.error-summary');
  if (summary) {
    focusOn(summary);
  } else {
    focusOnTarget();
  }
  window.addEventListener('hashchange', focusOnTarget);

  var form = document.querySelector('form.section-form[data-api]');
  if (!form || !window.fetch || !window.JSON) {
    return;
  }
  var progress = document.getElementById('progress');
  var timer = null;
  var pending = null;

  /**
   * One small live region per statement, just below its scale, and one below the section's
   * comment: what autosave says appears next to what was changed, not at the top of the page.
   */
  function addStatus(id, container, after) {
    var status = document.createElement('p');
    status.id = id;
    status.className = 'autosave-status';
    status.setAttribute('role', 'status');
    if (after && after.parentNode) {
      after.parentNode.insertBefore(status, after.nextSibling);
    } else {
      container.appendChild(status);
    }
    return status;
  }

  var statements = form.querySelectorAll('fieldset.statement[data-item]');
  for (var s = 0; s < statements.length; s++) {
    var scales = statements[s].querySelectorAll('.scale');
    var item = statements[s].getAttribute('data-item');
    addStatus('autosave-' + item, statements[s], scales.length ? scales[scales.length - 1] : null);
  }
  var sectionComment = form.querySelector('textarea[name="section-comment"]');
  if (sectionComment) {
    addStatus('autosave-section', form, sectionComment.parentNode);
  }

  function statusFor(control) {
    var fieldset = control.closest ? control.closest('fieldset.statement[data-item]') : null;
    return document.getElementById(
      fieldset ? 'autosave-' + fieldset.getAttribute('data-item') : 'autosave-section');
  }

  function show(status, text, failed) {
    if (!status) {
      return;
    }
    status.className = 'autosave-status' + (failed ? ' not-saved' : '');
    status.textContent = text;
  }

  function collect() {
    var ratings = [];
    var comments = [];
    for (var i = 0; i < statements.length; i++) {
      var fieldset = statements[i];
      var itemId = Number(fieldset.getAttribute('data-item'));
      var checked = fieldset.querySelector('input[type=radio]:checked');
      var reason = fieldset.querySelector('textarea[name^="reason-"]');
      if (checked) {
        var rating = { itemId: itemId };
        if (checked.value === 'unable') {
          rating.unableToRate = true;
        } else {
          rating.value = Number(checked.value);
        }
        if (reason) {
          rating.reasonForChange = reason.value;
        }
        ratings.push(rating);
      }
      var comment = fieldset.querySelector('textarea[name^="comment-"]');
      if (comment) {
        comments.push({ itemId: itemId, text: comment.value });
      }
    }
    if (sectionComment) {
      comments.push({ sectionId: Number(form.getAttribute('data-section')), text: sectionComment.value });
    }
    return { ratings: ratings, comments: comments };
  }

  function save(status) {
    fetch(form.getAttribute('data-api'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(collect()),
      credentials: 'same-origin',
      referrerPolicy: 'no-referrer'
    })
      .then(function (response) {
        if (response.status === 409) {
          show(status, form.getAttribute('data-closed'), true);
          return null;
        }
        if (response.status >= 400 && response.status < 500) {
          show(status, form.getAttribute('data-refused'), true);
          return null;
        }
        if (!response.ok) {
          throw new Error('not saved: ' + response.status);
        }
        return response.json().then(function (view) {
          if (progress && progress.getAttribute('data-live')) {
            progress.textContent = progress.getAttribute('data-live').replace('#', view.answered);
          }
          // The whole section was saved: an earlier "not saved" elsewhere is out of date.
          var failed = form.querySelectorAll('.autosave-status.not-saved');
          for (var f = 0; f < failed.length; f++) {
            if (failed[f] !== status) {
              show(failed[f], '', false);
            }
          }
          show(status, form.getAttribute('data-saved'), false);
        });
      })
      .catch(function () {
        show(status, form.getAttribute('data-offline'), true);
      });
  }

  form.addEventListener('change', function (event) {
    var status = statusFor(event.target);
    show(status, '', false);
    if (pending && pending !== status) {
      // The earlier change is saved with this one: say so where it was made.
      show(pending, '', false);
    }
    pending = status;
    clearTimeout(timer);
    timer = setTimeout(function () {
      pending = null;
      save(status);
    }, 300);
  });
})();
