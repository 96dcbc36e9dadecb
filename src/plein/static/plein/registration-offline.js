/* The IDO desk keeps working when the connection drops. The form works without this file
   (a normal POST with the key the server filled in); with it, every entry gets a fresh
   idempotency key and is posted with fetch. When the network fails the entry is kept in
   localStorage and sent when the browser is online again (and on the next page load). The
   server stores the same key once, so an entry that is sent twice is counted once. It also
   adds another question in place and puts the focus back in the first field after a save. */
(function () {
  "use strict";
  var form = document.getElementById("desk-form");
  if (!form) { return; }
  var status = document.getElementById("desk-status");

  function say(text) { if (status) { status.textContent = text; } }

  function firstField() { return form.querySelector("input[type=radio]"); }

  /* "Add another question" adds the block in place: a copy of the formset's empty form (in
     the <template>) with the next number, TOTAL_FORMS one up, and the focus in its first
     field. The server's MAX_NUM_FORMS is the limit: at that number the button is disabled.
     Without JavaScript the same button posts and the server adds the block. */
  var questions = document.getElementById("desk-questions");
  var template = document.getElementById("desk-question-template");
  var addButton = document.getElementById("desk-add-question");
  var total = form.querySelector("input[name$='-TOTAL_FORMS']");
  var max = form.querySelector("input[name$='-MAX_NUM_FORMS']");

  function count() { return parseInt(total.value, 10) || 0; }
  function limit() { return max ? parseInt(max.value, 10) || 1000 : 1000; }

  function updateButton() {
    var full = count() >= limit();
    addButton.disabled = full;
    if (full) { say(addButton.getAttribute("data-full")); }
  }

  function addQuestion() {
    var index = count();
    if (index >= limit()) { updateButton(); return; }
    var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
    questions.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = questions.lastElementChild.querySelector("input, select, textarea");
    if (first) { first.focus(); }
    updateButton();
  }

  var inPlace = Boolean(questions && template && addButton && total);

  function resetQuestions() {
    if (!inPlace) { return; }
    var blocks = questions.querySelectorAll(".plein-desk-question");
    for (var i = 1; i < blocks.length; i += 1) { blocks[i].parentNode.removeChild(blocks[i]); }
    total.value = "1";
    updateButton();
  }

  if (inPlace) {
    addButton.addEventListener("click", function (event) {
      event.preventDefault();
      addQuestion();
    });
    updateButton();
  }

  /* After a registration is saved the page loads again with the focus in the first field,
     ready for the next visitor. */
  try {
    if (window.sessionStorage && window.sessionStorage.getItem("plein-desk-saved")) {
      window.sessionStorage.removeItem("plein-desk-saved");
      if (firstField()) { firstField().focus(); }
    }
  } catch (e) { /* no storage: the focus stays at the top of the page */ }

  if (!window.fetch || !window.localStorage) { return; }
  var queueKey = form.getAttribute("data-queue-key");
  var url = form.getAttribute("data-desk-url");
  var sending = false;

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
    resetQuestions();
    say(status.getAttribute("data-queued"));
    if (firstField()) { firstField().focus(); }
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
        try { window.sessionStorage.setItem("plein-desk-saved", "1"); } catch (e) { /* no storage */ }
        window.location.assign(url);  // the confirmation and the recent list come from the server
      } else {
        form.submit();  // the server shows the messages beside the fields and keeps the input
      }
    }).catch(function () { keep(fields, key); });
  });

  window.addEventListener("online", flush);
  flush();
})();
