/* IDO figures: draw each Vega-Lite chart whose spec the page holds in a JSON script element.
   The chart library is loaded only when the first chart comes near the screen, so the page,
   its summaries and tables are there at once; each chart is drawn when it comes into view.
   SVG, no action menu, no tooltips or injected styles, and Vega's expression interpreter
   instead of generated code: the Content-Security-Policy allows no eval and no inline style.
   The table beside each chart holds the same numbers. */
(function () {
  "use strict";
  var script = document.currentScript;
  var sources = ((script && script.getAttribute("data-chart-scripts")) || "").split(" ").filter(Boolean);
  var charts = Array.prototype.slice.call(document.querySelectorAll(".plein-chart[data-spec]"));
  var dutch = { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] };
  var loading = null;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = src;
      element.async = false; // in order: vega, the interpreter, vega-lite, vega-embed
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function library() {
    if (!loading) {
      loading = sources.reduce(function (previous, src) {
        return previous.then(function () {
          return load(src);
        });
      }, Promise.resolve());
    }
    return loading;
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-spec"));
    if (!source || element.getAttribute("data-drawn")) {
      return;
    }
    element.setAttribute("data-drawn", "true");
    library()
      .then(function () {
        return window.vegaEmbed(element, JSON.parse(source.textContent), {
          renderer: "svg",
          actions: false,
          ast: true,
          expr: window.vega.expressionInterpreter,
          defaultStyle: false,
          tooltip: false,
          formatLocale: dutch,
        });
      })
      .catch(function (error) {
        element.hidden = true;
        window.console.warn("Plein: chart not drawn", error);
      });
  }

  if (!charts.length || !sources.length) {
    return;
  }
  if (!("IntersectionObserver" in window)) {
    charts.forEach(draw);
    return;
  }
  var observer = new IntersectionObserver(
    function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    },
    { rootMargin: "200px 0px" }
  );
  charts.forEach(function (element) {
    observer.observe(element);
  });
})();
