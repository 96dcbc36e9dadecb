/* Autosave for a step of the Ontwikkelplein guide. The form works without this file (normal
   submit); with it, every change is posted in the background and the status line says
   "Opgeslagen". A failed save keeps the text in the page and is tried again. */
(function () {
  "use strict";
  function start(form) {
    var url = form.getAttribute("data-autosave-url");
    var status = form.querySelector(".plein-guide-autosave");
    var timer = null;
    var dirty = false;
    var busy = false;

    function say(text) { if (status) { status.textContent = text; } }

    function save() {
      if (busy) { dirty = true; return; }
      dirty = false;
      busy = true;
      say(status.getAttribute("data-saving"));
      var data = new FormData(form);
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) {
          say(body.message || (response.ok ? "" : status.getAttribute("data-invalid")));
        });
      }).catch(function () {
        // Offline or a hiccup: the text stays in the page; try again in a while (not at once,
        // which would loop while the connection is down).
        say(status.getAttribute("data-failed"));
        window.clearTimeout(timer);
        timer = window.setTimeout(save, 5000);
      }).then(function () {
        busy = false;
        if (dirty) { save(); }
      });
    }

    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 800);
    }

    form.addEventListener("input", soon);
    form.addEventListener("change", function () { window.clearTimeout(timer); save(); });
    form.addEventListener("focusout", function (event) {
      if (event.target.tagName === "TEXTAREA") { window.clearTimeout(timer); save(); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-autosave-url]");
    for (var i = 0; i < forms.length; i++) { start(forms[i]); }
  });
})();
