// Search page, progressive enhancement only: the filters are folded by default (phones) and
// unfolded on wide screens; a filter with an error is always shown (the server opens it).
(function () {
  "use strict";
  var filters = document.querySelector("[data-search-filters]");
  if (filters && !filters.open && window.matchMedia("(min-width: 64rem)").matches) {
    filters.open = true;
  }
})();
