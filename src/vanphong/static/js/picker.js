/* Searchable pickers: a search box above each <select data-picker> narrows its options to those
   whose text holds every typed word, ignoring case, tone marks and "đ". Without JavaScript the
   select works as it is. No inline handlers (CSP): everything is bound here. */
(function () {
  "use strict";

  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
  }

  function visibleOptions(select) {
    return Array.prototype.filter.call(select.options, function (option) {
      return !option.hidden && option.value !== "";
    });
  }

  function narrow(select, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value === "") {
        return;
      }
      var text = fold(option.textContent);
      option.hidden = !words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
    });
    var count = visibleOptions(select).length;
    var status = select.parentNode.querySelector("[data-picker-status='" + select.id + "']");
    if (status) {
      status.textContent = words.length ? (select.dataset.pickerFound || "") + " " + count : "";
    }
    if (!select.multiple && words.length && count > 0) {
      var chosen = select.options[select.selectedIndex];
      if (!chosen || chosen.hidden || chosen.value === "") {
        visibleOptions(select)[0].selected = true;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  }

  function attach(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1 vp-picker-search";
    box.id = select.id + "_search";
    box.placeholder = select.dataset.pickerPlaceholder || "";
    box.setAttribute("aria-label", select.dataset.pickerPlaceholder || "");
    box.setAttribute("aria-controls", select.id);
    box.autocomplete = "off";
    var status = document.createElement("div");
    status.className = "form-text vp-picker-status";
    status.setAttribute("data-picker-status", select.id);
    status.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(status, select.nextSibling);
    box.addEventListener("input", function () {
      narrow(select, box.value);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") {
        return;
      }
      event.preventDefault(); // Enter picks, it does not send the form
      var first = visibleOptions(select)[0];
      if (first) {
        first.selected = select.multiple ? !first.selected : true;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function init() {
    document.querySelectorAll("select[data-picker]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
