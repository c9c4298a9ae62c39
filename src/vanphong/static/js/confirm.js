// A form marked data-confirm="…" asks before it is sent (closing a vote, signing minutes):
// a static file, since the Content-Security-Policy forbids inline handlers.
document.addEventListener("submit", function (event) {
  var form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
