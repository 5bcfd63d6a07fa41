// Widget configurator, progressive enhancement only (the form works the same without JavaScript):
// - the preview iframe follows the form as it changes (the server renders the unsaved settings);
// - "Copy" buttons put the snippets in the clipboard.
(function () {
  "use strict";

  var DEBOUNCE_MS = 400;
  var form = document.getElementById("widget-form");
  var frame = document.getElementById("widget-preview");

  function previewUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token") {
        params.append(name, value);
      }
    });
    return form.getAttribute("data-preview-url") + "?" + params.toString();
  }

  function setUpPreview() {
    if (!form || !frame || !window.URLSearchParams || !window.FormData) {
      return;
    }
    var timer = null;
    var empty = document.getElementById("preview-empty");
    function refresh() {
      frame.src = previewUrl();
      frame.hidden = false;
      if (empty) {
        empty.hidden = true;
      }
    }
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DEBOUNCE_MS);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    // The preview is a same-origin page: size it to its content.
    window.addEventListener("message", function (event) {
      if (event.origin !== window.location.origin || event.source !== frame.contentWindow) {
        return;
      }
      if (event.data && event.data.type === "tremplin-widget:height" && typeof event.data.height === "number") {
        frame.style.height = Math.max(200, Math.min(4000, Math.ceil(event.data.height))) + "px";
      }
    });
    if (frame.hidden) {
      refresh();
    }
  }

  function setUpCopy() {
    var status = document.getElementById("copy-status");
    var buttons = document.querySelectorAll("[data-copy]");
    function say(key) {
      if (status) {
        status.textContent = status.getAttribute(key);
      }
    }
    Array.prototype.forEach.call(buttons, function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        source.focus();
        source.select();
        var label = button.firstChild.textContent;
        function done() {
          say("data-copied");
          button.firstChild.textContent = status ? status.getAttribute("data-copied") : label;
          window.setTimeout(function () {
            button.firstChild.textContent = label;
          }, 2000);
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(source.value).then(done, function () {
            say("data-failed");
          });
        } else {
          try {
            document.execCommand("copy");
            done();
          } catch (error) {
            say("data-failed");
          }
        }
      });
    });
  }

  setUpPreview();
  setUpCopy();
})();
