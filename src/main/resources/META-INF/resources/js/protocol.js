/*
 * Concord protocol editor. The page works without this script (every rule's settings show, each
 * saying which rule it belongs to, and "Preview the sentence" asks the server). The script only
 * hides the settings of the rules not chosen (and the distance from the median while its box is
 * unticked), and refreshes the sentence of what the rule means as fields change, from the
 * server's own wording (GET …/protocol/sentence with the form's values). It never saves anything.
 */
(function () {
  'use strict';
  var form = document.getElementById('protocol-form');
  if (!form) {
    return;
  }
  var groups = form.querySelectorAll('.rule-parameters[data-rule]');

  function chosenRule() {
    var checked = form.querySelector('input[name="ruleType"]:checked');
    return checked ? checked.value : null;
  }

  function showChosenRule() {
    var rule = chosenRule();
    for (var i = 0; i < groups.length; i++) {
      groups[i].hidden = rule !== null && groups[i].getAttribute('data-rule') !== rule;
    }
  }

  showChosenRule();

  // The distance from the median is read only with its box ticked; unticked, it is hidden too.
  var farBox = document.getElementById('farFromMedianReason');
  var farDistance = document.getElementById('farFromMedianDistance');
  var farField = farDistance && farDistance.closest ? farDistance.closest('.field') : null;

  function showFarDistance() {
    if (farBox && farField) {
      farField.hidden = !farBox.checked;
    }
  }

  showFarDistance();

  var sentence = document.getElementById('rule-sentence');
  var status = document.getElementById('sentence-status');
  var address = form.getAttribute('data-sentence');
  var timer = null;
  var asked = 0;

  function refresh() {
    if (!sentence || !address || !window.fetch || !window.URLSearchParams || !window.FormData) {
      return;
    }
    var values = new URLSearchParams();
    var data = new FormData(form);
    data.forEach(function (value, name) {
      if (name !== '_csrf' && name !== 'reason' && name !== 'action') {
        values.append(name, value);
      }
    });
    var ask = ++asked;
    fetch(address + '?' + values.toString(), {
      credentials: 'same-origin',
      headers: { Accept: 'text/plain' }
    })
      .then(function (response) {
        return response.text().then(function (text) {
          return { ok: response.ok, status: response.status, text: text };
        });
      })
      .then(function (answer) {
        if (ask !== asked) {
          return;
        }
        if (answer.ok) {
          sentence.textContent = answer.text;
          status.textContent = 'For the values typed below: nothing is saved yet.';
        } else if (answer.status === 400) {
          status.textContent = answer.text;
        }
      })
      .catch(function () {
        // Offline or signed out: the sentence stays as it was; the preview button still works.
      });
  }

  function changed(event) {
    if (event.target && event.target.name === 'ruleType') {
      showChosenRule();
    }
    if (event.target && event.target.name === 'farFromMedianReason') {
      showFarDistance();
    }
    if (event.target && event.target.name === 'reason') {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
})();
