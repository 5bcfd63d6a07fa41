// Volunteer profile, progressive enhancement only: the form works the same without JavaScript.
// - the home place field suggests communes as you type (ARIA combobox with a listbox);
// - the skills field becomes a list of tags, with suggestions of skills already in use.
(function () {
  "use strict";

  var DEBOUNCE_MS = 150;
  var MIN_CHARS = 2;
  var form = document.getElementById("profile-form");
  if (!form || !window.fetch) {
    return;
  }
  var live = document.getElementById("profile-live");

  function text(name, values) {
    var template = form.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      template = template.split("{" + key + "}").join(values[key]);
    });
    return template;
  }

  function announce(message) {
    if (live) {
      live.textContent = message;
    }
  }

  // A text input with a popup list of suggestions, following the ARIA combobox pattern:
  // arrows move through the options, Enter chooses, Escape closes; the input keeps the focus.
  function Combobox(input, options) {
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
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
        announce(text("results", { n: String(items.length) }));
      } else {
        close();
        announce(text("no-result"));
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

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = items.length;
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (!count) {
          return;
        }
        event.preventDefault();
        if (!isOpen()) {
          listbox.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        setActive(active + 1 < count ? active + 1 : 0);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!count) {
          return;
        }
        event.preventDefault();
        if (!isOpen()) {
          listbox.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        setActive(active > 0 ? active - 1 : count - 1);
      } else if (event.key === "Enter") {
        if (isOpen() && active >= 0) {
          event.preventDefault(); // choose the option, do not send the form
          choose(active);
        } else if (options.onEnter) {
          options.onEnter(event);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (isOpen()) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });

    return { close: close };
  }

  function setUpPlace() {
    var input = document.getElementById("place");
    var url = form.getAttribute("data-communes-url");
    if (!input || !url) {
      return;
    }
    Combobox(input, {
      url: url,
      label: text("communes"),
      listClass: "list choice-list",
      optionClass: "button button--secondary button--small",
      activeOptionClass: "button button--small",
      maxShown: 6,
      query: function () {
        return input.value;
      },
      toText: function (place) {
        return place.label;
      },
      onChoose: function (place) {
        input.value = place.label;
      },
    });
  }

  // The skills field turns into tags: the typed text goes to a hidden field named like the original,
  // so the server receives the same comma-separated list as without JavaScript.
  function setUpSkills() {
    var entry = document.getElementById("skills");
    var url = form.getAttribute("data-skills-url");
    if (!entry || !url) {
      return;
    }
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = entry.name;
    entry.removeAttribute("name");
    form.appendChild(hidden);

    var tags = [];
    var list = document.createElement("ul");
    list.className = "tags";
    list.id = "skills-tags";
    list.setAttribute("aria-label", text("tags"));
    list.setAttribute("data-testid", "skill-tags");
    entry.insertAdjacentElement("beforebegin", list);

    var hint = document.createElement("p");
    hint.className = "field__hint";
    hint.id = "skills-entry-hint";
    hint.textContent = text("entry-hint");
    var original = document.getElementById("skills-hint");
    if (original) {
      original.textContent = hint.textContent;
    } else {
      entry.insertAdjacentElement("beforebegin", hint);
      var described = entry.getAttribute("aria-describedby");
      entry.setAttribute("aria-describedby", (described ? described + " " : "") + hint.id);
    }

    function split(value) {
      return value.split(/[,;\n]/).map(function (part) {
        return part.replace(/\s+/g, " ").trim();
      }).filter(Boolean);
    }

    function sync() {
      hidden.value = tags.join(", ");
      list.textContent = "";
      list.hidden = tags.length === 0;
      tags.forEach(function (tag, index) {
        var item = document.createElement("li");
        var chip = document.createElement("span");
        var remove = document.createElement("button");
        chip.className = "tag";
        chip.appendChild(document.createTextNode(tag + " "));
        remove.type = "button";
        remove.className = "button button--link button--small";
        remove.textContent = "×";
        remove.setAttribute("aria-label", text("remove", { skill: tag }));
        remove.addEventListener("click", function () {
          tags.splice(index, 1);
          sync();
          announce(text("removed", { skill: tag }));
          entry.focus();
        });
        chip.appendChild(remove);
        item.appendChild(chip);
        list.appendChild(item);
      });
    }

    function has(value) {
      return tags.some(function (tag) {
        return tag.toLowerCase() === value.toLowerCase();
      });
    }

    function add(values) {
      var added = [];
      values.forEach(function (value) {
        if (value && !has(value)) {
          tags.push(value);
          added.push(value);
        }
      });
      if (added.length) {
        sync();
        announce(text("added", { skill: added.join(", ") }));
      }
    }

    function commitEntry() {
      add(split(entry.value));
      entry.value = "";
    }

    tags = [];
    add(split(entry.value));
    entry.value = "";
    sync();
    announce("");

    var combobox = Combobox(entry, {
      url: url,
      label: text("skills"),
      listClass: "tags",
      optionClass: "button button--secondary button--small",
      activeOptionClass: "button button--small",
      maxShown: 8,
      query: function () {
        return entry.value;
      },
      toText: function (skill) {
        return skill;
      },
      keep: function (skill) {
        return !has(skill); // never suggest a skill already added
      },
      onChoose: function (skill) {
        add([skill]);
        entry.value = "";
      },
      onEnter: function (event) {
        if (entry.value.trim()) {
          event.preventDefault(); // Enter adds the tag; the save button sends the form
          commitEntry();
        }
      },
    });

    entry.addEventListener("input", function () {
      // A comma ends a tag, as people type lists.
      if (/[,;]/.test(entry.value)) {
        var parts = entry.value.split(/[,;]/);
        var rest = parts.pop();
        add(split(parts.join(",")));
        entry.value = rest.replace(/^\s+/, "");
        combobox.close();
      }
    });

    form.addEventListener("submit", function () {
      commitEntry();
      hidden.value = tags.join(", ");
    });
  }

  setUpPlace();
  setUpSkills();
})();
