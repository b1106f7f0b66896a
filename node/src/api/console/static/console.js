// Liaison console: the only script. Pages work without it; it submits the
// language menu as soon as a language is chosen.
document.querySelectorAll("select[data-autosubmit]").forEach(function (menu) {
  menu.addEventListener("change", function () { menu.form.submit(); });
});
