/*
 * Concord panelist pages: autosave and a live answered counter. The pages work without this
 * script; it only saves a section's answers as they change, through the same JSON API
 * (PUT /p/{token}/api/response), and says "saved" once the server has answered.
 */
(function () {
  'use strict';
  var form = document.querySelector('form.section-form[data-api]');
  if (!form || !window.fetch || !window.JSON) {
    return;
  }
  var progress = document.getElementById('progress');
  var status = document.getElementById('autosave-status');
  var timer = null;

  function collect() {
    var ratings = [];
    var comments = [];
    var statements = form.querySelectorAll('fieldset.statement[data-item]');
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
    var sectionComment = form.querySelector('textarea[name="section-comment"]');
    if (sectionComment) {
      comments.push({ sectionId: Number(form.getAttribute('data-section')), text: sectionComment.value });
    }
    return { ratings: ratings, comments: comments };
  }

  function save() {
    fetch(form.getAttribute('data-api'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(collect()),
      credentials: 'same-origin',
      referrerPolicy: 'no-referrer'
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('not saved: ' + response.status);
        }
        return response.json();
      })
      .then(function (view) {
        if (progress && progress.getAttribute('data-live')) {
          progress.textContent = progress.getAttribute('data-live').replace('#', view.answered);
        }
        if (status) {
          status.textContent = status.getAttribute('data-saved');
        }
      })
      .catch(function () {
        // Nothing is claimed: "Save and continue" posts the form and shows any message.
        if (status) {
          status.textContent = '';
        }
      });
  }

  form.addEventListener('change', function () {
    if (status) {
      status.textContent = '';
    }
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  });
})();
