// The draft form: choosing another "Loại văn bản" reloads the form with that type's template
// (htmx). Once the drafter has typed in the summary or the content, the reload asks first; if
// they decline, the type changes and what they typed stays.
(function () {
  "use strict";
  var typed = false;
  var TEXT_FIELDS = ["id_summary", "id_body"];

  document.addEventListener("input", function (event) {
    if (TEXT_FIELDS.indexOf(event.target.id) !== -1) {
      typed = true;
    }
  });

  document.addEventListener("htmx:confirm", function (event) {
    var select = event.target;
    if (!select || select.id !== "id_doc_type" || !select.hasAttribute("data-confirm-replace")) {
      return;
    }
    event.preventDefault();
    if (!typed || window.confirm(select.getAttribute("data-confirm-replace"))) {
      typed = false;
      event.detail.issueRequest(true);
    }
  });
})();
