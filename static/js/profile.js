// Volunteer profile, progressive enhancement only: the form works the same without JavaScript.
// - the home place field suggests communes as you type (ARIA combobox with a listbox);
// - the skills field becomes a list of tags, with suggestions of skills already in use.
(function () {
  "use strict";

  var form = document.getElementById("profile-form");
  if (!form || !window.fetch || !window.TremplinCombobox) {
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

  // Options shared by both comboboxes: labels and announcements come from the form's data attributes.
  function suggestionOptions(url, label) {
    return {
      url: url,
      label: label,
      announce: announce,
      resultsText: function (count) {
        return text("results", { n: String(count) });
      },
      noResultText: text("no-result"),
    };
  }

  function setUpPlace() {
    var input = document.getElementById("place");
    var url = form.getAttribute("data-communes-url");
    if (!input || !url) {
      return;
    }
    // Choosing a commune puts its label, "Lyon (69007)", in the field (the combobox's default).
    window.TremplinCombobox(input, suggestionOptions(url, text("communes")));
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

    var combobox = window.TremplinCombobox(entry, Object.assign(suggestionOptions(url, text("skills")), {
      listClass: "tags",
      maxShown: 8,
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
    }));

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
