/* IDO figures: draw each Vega-Lite chart whose spec the page holds in a JSON script element.
   SVG, no action menu, no tooltips or injected styles, and Vega's expression interpreter
   instead of generated code: the Content-Security-Policy allows no eval and no inline style.
   The table beside each chart holds the same numbers. */
(function () {
  "use strict";
  if (!window.vegaEmbed || !window.vega) {
    return;
  }
  var dutch = { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] };
  document.querySelectorAll(".plein-chart[data-spec]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-spec"));
    if (!source) {
      return;
    }
    window
      .vegaEmbed(element, JSON.parse(source.textContent), {
        renderer: "svg",
        actions: false,
        ast: true,
        expr: window.vega.expressionInterpreter,
        defaultStyle: false,
        tooltip: false,
        formatLocale: dutch,
      })
      .catch(function (error) {
        element.hidden = true;
        window.console.warn("Plein: chart not drawn", error);
      });
  });
})();
