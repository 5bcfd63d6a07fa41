// Mission editor, progressive enhancement only: the form works the same without JavaScript.
// - live preview of the Markdown description (the server renders and sanitises it);
// - the weekly-slot grid shows only for recurring missions.
(function () {
  "use strict";

  var DEBOUNCE_MS = 400;
  var form = document.getElementById("mission-editor");
  if (!form) {
    return;
  }

  function setUpPreview() {
    var source = document.getElementById("description");
    var target = document.getElementById("description-preview");
    var url = form.getAttribute("data-preview-url");
    var button = document.getElementById("preview-button");
    var hint = document.getElementById("preview-hint");
    var tokenField = form.querySelector("input[name='csrf_token']");
    if (!source || !target || !url || !window.fetch) {
      return;
    }
    var timer = null;
    var latest = 0;

    function refresh() {
      var request = ++latest;
      var body = new FormData();
      body.append("description", source.value);
      if (tokenField) {
        body.append("csrf_token", tokenField.value);
      }
      fetch(url, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("preview failed: " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          // Only the answer to the latest keystroke counts; the HTML is sanitised by the server.
          if (request === latest) {
            target.innerHTML = html;
          }
        })
        .catch(function () {
          // Keep the last good preview; the "Show the preview" button still works.
          if (button) {
            button.hidden = false;
          }
        });
    }

    source.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DEBOUNCE_MS);
    });
    if (button) {
      button.hidden = true;
    }
    if (hint) {
      hint.hidden = true;
    }
  }

  function setUpSchedule() {
    var recurring = document.getElementById("recurring-fields");
    var oneOff = document.getElementById("one-off-fields");
    var title = document.getElementById("recurring-title");
    var radios = form.querySelectorAll("input[name='schedule']");
    if (!recurring || !radios.length) {
      return;
    }
    // Never hide a part of the form that shows an error: people must see what to fix.
    // A hidden part is not sent either (its inputs are disabled): weekly slots ticked before
    // choosing a one-off mission would otherwise become its parts of the day, unseen.
    function showFor(group, shown) {
      if (group) {
        group.hidden = !shown && group.querySelector(".field--error") === null;
        var inputs = group.querySelectorAll("input, select, textarea");
        for (var i = 0; i < inputs.length; i++) {
          inputs[i].disabled = group.hidden;
        }
      }
    }
    function update() {
      var checked = form.querySelector("input[name='schedule']:checked");
      var isRecurring = checked && checked.value === "recurring";
      showFor(recurring, isRecurring);
      showFor(oneOff, !isRecurring);
      if (title) {
        title.hidden = true; // with JavaScript, the choice above already says which mission this is
      }
    }
    for (var i = 0; i < radios.length; i++) {
      radios[i].addEventListener("change", update);
    }
    update();
  }

  // Warn before leaving with unsaved changes: a long mission text is painful to type twice.
  function setUpUnsavedWarning() {
    var dirty = false;
    form.addEventListener("input", function () {
      dirty = true;
    });
    form.addEventListener("change", function () {
      dirty = true;
    });
    form.addEventListener("submit", function () {
      dirty = false;
    });
    var leave = form.querySelector("[data-leave-without-saving]");
    if (leave) {
      leave.addEventListener("click", function () {
        dirty = false; // they said so already: no second question
      });
    }
    window.addEventListener("beforeunload", function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  setUpPreview();
  setUpSchedule();
  setUpUnsavedWarning();
})();
