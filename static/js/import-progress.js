// Import progress page: polls the job's state and updates the bar; reloads once the job is
// finished so the server renders the report. Without JavaScript a <noscript> meta refresh does it.
(function () {
  "use strict";
  var section = document.querySelector("[data-state-url]");
  if (!section || !window.fetch) {
    return;
  }
  var url = section.getAttribute("data-state-url");
  var bar = section.querySelector("[data-progress-bar]");
  var done = section.querySelector("[data-progress-done]");
  var total = section.querySelector("[data-progress-total]");
  var errors = section.querySelector("[data-progress-errors]");
  var title = section.querySelector("[data-progress-title]");

  function show(state) {
    // The page was rendered while the job waited: once a worker took it, say so.
    if (state.status === "running" && title && title.getAttribute("data-running-text")) {
      title.textContent = title.getAttribute("data-running-text");
      title.removeAttribute("data-running-text");
    }
    if (state.total) {
      bar.max = state.total;
      total.textContent = state.total;
    }
    bar.value = state.done;
    bar.textContent = state.percent + " %";
    done.textContent = state.done;
    errors.textContent = state.errors;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (!state) {
          window.setTimeout(poll, 5000);
          return;
        }
        show(state);
        if (state.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 1000);
})();
