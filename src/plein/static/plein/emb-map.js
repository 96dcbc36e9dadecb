/* The EMB map: cytoscape.js draws the programmes (colour: societal task) and connections
   (colour: kind, width: strength, dashed: none yet). Clicking, or the arrow keys on the focused
   map, show an element's details beside it; the tables on the page hold the same information. */
(function () {
  "use strict";
  var container = document.getElementById("emb-map");
  var source = document.getElementById("emb-map-data");
  if (!container || !source) return;
  // The page shows the server's drawing (the same layout) at once; cytoscape.js loads when
  // the map is first pointed at, tapped or focused, and then takes its place.
  var started = false;
  function begin() {
    if (started) return;
    started = true;
    var script = document.createElement("script");
    script.src = container.getAttribute("data-script");
    script.onload = function () {
      var picture = container.querySelector(".emb-map__picture");
      if (picture) picture.remove();
      interactive();
    };
    document.head.appendChild(script);
  }
  ["pointerenter", "pointerdown", "focus", "touchstart"].forEach(function (name) {
    container.addEventListener(name, begin, { once: true, passive: true });
  });
  if (document.activeElement === container) begin();

  function interactive() {
  if (typeof cytoscape === "undefined") return;
  var data = JSON.parse(source.textContent);
  var labels = document.getElementById("emb-map-labels").dataset;
  var text = document.getElementById("emb-map-detail-text");
  var list = document.getElementById("emb-map-detail-actions");
  var link = document.getElementById("emb-map-detail-link");

  var cy = cytoscape({
    container: container,
    elements: data.nodes.concat(data.edges),
    // The positions come from the server (plein.emb.layout), the same as the story's map.
    layout: { name: "preset", fit: true, padding: 20 },
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "label": "data(label)", "color": "#001a40",
        "font-size": 12, "text-halign": "data(halign)", "text-valign": "data(valign)", "text-wrap": "wrap",
        "text-margin-x": 0, "text-margin-y": 0, "text-background-color": "#ffffff", "text-background-opacity": 0.85,
        "text-background-padding": 2, "width": "data(size)", "height": "data(size)", "border-width": 2,
        "border-color": "#ffffff" } },
      { selector: "node[?centre]", style: { "color": "#ffffff", "font-weight": "bold", "text-background-opacity": 0 } },
      { selector: "edge", style: {
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
        "curve-style": "bezier", "control-point-step-size": 8, "width": "data(width)" } },
      { selector: "edge[?dashed]", style: { "line-style": "dashed" } },
      { selector: ":selected", style: { "border-color": "#000000", "border-width": 4,
        "overlay-color": "#ffbf47", "overlay-opacity": 0.35, "overlay-padding": 6 } }
    ]
  });

  function show(el) {
    list.textContent = "";
    link.hidden = true;
    var d = el.data();
    if (el.isNode()) {
      text.textContent = d.name + " – " + labels.task + ": " + d.taskLabel;
    } else {
      text.textContent = labels.from + " " + cy.getElementById(d.source).data("name") + " " + labels.to + " " +
        cy.getElementById(d.target).data("name") + ". " + labels.kind + ": " + d.kindLabel + ". " +
        labels.strength + ": " + d.strengthLabel + ".";
      (d.actions || []).forEach(function (title) {
        var li = document.createElement("li");
        li.textContent = title;
        list.appendChild(li);
      });
      link.href = d.url;
      link.hidden = false;
    }
  }

  var order = cy.elements().toArray();
  var index = -1;
  function pick(i) {
    if (!order.length) return;
    index = (i + order.length) % order.length;
    cy.elements().unselect();
    order[index].select();
    show(order[index]);
  }
  cy.on("tap", "node, edge", function (event) {
    index = order.indexOf(event.target);
    show(event.target);
  });
  container.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight" || event.key === "ArrowDown") { pick(index + 1); event.preventDefault(); }
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { pick(index - 1); event.preventDefault(); }
    else if (event.key === "Enter" && index >= 0 && order[index].isEdge()) { window.location = order[index].data("url"); }
  });
  }
})();
