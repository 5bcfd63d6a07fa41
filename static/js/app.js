// Progressive enhancement only: every page works without JavaScript.
// Works whether the script is loaded in <head> (with or without defer) or at the end of <body>.
(function () {
  "use strict";

  // Set at once, so the phone menu does not flash open before it is wired up.
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("main-nav");
    if (!toggle || !nav) {
      return;
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("main-nav--open", !open);
    });
    // Escape closes the open menu and gives the focus back to its button.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("main-nav--open");
        toggle.focus();
      }
    });
  }

  // "Show the password" toggle next to password inputs wrapped in .field__password.
  function setUpPasswordReveal() {
    var wrappers = document.querySelectorAll(".field__password[data-reveal-label]");
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      var input = wrapper.querySelector("input[type='password']");
      if (!input) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary field__reveal";
      button.textContent = wrapper.getAttribute("data-reveal-label");
      button.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-controls", input.id);
      button.addEventListener("click", function () {
        var shown = input.type === "text";
        input.type = shown ? "password" : "text";
        button.setAttribute("aria-pressed", String(!shown));
      });
      wrapper.appendChild(button);
    });
  }

  // Move focus to the error summary so screen readers announce what to fix.
  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  // "Copy the link" buttons (hidden without JavaScript or a clipboard: the link field stays).
  function setUpCopyLinks() {
    if (!navigator.clipboard) {
      return;
    }
    var buttons = document.querySelectorAll("[data-copy-link]");
    Array.prototype.forEach.call(buttons, function (button) {
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
          button.textContent = button.getAttribute("data-copied-label");
          window.setTimeout(function () { button.textContent = label; }, 3000);
        });
      });
    });
  }

  function start() {
    setUpMenu();
    setUpPasswordReveal();
    setUpCopyLinks();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
