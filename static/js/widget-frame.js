// Runs inside the widget's iframe: tells the parent page how tall the widget is, so the
// loader (widget.js) can size the iframe to its content. Only a number is sent: the target
// origin is "*" because the host site is not known here, and nothing private is in the message.
(function () {
  "use strict";

  if (window.parent === window) {
    return;
  }
  var MESSAGE_TYPE = "tremplin-widget:height";
  var lastSent = -1;

  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastSent) {
      return;
    }
    lastSent = height;
    window.parent.postMessage({ type: MESSAGE_TYPE, height: height }, "*");
  }

  if (window.ResizeObserver) {
    new ResizeObserver(postHeight).observe(document.documentElement);
  }
  window.addEventListener("load", postHeight);
  postHeight();
})();
