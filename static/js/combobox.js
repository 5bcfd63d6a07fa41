// A text input with a popup list of suggestions fetched as you type, following the ARIA combobox
// pattern: arrows move through the options, Enter chooses, Escape closes; the input keeps the focus.
// Progressive enhancement only: without JavaScript the input stays a plain text field.
//
// window.TremplinCombobox(input, options) -> { close }; options:
//   url            JSON endpoint called with ?q=, answering a list of suggestions (required)
//   label          accessible name of the list of suggestions
//   announce       function(message) telling screen readers how many suggestions there are
//   resultsText    function(count) -> message; noResultText: message when nothing matches
//   listClass, optionClass, activeOptionClass, maxShown: how the list looks and how long it is
//   query          function() -> text to look up (default: the input's value)
//   toText         function(item) -> option text (default: item.label, or the item itself)
//   keep           function(item) -> false to leave a suggestion out
//   onChoose       function(item) (default: put the option text in the input)
//   onEnter        function(event) when Enter is pressed with no option highlighted
// Calling it twice on the same input returns the first combobox: it is never set up twice.
(function () {
  "use strict";

  var DEBOUNCE_MS = 150;
  var MIN_CHARS = 2;
  var DEFAULTS = {
    label: "",
    listClass: "list choice-list",
    optionClass: "button button--secondary button--small",
    activeOptionClass: "button button--small",
    maxShown: 6,
  };

  function withDefaults(input, options) {
    var merged = Object.assign({}, DEFAULTS, options);
    merged.query = merged.query || function () {
      return input.value;
    };
    merged.toText = merged.toText || function (item) {
      return item && item.label !== undefined ? item.label : String(item);
    };
    merged.onChoose = merged.onChoose || function (item) {
      input.value = merged.toText(item);
    };
    merged.announce = merged.announce || function () {};
    merged.resultsText = merged.resultsText || function () {
      return "";
    };
    return merged;
  }

  function Combobox(input, rawOptions) {
    if (input.tremplinCombobox) {
      return input.tremplinCombobox;
    }
    var options = withDefaults(input, rawOptions);
    var listbox = document.createElement("ul");
    var items = [];
    var active = -1;
    var latest = 0;
    var timer = null;

    listbox.id = input.id + "-listbox";
    listbox.className = options.listClass;
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", options.label);
    listbox.hidden = true;
    input.insertAdjacentElement("afterend", listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    function isOpen() {
      return !listbox.hidden;
    }

    function open() {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var nodes = listbox.children;
      for (var i = 0; i < nodes.length; i++) {
        var selected = i === index;
        nodes[i].setAttribute("aria-selected", String(selected));
        nodes[i].className = selected ? options.activeOptionClass : options.optionClass;
      }
      active = index;
      if (index >= 0 && nodes[index]) {
        input.setAttribute("aria-activedescendant", nodes[index].id);
        if (nodes[index].scrollIntoView) {
          nodes[index].scrollIntoView({ block: "nearest" });
        }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      close();
      if (item !== undefined) {
        options.onChoose(item);
      }
    }

    function render(found) {
      items = (options.keep ? found.filter(options.keep) : found).slice(0, options.maxShown);
      listbox.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = options.optionClass;
        option.textContent = options.toText(item);
        // Keep the focus in the input when an option is pressed with a mouse or a finger.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          choose(index);
          input.focus();
        });
        listbox.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (items.length) {
        open();
        options.announce(options.resultsText(items.length));
      } else {
        close();
        options.announce(options.noResultText || "");
      }
    }

    function search() {
      var query = options.query().trim();
      var request = ++latest;
      if (query.length < MIN_CHARS) {
        items = [];
        close();
        return;
      }
      fetch(options.url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (found) {
          // Only the answer to the latest keystroke counts.
          if (request === latest && document.activeElement === input) {
            render(Array.isArray(found) ? found : []);
          }
        })
        .catch(function () {
          close(); // without suggestions the field still works as plain text
        });
    }

    function move(step) {
      var count = items.length;
      if (!isOpen()) {
        open();
      }
      if (step > 0) {
        setActive(active + 1 < count ? active + 1 : 0);
      } else {
        setActive(active > 0 ? active - 1 : count - 1);
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "ArrowDown" || key === "Down" || key === "ArrowUp" || key === "Up") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        move(key === "ArrowDown" || key === "Down" ? 1 : -1);
      } else if (key === "Enter") {
        if (isOpen() && active >= 0) {
          event.preventDefault(); // choose the option, do not send the form
          choose(active);
        } else if (options.onEnter) {
          options.onEnter(event);
        }
      } else if (key === "Escape" || key === "Esc") {
        if (isOpen()) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });

    input.tremplinCombobox = { close: close };
    return input.tremplinCombobox;
  }

  window.TremplinCombobox = function (input, options) {
    if (!input || !options || !options.url || !window.fetch) {
      return null;
    }
    return Combobox(input, options);
  };
})();
