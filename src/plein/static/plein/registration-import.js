// The page of a running import: asks the status URL every second and shows the progress;
// reloads the page once the import has finished, to show the result. Without this script
// the page has a link to look again.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box) return;
  var text = document.getElementById("import-progress-text");
  var bar = document.getElementById("import-progress-bar");
  var url = box.getAttribute("data-status-url");
  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (status) {
        if (status.finished) {
          window.location.reload();
          return;
        }
        if (text.textContent !== status.progress) text.textContent = status.progress;
        if (status.rows_total) {
          bar.max = status.rows_total;
          bar.value = status.rows_done;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 1000);
})();
