// kg explorer: one page over the JSON API under /api/kg/ (documented in
// internal/explore/explore.go and the README). The whole view state lives in
// the URL's query string, so every view can be shared and reloaded:
//
//   /                         the store's summary and its most active actors
//   /?actor=ID                an actor: ego network, timeline, events
//   /?actor=ID&with=OTHER     a dyad: their events over time, with evidence
//   /?event=ID                one event and its reports
//   /?view=gizmo              a Gizmo console on /api/v2/query
//   from=YYYY-MM-DD, to=YYYY-MM-DD, root=04,05   filters, on every view
//
// Data is put into the page with textContent only, never as HTML.
(function () {
  "use strict";

  // ---- colours: Okabe–Ito (colour-blind safe) for the four quad classes;
  // each CAMEO root takes its quad class's hue, lighter to darker in code order.
  var QUAD = {
    1: { label: "Verbal cooperation", color: "#56B4E9", hue: 202 },
    2: { label: "Material cooperation", color: "#009E73", hue: 164 },
    3: { label: "Verbal conflict", color: "#E69F00", hue: 41 },
    4: { label: "Material conflict", color: "#D55E00", hue: 22 },
  };
  var ROOT_RANGES = { 1: ["01", "05"], 2: ["06", "08"], 3: ["09", "13"], 4: ["14", "20"] };
  function rootColor(code, quad) {
    var q = QUAD[quad];
    if (!q) return "#999999";
    var r = ROOT_RANGES[quad], lo = +r[0], hi = +r[1], n = +code, k = hi - lo + 1;
    // neighbouring roots (stacked next to each other) differ in lightness
    // by about half the range: positions 0,1,2,3,4 → steps 0,3,1,4,2
    var pos = n - lo, step = (pos * Math.ceil(k / 2 + 0.5)) % k;
    var t = k === 1 ? 0.5 : step / (k - 1);
    var light = 80 - t * 50; // 80% … 30%
    var sat = quad === 1 ? 70 : 85;
    return "hsl(" + q.hue + "," + sat + "%," + light.toFixed(0) + "%)";
  }
  // Goldstein −10 … +10: vermillion (conflict) through grey to blue (cooperation).
  var GOLD_STOPS = [[-10, [213, 94, 0]], [-3, [232, 160, 112]], [0, [176, 176, 176]], [3, [127, 182, 217]], [10, [0, 114, 178]]];
  function goldsteinColor(g) {
    if (g === null || g === undefined) return "#777777";
    for (var i = 1; i < GOLD_STOPS.length; i++) {
      var a = GOLD_STOPS[i - 1], b = GOLD_STOPS[i];
      if (g <= b[0]) {
        var t = (g - a[0]) / (b[0] - a[0]);
        var c = a[1].map(function (v, k) { return Math.round(v + t * (b[1][k] - v)); });
        return "rgb(" + c.join(",") + ")";
      }
    }
    return "rgb(0,114,178)";
  }

  // ---- small DOM helpers
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k === "style") e.style.cssText = v;
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    });
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); return; }
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  function $(id) { return document.getElementById(id); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // ---- URL state
  var FILTERS = ["from", "to", "root"];
  function state() { return new URLSearchParams(location.search); }
  function filterParams(extra) {
    var s = state(), p = new URLSearchParams();
    FILTERS.forEach(function (k) { if (s.get(k)) p.set(k, s.get(k)); });
    if (extra) Object.keys(extra).forEach(function (k) { if (extra[k] !== undefined && extra[k] !== null && extra[k] !== "") p.set(k, extra[k]); });
    return p;
  }
  // href keeps the current filters on every link.
  function href(params) { var q = filterParams(params).toString(); return "/" + (q ? "?" + q : ""); }
  function link(text, params, attrs) {
    var a = el("a", Object.assign({ href: href(params), "data-nav": true }, attrs || {}));
    add(a, text);
    return a;
  }
  function go(url, replace) {
    if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
    render();
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[data-nav]");
    if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    go(a.getAttribute("href"));
    window.scrollTo(0, 0);
  });
  window.addEventListener("popstate", render);

  // ---- API
  function api(path, params) {
    var q = params ? params.toString() : "";
    return fetch(path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().catch(function () { return { error: r.status + " " + r.statusText }; }).then(function (body) {
        if (!r.ok) throw new Error(body.error || r.status + " " + r.statusText);
        return body;
      });
    });
  }
  var cameo = null; // /api/kg/cameo, loaded once
  function loadCameo() { return cameo ? Promise.resolve(cameo) : api("/api/kg/cameo").then(function (c) { cameo = c; return c; }); }

  function setStatus(msg, isError) {
    var s = $("status");
    s.textContent = msg || "";
    s.className = isError ? "error" : "";
  }

  // ---- header: search with completion
  var suggest = { items: [], active: -1, timer: null, seq: 0 };
  function initSearch() {
    var q = $("q"), list = $("suggestions");
    q.addEventListener("input", function () {
      clearTimeout(suggest.timer);
      suggest.timer = setTimeout(fetchSuggestions, 120);
    });
    q.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (!suggest.items.length) return;
        var n = suggest.items.length;
        suggest.active = (suggest.active + (ev.key === "ArrowDown" ? 1 : n - 1)) % n;
        paintSuggestions();
      } else if (ev.key === "Escape") {
        closeSuggestions();
      }
    });
    $("search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var pick = suggest.items[suggest.active >= 0 ? suggest.active : 0];
      if (pick) choose(pick);
    });
    q.addEventListener("blur", function () { setTimeout(closeSuggestions, 150); });
    list.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
  }
  function fetchSuggestions() {
    var text = $("q").value.trim(), seq = ++suggest.seq;
    if (!text) { closeSuggestions(); return; }
    api("/api/kg/actors", new URLSearchParams({ q: text, limit: "8" })).then(function (res) {
      if (seq !== suggest.seq) return; // a newer keystroke won
      suggest.items = res.actors;
      suggest.active = res.actors.length ? 0 : -1;
      paintSuggestions();
    }).catch(function (e) { setStatus(e.message, true); });
  }
  function paintSuggestions() {
    var list = $("suggestions"), q = $("q");
    list.textContent = "";
    if (!suggest.items.length) {
      list.appendChild(el("li", { class: "empty", "aria-disabled": "true" }, "No actor matches"));
    }
    suggest.items.forEach(function (a, i) {
      list.appendChild(el("li", {
        id: "sugg-" + i, role: "option", "aria-selected": i === suggest.active ? "true" : "false",
        "data-actor": a.id, onclick: function () { choose(a); },
      }, el("span", null, el("span", { class: "label" }, a.label),
        a.matched && a.matched !== a.label ? el("span", { class: "matched" }, " (" + a.matched + ")") : null), el("span", { class: "meta" }, [a.type || "actor", a.country ? " · " + a.country : "", " · " + fmt(a.events) + " events"])));
    });
    list.hidden = false;
    q.setAttribute("aria-expanded", "true");
    if (suggest.active >= 0) q.setAttribute("aria-activedescendant", "sugg-" + suggest.active);
  }
  function closeSuggestions() {
    $("suggestions").hidden = true;
    $("q").setAttribute("aria-expanded", "false");
    $("q").removeAttribute("aria-activedescendant");
  }
  function choose(a) {
    closeSuggestions();
    $("q").value = "";
    go(href({ actor: a.id }));
  }

  // ---- header: filters
  function initFilters() {
    return loadCameo().then(function (c) {
      var box = $("root-list");
      [1, 2, 3, 4].forEach(function (qc) {
        box.appendChild(el("h4", null, el("span", { class: "chip", style: "background:" + QUAD[qc].color }), QUAD[qc].label));
        c.roots.filter(function (r) { return r.quad_class === qc; }).forEach(function (r) {
          box.appendChild(el("label", null,
            el("input", { type: "checkbox", value: r.code, onchange: applyFilters }),
            " ", el("span", { class: "chip", style: "background:" + rootColor(r.code, r.quad_class) }),
            el("span", { class: "code" }, r.code), " " + r.label));
        });
      });
      $("from").addEventListener("change", applyFilters);
      $("to").addEventListener("change", applyFilters);
      $("clear-filters").addEventListener("click", function () {
        var s = state();
        FILTERS.forEach(function (k) { s.delete(k); });
        go("/" + (s.toString() ? "?" + s : ""));
      });
    });
  }
  function showFilters() {
    var s = state();
    $("from").value = s.get("from") || "";
    $("to").value = s.get("to") || "";
    var roots = (s.get("root") || "").split(",").filter(Boolean);
    Array.prototype.forEach.call($("root-list").querySelectorAll("input"), function (i) { i.checked = roots.indexOf(i.value) >= 0; });
    $("roots-summary").textContent = "CAMEO roots: " + (roots.length ? roots.join(", ") : "all");
  }
  function applyFilters() {
    var s = state();
    s.delete("offset");
    var from = $("from").value, to = $("to").value;
    if (from) s.set("from", from); else s.delete("from");
    if (to) s.set("to", to); else s.delete("to");
    var roots = Array.prototype.filter.call($("root-list").querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    if (roots.length) s.set("root", roots.join(",")); else s.delete("root");
    go("/" + (s.toString() ? "?" + s : ""));
  }

  // ---- rendering
  var charts = []; // live Chart.js and Cytoscape instances, destroyed on each render
  var renderSeq = 0;
  function render() {
    var seq = ++renderSeq;
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    showFilters();
    document.body.dataset.state = "loading";
    setStatus("Loading…");
    var s = state(), main = $("main");
    var view;
    if (s.get("view") === "gizmo") view = gizmoView;
    else if (s.get("event")) view = eventView;
    else if (s.get("actor") && s.get("with")) view = dyadView;
    else if (s.get("actor")) view = actorView;
    else view = homeView;
    var root = el("div");
    Promise.resolve().then(function () { return view(root, s); }).then(function () {
      if (seq !== renderSeq) return;
      main.replaceChildren(root);
      mountPending();
      setStatus("");
      document.body.dataset.state = "ready";
    }).catch(function (e) {
      if (seq !== renderSeq) return;
      main.replaceChildren(el("div", { class: "panel" }, el("h2", null, "Cannot show this view"), el("p", null, e.message)));
      setStatus(e.message, true);
      document.body.dataset.state = "error";
    });
  }
  // Charts need their container in the document to measure it, so views
  // queue them and they are drawn once the view is in place. A view that a
  // newer one replaced before it was shown never enters the document, and
  // its charts are not drawn.
  var pending = [];
  function later(box, fn) { pending.push(function () { if (box.isConnected) fn(); }); }
  function mountPending() {
    var fns = pending;
    pending = [];
    fns.forEach(function (fn) { fn(); });
  }

  function filtersNote(s) {
    var parts = [];
    if (s.get("from")) parts.push("from " + s.get("from"));
    if (s.get("to")) parts.push("to " + s.get("to"));
    if (s.get("root")) parts.push("CAMEO roots " + s.get("root"));
    return parts.length ? "Filtered: " + parts.join(", ") : "";
  }

  // /: summary and the most active actors
  function homeView(root) {
    return Promise.all([api("/api/kg/"), api("/api/kg/actors", new URLSearchParams({ limit: "60" }))]).then(function (r) {
      var sum = r[0], top = r[1].actors;
      document.title = "kg explorer";
      add(root, [
        el("h1", null, "Political events in this store"),
        el("p", { class: "subtitle" },
          el("span", null, fmt(sum.events) + " events"), el("span", null, fmt(sum.actors) + " actors"),
          el("span", null, fmt(sum.articles) + " articles"),
          sum.first ? el("span", null, "dated " + sum.first + " to " + sum.last) : null,
          sum.undated ? el("span", null, fmt(sum.undated) + " undated") : null),
        el("section", { class: "panel" },
          el("h2", null, "Most active actors"),
          el("p", { class: "hint" }, "Search any actor above, or pick one here. Counts are events in which the actor acts or is the target."),
          top.length ? el("ol", { class: "big-list", id: "top-actors" }, top.map(function (a) {
            return el("li", null, link(a.label, { actor: a.id }), " ", el("span", { class: "hint" }, "(" + fmt(a.events) + ")"));
          })) : el("p", { class: "empty" }, "The store holds no events. Build one with kg build.")),
      ]);
    });
  }

  // /?actor=ID: network, timeline, events
  function actorView(root, s) {
    var id = s.get("actor");
    var p = filterParams();
    return Promise.all([
      api("/api/kg/actors/" + encodeURIComponent(id)),
      api("/api/kg/actors/" + encodeURIComponent(id) + "/network", withParams(p, { limit: s.get("limit") || "30" })),
      api("/api/kg/actors/" + encodeURIComponent(id) + "/timeline", withParams(p, { bucket: s.get("bucket") || "auto" })),
      loadCameo(),
    ]).then(function (r) {
      var actor = r[0], net = r[1], tl = r[2];
      document.title = actor.label + " — kg explorer";
      add(root, [
        actorHeader(actor, s),
        el("div", { class: "grid" }, networkPanel(actor, net, s), timelinePanel(tl, s, "Timeline of " + actor.label + "’s events")),
      ]);
      var events = el("section", { class: "panel", id: "events-panel" });
      add(root, events);
      return eventsTable(events, { actor: id }, s);
    });
  }
  function withParams(p, extra) {
    var q = new URLSearchParams(p);
    Object.keys(extra).forEach(function (k) { if (extra[k]) q.set(k, extra[k]); });
    return q;
  }
  function actorHeader(a, s) {
    return el("header", null,
      el("h1", { id: "actor-name" }, a.label),
      el("p", { class: "subtitle" },
        el("span", null, a.type || "Actor"),
        a.country ? el("span", null, "country " + a.country) : null,
        el("span", null, fmt(a.events) + " events in all"),
        a.wikidata ? el("span", null, el("a", { href: "https://www.wikidata.org/wiki/" + a.wikidata, rel: "noreferrer" }, "Wikidata " + a.wikidata)) : null,
        el("span", { class: "mono" }, "actor:" + a.id)),
      aliases(a.aliases || []),
      filtersNote(s) ? el("p", { class: "hint" }, filtersNote(s)) : null);
  }

  function aliases(list) {
    if (!list.length) return null;
    if (list.length <= 10) return el("p", { class: "hint" }, "Also known as: " + list.join(", "));
    return el("details", { class: "hint aliases" }, el("summary", null, "Also known as: " + list.slice(0, 8).join(", ") + " … (" + list.length + " names)"),
      list.join(", "));
  }

  // The ego network, drawn by Cytoscape.js.
  function networkPanel(actor, net, s) {
    var mode = s.get("color") === "goldstein" ? "goldstein" : "quad";
    var select = el("select", { id: "edge-colour", "aria-label": "Colour edges by", onchange: function () {
      var st = state();
      if (this.value === "goldstein") st.set("color", "goldstein"); else st.delete("color");
      go("/?" + st, true);
    } }, el("option", { value: "quad", selected: mode === "quad" }, "quad class (most frequent)"),
      el("option", { value: "goldstein", selected: mode === "goldstein" }, "mean Goldstein score"));
    var panel = el("section", { class: "panel", id: "network-panel" },
      el("div", { class: "panel-head" }, el("h2", null, "Network"), el("label", null, "Edge colour: ", select)));
    var drawn = net.nodes.length > 1;
    add(panel, el("p", { class: "hint" }, drawn
      ? "Who " + actor.label + " dealt with. Edge width: number of events; arrows point from the actor to the target. " +
        "Click an edge for the dyad, a node for that actor."
      : "No event of " + actor.label + " has another actor as counterpart" + (filtersNote(s) ? " with these filters." : ".")));
    var box = el("div", { id: "network", role: "img", "aria-label": "Ego network of " + actor.label + ": " + (net.nodes.length - 1) + " counterparts" });
    add(panel, box);
    add(panel, el("p", { id: "edge-info", "aria-live": "polite" }));
    add(panel, networkLegend(mode));
    if (net.omitted || net.no_target) {
      add(panel, el("p", { class: "hint" }, [
        net.omitted ? fmt(net.omitted) + " more counterparts not shown (limit " + (s.get("limit") || 30) + "). " : "",
        net.no_target ? fmt(net.no_target) + " events without a target are not drawn." : ""]));
    }
    add(panel, counterpartsTable(actor, net));
    later(box, function () { drawNetwork(box, actor, net, mode); });
    return panel;
  }
  function networkLegend(mode) {
    var items = [];
    if (mode === "goldstein") {
      items.push(el("li", null, "conflict −10 ", el("span", { class: "gradient", "aria-hidden": "true" }), " +10 cooperation (mean Goldstein score)"));
    } else {
      [1, 2, 3, 4].forEach(function (q) {
        items.push(el("li", null, el("span", { class: "swatch line", style: "background:" + QUAD[q].color }), QUAD[q].label));
      });
    }
    ["Person", "Country", "Organization", "Group"].forEach(function (t) {
      items.push(el("li", null, el("span", { class: "shape " + t, "aria-hidden": "true" }), t));
    });
    items.push(el("li", null, el("span", { class: "shape Person", style: "border:3px solid #1b1b1b;background:#fff", "aria-hidden": "true" }), "the actor"));
    return el("ul", { class: "legend", id: "network-legend", "aria-label": "Network legend" }, items);
  }
  function dominantQuad(e) {
    var best = 0;
    for (var i = 1; i < 4; i++) if (e.quad_classes[i] > e.quad_classes[best]) best = i;
    return e.quad_classes[best] ? best + 1 : 0;
  }
  var SHAPES = { Person: "ellipse", Country: "round-rectangle", Organization: "diamond", Group: "hexagon" };
  function drawNetwork(box, actor, net, mode) {
    if (net.nodes.length < 2 || typeof cytoscape !== "function") return;
    var maxE = Math.max.apply(null, net.edges.map(function (e) { return e.events; }).concat([1]));
    var maxN = Math.max.apply(null, net.nodes.filter(function (n) { return !n.ego; }).map(function (n) { return n.events; }).concat([1]));
    // The server sends counterparts most events first: the first 16 on an
    // inner ring, the rest on an outer one; the actor in the middle.
    var elements = net.nodes.map(function (n, i) {
      return { data: { id: n.id, label: n.label, events: n.events, ego: n.ego ? 1 : 0, ring: n.ego ? 3 : i <= 16 ? 2 : 1,
        shape: SHAPES[n.type] || "ellipse",
        size: n.ego ? 46 : 18 + 26 * Math.sqrt(n.events / maxN) } };
    }).concat(net.edges.map(function (e, i) {
      var q = dominantQuad(e);
      return { data: { id: "e" + i, source: e.source, target: e.target, events: e.events, goldstein: e.goldstein, quad: q,
        width: 1.5 + 9 * Math.sqrt(e.events / maxE),
        color: mode === "goldstein" ? goldsteinColor(e.goldstein) : (QUAD[q] ? QUAD[q].color : "#777777") } };
    }));
    var cy = cytoscape({
      container: box,
      elements: elements,
      style: [
        { selector: "node", style: {
          "shape": "data(shape)", "width": "data(size)", "height": "data(size)",
          "background-color": "#9a9a9a", "border-width": 1, "border-color": "#555",
          "label": "data(label)", "font-size": 16, "font-family": "system-ui, sans-serif", "color": "#1b1b1b",
          "text-valign": "bottom", "text-margin-y": 4, "text-outline-color": "#fcfcfb", "text-outline-width": 2 } },
        { selector: "node[ego = 1]", style: { "background-color": "#ffffff", "border-width": 4, "border-color": "#1b1b1b", "font-weight": "bold", "font-size": 19 } },
        { selector: "edge", style: {
          "width": "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.9, "opacity": 0.9 } },
        { selector: "edge:selected, edge.hover", style: { "overlay-opacity": 0.12, "overlay-color": "#000" } },
      ],
      layout: { name: "concentric", concentric: function (n) { return n.data("ring"); },
        levelWidth: function () { return 1; }, minNodeSpacing: 36, animate: false, padding: 24 },
      minZoom: 0.3, maxZoom: 3, boxSelectionEnabled: false, autoungrabify: false,
    });
    var info = $("edge-info");
    function describe(e) {
      var d = e.data(), src = cy.getElementById(d.source).data("label"), dst = cy.getElementById(d.target).data("label");
      var src0 = net.edges[+d.id.slice(1)];
      var parts = [1, 2, 3, 4].filter(function (q) { return src0.quad_classes[q - 1]; }).map(function (q) {
        return src0.quad_classes[q - 1] + " " + QUAD[q].label.toLowerCase();
      });
      return src + " → " + dst + ": " + d.events + " event" + (d.events === 1 ? "" : "s") + " (" + parts.join(", ") + ")" +
        (d.goldstein !== null && d.goldstein !== undefined ? ", mean Goldstein " + d.goldstein : "");
    }
    cy.on("mouseover", "edge", function (ev) { ev.target.addClass("hover"); info.textContent = describe(ev.target); });
    cy.on("mouseout", "edge", function (ev) { ev.target.removeClass("hover"); });
    cy.on("tap", "edge", function (ev) {
      var d = ev.target.data(), other = d.source === actor.id ? d.target : d.source;
      go(href({ actor: actor.id, with: other }));
    });
    cy.on("tap", "node", function (ev) {
      if (!ev.target.data("ego")) go(href({ actor: ev.target.id() }));
    });
    window.kgNetwork = cy; // for the browser test and for users' own poking in the console
    charts.push(cy);
  }
  // The network as a table: readable without the picture, and keyboard-navigable.
  function counterpartsTable(actor, net) {
    var alters = net.nodes.filter(function (n) { return !n.ego; });
    if (!alters.length) return null;
    var rows = alters.map(function (n) {
      var out = net.edges.filter(function (e) { return e.source === actor.id && e.target === n.id; })[0];
      var inn = net.edges.filter(function (e) { return e.target === actor.id && e.source === n.id; })[0];
      return el("tr", null,
        el("td", null, link(n.label, { actor: n.id })),
        el("td", { class: "num" }, n.events),
        el("td", { class: "num" }, out ? out.events : 0),
        el("td", { class: "num" }, inn ? inn.events : 0),
        el("td", null, link("events between them", { actor: actor.id, with: n.id }, { class: "dyad-link", "data-with": n.id })));
    });
    return el("details", { class: "counterparts", open: alters.length <= 8 },
      el("summary", null, "Counterparts as a table (" + alters.length + ")"),
      el("div", { class: "scroll" }, el("table", { id: "counterparts" },
        el("thead", null, el("tr", null, el("th", null, "Actor"), el("th", { class: "num" }, "Events"),
          el("th", { class: "num" }, actor.label + " → them"), el("th", { class: "num" }, "them → " + actor.label), el("th", null, "Dyad"))),
        el("tbody", null, rows))));
  }

  // A timeline stacked by CAMEO root, drawn by Chart.js.
  function timelinePanel(tl, s, title) {
    var bucket = s.get("bucket") || "auto";
    var select = el("select", { id: "bucket", "aria-label": "Period", onchange: function () {
      var st = state();
      if (this.value === "auto") st.delete("bucket"); else st.set("bucket", this.value);
      go("/?" + st, true);
    } }, ["auto", "day", "week", "month", "year"].map(function (b) {
      return el("option", { value: b, selected: b === bucket }, b === "auto" ? "automatic (" + tl.bucket + ")" : b);
    }));
    var panel = el("section", { class: "panel", id: "timeline-panel" },
      el("div", { class: "panel-head" }, el("h2", null, "Timeline"), el("label", null, "Period: ", select)));
    if (!tl.periods.length) {
      add(panel, el("p", { class: "empty" }, tl.events ? "None of these events is dated." : "No events" + (filtersNote(s) ? " with these filters." : ".")));
      return panel;
    }
    add(panel, el("p", { class: "hint" }, title + ", events per " + tl.bucket + ", stacked by CAMEO root. Click a bar to narrow the dates to it." +
      (tl.undated ? " " + fmt(tl.undated) + " undated events are not shown." : "")));
    var canvas = el("canvas", { id: "timeline", role: "img", "aria-label": title + ": " + fmt(tl.events - tl.undated) + " dated events from " + tl.periods[0] + " to " + tl.periods[tl.periods.length - 1] });
    add(panel, el("div", { class: "chart-box" }, canvas));
    later(canvas, function () { drawTimeline(canvas, tl); });
    return panel;
  }
  function periodRange(label, bucket) {
    if (bucket === "year") return [label + "-01-01", label + "-12-31"];
    if (bucket === "month") {
      var y = +label.slice(0, 4), m = +label.slice(5, 7);
      var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return [label + "-01", label + "-" + String(last).padStart(2, "0")];
    }
    if (bucket === "week") {
      var d = new Date(label + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + 6);
      return [label, d.toISOString().slice(0, 10)];
    }
    return [label, label];
  }
  function drawTimeline(canvas, tl) {
    if (typeof Chart !== "function") return;
    var chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: tl.periods,
        datasets: tl.series.map(function (sr) {
          return { label: sr.code + " " + sr.label, data: sr.counts, backgroundColor: rootColor(sr.code, sr.quad_class),
            borderColor: "#ffffff", borderWidth: 0.5, stack: "events" };
        }),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0, font: { size: 12 } }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0, font: { size: 12 } }, title: { display: true, text: "events" } },
        },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 14, font: { size: 12 } } },
          tooltip: { filter: function (item) { return item.raw > 0; } },
        },
        onClick: function (ev, items) {
          if (!items.length) return;
          var r = periodRange(tl.periods[items[0].index], tl.bucket), st = state();
          st.set("from", r[0]); st.set("to", r[1]); st.delete("offset");
          go("/?" + st);
        },
      },
    });
    charts.push(chart);
  }

  // The events table, a page at a time. where: {actor, with}.
  function eventsTable(panel, where, s) {
    var limit = 25, offset = Math.max(0, +s.get("offset") || 0), order = s.get("sort") === "-date" ? "-date" : "date";
    var p = filterParams(Object.assign({ limit: String(limit), offset: String(offset), sort: order }, where));
    return api("/api/kg/events", p).then(function (res) {
      var toggle = state();
      toggle.set("sort", order === "date" ? "-date" : "date");
      toggle.delete("offset");
      add(panel, el("div", { class: "panel-head" }, el("h2", null, "Events"),
        el("span", { class: "hint" }, fmt(res.total) + " event" + (res.total === 1 ? "" : "s") + (filtersNote(s) ? " (" + filtersNote(s).toLowerCase() + ")" : ""))));
      if (!res.events.length) {
        add(panel, el("p", { class: "empty" }, "No events" + (filtersNote(s) ? " with these filters." : ".")));
        return;
      }
      var rows = res.events.map(function (e) {
        var a = e.action;
        return el("tr", { "data-event": e.id },
          el("td", { class: "mono" }, link(e.date || "undated", { event: e.id }, { class: "event-link", title: "Reports and evidence of this event" })),
          el("td", null, link(e.actor.label, { actor: e.actor.id })),
          el("td", null, el("span", { class: "chip", style: "background:" + (QUAD[a.quad_class] ? QUAD[a.quad_class].color : "#999"), title: QUAD[a.quad_class] ? QUAD[a.quad_class].label : "" }),
            el("span", { class: "code" }, a.code), " " + (a.label || "")),
          el("td", null, e.target ? link(e.target.label, { actor: e.target.id }) : el("span", { class: "empty" }, "—")),
          el("td", { class: "num" }, e.sources),
          el("td", { class: "evidence" }, e.evidence));
      });
      add(panel, el("div", { class: "scroll" }, el("table", { id: "events" },
        el("thead", null, el("tr", null,
          el("th", null, el("a", { href: "/?" + toggle, "data-nav": true, title: "Sort by date" }, "Date " + (order === "date" ? "▲" : "▼"))),
          el("th", null, "Actor"), el("th", null, "Action (CAMEO)"), el("th", null, "Target"), el("th", { class: "num" }, "Sources"), el("th", null, "Evidence"))),
        el("tbody", null, rows))));
      add(panel, pager(res));
    });
  }
  function pager(res) {
    function at(off) { var st = state(); if (off) st.set("offset", off); else st.delete("offset"); return "/?" + st; }
    var end = Math.min(res.offset + res.events.length, res.total);
    return el("div", { class: "pager" },
      res.offset > 0 ? el("a", { href: at(Math.max(0, res.offset - res.limit)), "data-nav": true, class: "button" }, "← Previous") : null,
      el("span", null, fmt(res.offset + 1) + "–" + fmt(end) + " of " + fmt(res.total)),
      end < res.total ? el("a", { href: at(res.offset + res.limit), "data-nav": true, class: "button", id: "next-page" }, "Next →") : null);
  }

  // /?actor=A&with=B: the dyad
  function dyadView(root, s) {
    var a = s.get("actor"), b = s.get("with");
    var p = filterParams({ with: b });
    return Promise.all([
      api("/api/kg/actors/" + encodeURIComponent(a)),
      api("/api/kg/actors/" + encodeURIComponent(b)),
      api("/api/kg/actors/" + encodeURIComponent(a) + "/timeline", withParams(p, { bucket: s.get("bucket") || "auto" })),
      loadCameo(),
    ]).then(function (r) {
      var A = r[0], B = r[1], tl = r[2];
      document.title = A.label + " ⇄ " + B.label + " — kg explorer";
      add(root, el("header", null,
        el("h1", { id: "dyad-name" }, A.label + " ⇄ " + B.label),
        el("p", { class: "subtitle" }, el("span", null, "Events between them, in both directions"),
          el("span", null, link("all of " + A.label, { actor: a })), el("span", null, link("all of " + B.label, { actor: b }))),
        filtersNote(s) ? el("p", { class: "hint" }, filtersNote(s)) : null));
      add(root, timelinePanel(tl, s, "Events between " + A.label + " and " + B.label));
      var list = el("section", { class: "panel", id: "dyad-events" });
      add(root, list);
      var limit = 20, offset = Math.max(0, +s.get("offset") || 0);
      return api("/api/kg/events", filterParams({ actor: a, with: b, limit: String(limit), offset: String(offset), reports: "true" })).then(function (res) {
        add(list, el("div", { class: "panel-head" }, el("h2", null, "Events and their evidence"), el("span", { class: "hint" }, fmt(res.total) + " events")));
        add(list, marksLegend(A, B));
        if (!res.events.length) add(list, el("p", { class: "empty" }, "No events" + (filtersNote(s) ? " with these filters." : ".")));
        res.events.forEach(function (e) { add(list, eventCard(e)); });
        if (res.events.length) add(list, pager(res));
      });
    });
  }
  function marksLegend(A, B) {
    return el("p", { class: "hint marks-legend" }, "In the evidence: ", el("mark", { class: "actor" }, "the acting actor"), " and ",
      el("mark", { class: "target" }, "the target"), ", where the sentence names them (a pronoun or a title is not marked).");
  }
  function actionLine(e) {
    var a = e.action;
    return [el("span", { class: "chip", style: "background:" + (QUAD[a.quad_class] ? QUAD[a.quad_class].color : "#999") }),
      link(e.actor.label, { actor: e.actor.id }), " — ", el("span", { class: "code" }, a.code), " " + (a.label || "") + " → ",
      e.target ? link(e.target.label, { actor: e.target.id }) : "(no target)"];
  }
  function eventCard(e) {
    var card = el("article", { class: "card", "data-event": e.id },
      el("h3", null, link(e.date || "undated", { event: e.id }, { class: "event-link" }), " · ", actionLine(e)),
      el("p", { class: "hint" }, QUAD[e.action.quad_class] ? QUAD[e.action.quad_class].label : "",
        e.action.goldstein !== undefined ? " · Goldstein " + e.action.goldstein : "", " · " + e.sources + " source" + (e.sources === 1 ? "" : "s")));
    (e.reports || []).forEach(function (r) {
      add(card, [evidence(r), articleLine(r)]);
    });
    return card;
  }
  function evidence(r) {
    return el("blockquote", { class: "evidence-text" }, (r.segments || [{ text: r.evidence }]).map(function (seg) {
      return seg.role ? el("mark", { class: seg.role, title: seg.role }, seg.text) : seg.text;
    }));
  }
  function articleLine(r) {
    var a = r.article || {};
    return el("p", { class: "article" }, el("cite", null, a.title || a.id || "untitled article"),
      a.publisher ? " · " + a.publisher : "", a.issued ? " · " + a.issued : "", a.id && a.title ? el("span", { class: "mono" }, " · " + a.id) : null);
  }

  // /?event=ID: the event and its reports (what kg explain shows)
  function eventView(root, s) {
    var id = s.get("event");
    return api("/api/kg/events/" + encodeURIComponent(id)).then(function (e) {
      var a = e.action;
      document.title = "Event " + (e.date || e.id) + " — kg explorer";
      add(root, [
        el("h1", { id: "event-title" }, e.actor.label + " → " + (e.target ? e.target.label : "(no target)")),
        el("p", { class: "subtitle" }, el("span", null, e.date || "undated"), el("span", null, a.code + " " + (a.label || "")),
          el("span", null, e.sources + " source" + (e.sources === 1 ? "" : "s")), el("span", { class: "mono" }, "event:" + e.id)),
        el("dl", { class: "facts" },
          el("dt", null, "Actor"), el("dd", null, link(e.actor.label, { actor: e.actor.id })),
          el("dt", null, "Action"), el("dd", null, el("span", { class: "chip", style: "background:" + (QUAD[a.quad_class] ? QUAD[a.quad_class].color : "#999") }),
            el("span", { class: "code" }, a.code), " " + (a.label || "") + " (root " + a.root + " " + (a.root_label || "") + ")"),
          el("dt", null, "Quad class"), el("dd", null, QUAD[a.quad_class] ? QUAD[a.quad_class].label : "unknown"),
          el("dt", null, "Goldstein"), el("dd", null, a.goldstein !== undefined ? String(a.goldstein) : "—"),
          el("dt", null, "Target"), el("dd", null, e.target ? link(e.target.label, { actor: e.target.id }) : "—"),
          e.target ? el("dt", null, "Dyad") : null, e.target ? el("dd", null, link(e.actor.label + " ⇄ " + e.target.label, { actor: e.actor.id, with: e.target.id })) : null,
          el("dt", null, "IRI"), el("dd", { class: "mono" }, e.iri)),
      ]);
      var panel = el("section", { class: "panel", id: "reports" }, el("h2", null, "Reports (" + e.reports.length + ")"),
        el("p", { class: "hint" }, "Each article's account of the event: the rule that found it and where the sentence is in the article (character offsets), as kg explain shows."),
        marksLegend());
      e.reports.forEach(function (r) {
        add(panel, el("article", { class: "card report", "data-report": r.id },
          el("h3", null, (r.article.publisher || "Article") + (r.article.issued ? ", " + r.article.issued : "")),
          articleLine(r),
          evidence(r),
          el("dl", { class: "facts" },
            el("dt", null, "Rule"), el("dd", { class: "mono rule" }, r.rule || "—"),
            el("dt", null, "Confidence"), el("dd", null, r.confidence.toFixed(2)),
            el("dt", null, "Coded as"), el("dd", null, el("span", { class: "code" }, r.action.code), " " + (r.action.label || "")),
            r.reported_by ? el("dt", null, "Reported by") : null, r.reported_by ? el("dd", null, link(r.reported_by.label, { actor: r.reported_by.id })) : null,
            el("dt", null, "Offsets"), el("dd", { class: "mono offsets" }, r.start >= 0 ? "characters " + r.start + "–" + r.end + " of " + r.article.id : "—"),
            el("dt", null, "Report"), el("dd", { class: "mono" }, r.iri))));
      });
      add(root, panel);
    });
  }

  // /?view=gizmo: a console on the Cayley API served beside the explorer
  function gizmoView(root) {
    document.title = "Gizmo console — kg explorer";
    var area = el("textarea", { id: "gizmo-query", spellcheck: "false", "aria-label": "Gizmo query" });
    area.value = sessionStorage.getItem("kg-gizmo") ||
      'g.V("actor:United_States").In("kg:actor").Tag("event").Out("kg:target").Tag("target").Limit(20).All()';
    var out = el("div", { id: "gizmo-result", class: "scroll" });
    function run() {
      sessionStorage.setItem("kg-gizmo", area.value);
      out.textContent = "Running…";
      fetch("/api/v2/query?lang=gizmo", { method: "POST", body: area.value }).then(function (r) {
        return r.json().catch(function () { return { error: r.status + " " + r.statusText }; });
      }).then(function (res) {
        out.textContent = "";
        if (res.error) { add(out, el("p", { class: "error", role: "alert" }, res.error)); return; }
        var rows = res.result || [];
        if (!rows.length) { add(out, el("p", { class: "empty" }, "No results.")); return; }
        var cols = [];
        rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) cols.push(k); }); });
        cols.sort(function (a, b) { return a === "id" ? -1 : b === "id" ? 1 : a < b ? -1 : a > b; });
        add(out, [el("p", { class: "hint" }, rows.length + " rows"), el("table", null,
          el("thead", null, el("tr", null, cols.map(function (c) { return el("th", null, c); }))),
          el("tbody", null, rows.map(function (r) {
            return el("tr", null, cols.map(function (c) { return el("td", { class: "mono" }, r[c] === undefined ? "" : termLink(compact(r[c]))); }));
          })))]);
      }).catch(function (e) { out.textContent = e.message; });
    }
    add(root, [
      el("h1", null, "Gizmo console"),
      el("p", { class: "hint" }, "For what the views do not answer: a Gizmo query on the store (POST /api/v2/query?lang=gizmo). " +
        "Quoted CURIEs such as \"kg:actor\" and \"actor:Donald_Trump\" are expanded; end with .All() or g.Emit(…). Ctrl+Enter runs."),
      area,
      el("p", null, el("button", { type: "button", id: "gizmo-run", onclick: run }, "Run query")),
      out,
    ]);
    area.addEventListener("keydown", function (ev) { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) run(); });
  }
  var PREFIXES = [["kg:", "https://w3id.org/kg/ns#"], ["actor:", "https://w3id.org/kg/id/actor/"], ["event:", "https://w3id.org/kg/id/event/"],
    ["report:", "https://w3id.org/kg/id/report/"], ["article:", "https://w3id.org/kg/id/article/"], ["cameo:", "https://w3id.org/kg/cameo/"]];
  // termLink links actors and events in query results to their views.
  function termLink(t) {
    if (t.indexOf("actor:") === 0) return link(t, { actor: t.slice(6) });
    if (t.indexOf("event:") === 0) return link(t, { event: t.slice(6) });
    return t;
  }
  function compact(v) {
    if (typeof v !== "string") return JSON.stringify(v);
    if (v.charAt(0) === "<" && v.charAt(v.length - 1) === ">") {
      var iri = v.slice(1, -1);
      for (var i = 0; i < PREFIXES.length; i++) if (iri.indexOf(PREFIXES[i][1]) === 0) return PREFIXES[i][0] + iri.slice(PREFIXES[i][1].length);
      return v;
    }
    var m = /^"(.*)"(\^\^<.*>|@[a-zA-Z-]+)?$/.exec(v);
    return m ? m[1].replace(/\\"/g, "\"") : v;
  }

  // ---- start
  initSearch();
  initFilters().then(render, function (e) {
    setStatus("Cannot reach the explorer API: " + e.message, true);
    document.body.dataset.state = "error";
  });
})();
