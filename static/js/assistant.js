// « Trouver ma mission »: moves from question to question without reloading the page.
// Progressive enhancement only: every step is a server-side form that works without JavaScript.
// The script sends the same requests (forms with their CSRF token, links), takes the #assistant
// panel out of the answer, swaps it in, moves the focus to the new heading and announces errors.
(function () {
  "use strict";

  var PANEL_ID = "assistant";

  function panel() {
    return document.getElementById(PANEL_ID);
  }

  function announce(text) {
    var live = document.getElementById("assistant-live");
    if (!live) {
      return;
    }
    // Emptied first, so the same message twice is announced twice.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = text;
    }, 50);
  }

  // The "where" question suggests communes as you type (combobox.js). The panel's HTML is replaced
  // on each swap, so a fresh input is enhanced each time; TremplinCombobox never wraps one twice.
  function enhancePlace(container) {
    var input = container && container.querySelector("input[data-combobox-url]");
    if (!input || !window.TremplinCombobox) {
      return;
    }
    window.TremplinCombobox(input, {
      url: input.getAttribute("data-combobox-url"),
      label: input.getAttribute("data-combobox-label"),
      announce: announce,
      resultsText: function (count) {
        return count === 1
          ? input.getAttribute("data-combobox-one")
          : input.getAttribute("data-combobox-many").split("{n}").join(String(count));
      },
      noResultText: input.getAttribute("data-combobox-none"),
    });
  }

  function focusHeading(container) {
    var heading = container.querySelector("[data-assistant-heading]");
    if (heading) {
      heading.focus();
    }
  }

  function swapIn(html, url, push) {
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var fresh = parsed.getElementById(PANEL_ID);
    var current = panel();
    if (!fresh || !current) {
      // Not an assistant page (the sign-up, an error...): let the browser show it.
      window.location.assign(url);
      return;
    }
    current.innerHTML = fresh.innerHTML;
    document.title = parsed.title;
    if (push && url !== window.location.href) {
      window.history.pushState({ assistant: true }, "", url);
    }
    window.scrollTo(0, 0);
    enhancePlace(current);
    focusHeading(current);
    var errors = current.querySelector("[data-assistant-errors]");
    if (errors) {
      announce(errors.textContent.replace(/\s+/g, " ").trim());
    } else {
      var heading = current.querySelector("[data-assistant-heading]");
      var progress = current.querySelector(".assistant-progress__text");
      announce([progress ? progress.textContent : "", heading ? heading.textContent : ""].join(" ").trim());
    }
  }

  function load(url, options, push) {
    var current = panel();
    if (current) {
      current.setAttribute("aria-busy", "true");
    }
    return window
      .fetch(url, Object.assign({ credentials: "same-origin", headers: { "X-Requested-With": "fetch" } }, options))
      .then(function (response) {
        return response.text().then(function (html) {
          swapIn(html, response.url || url, push);
        });
      })
      .catch(function () {
        // Network trouble: fall back on a normal page load, which shows what happened.
        window.location.assign(url);
      })
      .then(function () {
        var after = panel();
        if (after) {
          after.removeAttribute("aria-busy");
        }
      });
  }

  function onSubmit(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-assistant-form]")) {
      return;
    }
    event.preventDefault();
    load(form.action, { method: "POST", body: new FormData(form) }, true);
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    var link = event.target.closest && event.target.closest("a[data-assistant-link]");
    if (!link || !panel()) {
      return;
    }
    event.preventDefault();
    load(link.href, { method: "GET" }, true);
  }

  function onPopState() {
    if (panel()) {
      load(window.location.href, { method: "GET" }, false);
    }
  }

  function start() {
    enhancePlace(panel());
    if (!panel() || !window.fetch || !window.DOMParser || !window.history.pushState) {
      return;
    }
    window.history.replaceState({ assistant: true }, "", window.location.href);
    document.addEventListener("submit", onSubmit);
    document.addEventListener("click", onClick);
    window.addEventListener("popstate", onPopState);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
