// Tremplin widget loader, pasted by networks into their own sites:
//   <script src="https://TREMPLIN/widget.js" data-widget="ID" async></script>
// It puts the widget's iframe after the script tag and follows the height the widget posts.
// Messages are accepted only from Tremplin's origin (where this script comes from) and only
// from the iframe this loader created; the host page's own data is never read or sent.
(function () {
  "use strict";

  var MESSAGE_TYPE = "tremplin-widget:height";
  var MIN_HEIGHT = 150;
  var MAX_HEIGHT = 20000;

  function scriptsToLoad() {
    var found = [];
    if (document.currentScript && document.currentScript.getAttribute("data-widget")) {
      found.push(document.currentScript);
    }
    // Several widgets on one page, or a browser without currentScript: take the others too.
    var all = document.querySelectorAll("script[data-widget]");
    for (var i = 0; i < all.length; i++) {
      if (found.indexOf(all[i]) === -1) {
        found.push(all[i]);
      }
    }
    return found;
  }

  function embed(script) {
    if (script.getAttribute("data-tremplin-loaded")) {
      return;
    }
    var id = script.getAttribute("data-widget");
    var origin;
    try {
      origin = new URL(script.src, document.baseURI).origin;
    } catch (error) {
      return;
    }
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      return;
    }
    script.setAttribute("data-tremplin-loaded", "1");
    var frame = document.createElement("iframe");
    frame.src = origin + "/widget/" + encodeURIComponent(id);
    frame.title = script.getAttribute("data-title") || "Missions de bénévolat (Tremplin)";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("data-tremplin-widget", id);
    frame.style.width = "100%";
    frame.style.maxWidth = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.height = "600px";
    script.parentNode.insertBefore(frame, script.nextSibling);

    window.addEventListener("message", function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) {
        return;
      }
      var data = event.data;
      if (!data || data.type !== MESSAGE_TYPE || typeof data.height !== "number" || !isFinite(data.height)) {
        return;
      }
      var height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.ceil(data.height)));
      frame.style.height = height + "px";
    });
  }

  var scripts = scriptsToLoad();
  for (var i = 0; i < scripts.length; i++) {
    embed(scripts[i]);
  }
})();
