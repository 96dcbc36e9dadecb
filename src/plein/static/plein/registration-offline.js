/* The IDO desk keeps working when the connection drops. The form works without this file
   (a normal POST with the key the server filled in); with it, every entry gets a fresh
   idempotency key and is posted with fetch. When the network fails the entry is kept in
   localStorage and sent when the browser is online again (and on the next page load). The
   server stores the same key once, so an entry that is sent twice is counted once. */
(function () {
  "use strict";
  var form = document.getElementById("desk-form");
  if (!form || !window.fetch || !window.localStorage) { return; }
  var status = document.getElementById("desk-status");
  var queueKey = form.getAttribute("data-queue-key");
  var url = form.getAttribute("data-desk-url");
  var sending = false;

  function say(text) { if (status) { status.textContent = text; } }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(queueKey) || "[]"); } catch (e) { return []; }
  }

  function store(queue) {
    if (queue.length) { window.localStorage.setItem(queueKey, JSON.stringify(queue)); }
    else { window.localStorage.removeItem(queueKey); }
  }

  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(fields, queued) {
    var data = new FormData();
    fields.forEach(function (pair) {
      data.append(pair[0], pair[0] === "csrfmiddlewaretoken" ? csrfToken() : pair[1]);
    });
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: queued
        ? { "Accept": "application/json", "X-CSRFToken": csrfToken(), "X-Plein-Queued": "1" }
        : { "Accept": "application/json", "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json().then(function (body) {
        return { status: response.status, body: body, retryAfter: response.headers.get("Retry-After") };
      });
    });
  }

  function flush() {
    var queue = load();
    if (sending || !queue.length || navigator.onLine === false) { return; }
    sending = true;
    say(status.getAttribute("data-waiting") + " " + queue.length);
    var entry = queue[0];
    post(entry.fields, true).then(function (result) {
      if (result.status >= 500) {  // Plein is down for a moment (503): keep it, try again later
        sending = false;
        say(status.getAttribute("data-queued"));
        window.setTimeout(flush, 1000 * (parseInt(result.retryAfter, 10) || 30));
        return;
      }
      var rest = load().filter(function (e) { return e.key !== entry.key; });
      store(rest);
      sending = false;
      if (!result.body.ok) {
        say(status.getAttribute("data-failed") + " " + JSON.stringify(result.body.errors));
        return;
      }
      if (rest.length) { flush(); } else { say(status.getAttribute("data-sent")); }
    }).catch(function () {
      sending = false;  // still no connection: try again at the next "online" event
      say(status.getAttribute("data-queued"));
    });
  }

  function keep(fields, key) {
    var queue = load();
    queue.push({ key: key, fields: fields });
    store(queue);
    form.reset();
    say(status.getAttribute("data-queued"));
    var first = form.querySelector("input[type=radio]");
    if (first) { first.focus(); }
  }

  form.addEventListener("submit", function (event) {
    if (event.submitter && event.submitter.name === "add_question") {
      return;  // the server adds a question block (a normal POST)
    }
    event.preventDefault();
    var key = newKey();
    form.querySelector("input[name=idempotency_key]").value = key;
    var fields = [];
    new FormData(form).forEach(function (value, name) { fields.push([name, value]); });
    if (navigator.onLine === false) { keep(fields, key); return; }
    post(fields).then(function (result) {
      if (result.status >= 500) {  // not saved, Plein is down for a moment: keep it in the queue
        keep(fields, key);
        window.setTimeout(flush, 1000 * (parseInt(result.retryAfter, 10) || 30));
        return;
      }
      if (result.body.ok) {
        window.location.assign(url);  // the confirmation and the recent list come from the server
      } else {
        form.submit();  // the server shows the messages beside the fields and keeps the input
      }
    }).catch(function () { keep(fields, key); });
  });

  window.addEventListener("online", flush);
  flush();
})();
