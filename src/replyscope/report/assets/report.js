/* replyscope report: reads the JSON payload and draws every section.
 *
 * Every string in the payload was scraped from the web and is hostile. Rules kept throughout:
 * nodes are made with createElement and filled with textContent (the `el`/`txt` helpers), never
 * innerHTML; only http(s) URLs become links, with rel="noopener noreferrer"; strings handed to
 * plotly (which reads a little HTML in labels) go through `plotlySafe`; hover boxes are our own
 * DOM, not plotly's. Invisible control characters (bidi overrides, NUL...) are shown as visible
 * marks so a comment cannot disguise itself.
 */
(function () {
  "use strict";

  var TIMES = { start: performance.now() };
  var D = JSON.parse(document.getElementById("replyscope-data").textContent);
  TIMES.parsed = performance.now();
  var C = D.comments;
  var DOCS = D.docs;
  var N = C.doc.length;
  var STANCES = D.stances;
  var SURE_PCT = D.sure_confidence_pct;
  var TAGS = D.tags;
  var STANCE_COLOR = { support: "#2e7d32", deny: "#c62828", query: "#1565c0", comment: "#90a4ae" };
  var UNKNOWN_COLOR = "#cfd8dc";
  var PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#8c6d31", "#843c39", "#7b4173",
    "#3182bd", "#e6550d", "#31a354", "#756bb1",
  ];
  var ROW_PAGE = 50;
  var fmt = new Intl.NumberFormat("en-US");

  /* ---------- safe DOM helpers ---------- */

  // Controls that change how text reads or hide in it: bidi overrides/isolates/marks, C0 controls.
  var HIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;
  function visible(s) {
    return String(s).replace(HIDDEN_CONTROLS, function (ch) {
      var code = ch.charCodeAt(0);
      if (code < 0x20) return String.fromCharCode(0x2400 + code); // control pictures: NUL -> ␀
      if (code === 0x7f) return "\u2421";
      return "[U+" + code.toString(16).toUpperCase().padStart(4, "0") + "]";
    });
  }
  function txt(s) {
    return document.createTextNode(visible(s == null ? "" : s));
  }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var key in attrs) {
        var v = attrs[key];
        if (v == null || v === false) continue;
        if (key === "class") {
          node.className = v;
          if (/\bclickable\b/.test(v)) node.tabIndex = 0; // reachable by keyboard; Enter clicks (below)
        }
        else if (key === "text") node.appendChild(txt(v));
        else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), v);
        else if (key === "style") node.style.cssText = v;
        else node.setAttribute(key, v);
      }
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else if (typeof child === "string" || typeof child === "number") node.appendChild(txt(String(child)));
    else node.appendChild(child);
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }
  function safeHttpUrl(u) {
    if (typeof u !== "string" || !u) return null;
    try {
      var parsed = new URL(u);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }
  function urlNode(u) {
    var href = safeHttpUrl(u);
    if (!href) return u ? el("span", { class: "url", title: "not an http(s) link" }, u) : null;
    var a = el("a", { class: "url", target: "_blank", rel: "noopener noreferrer" }, u);
    a.href = href;
    return a;
  }
  // Plotly reads <b>, <br>, <a href> and entities in labels: escape them so a label stays text.
  function plotlySafe(s, max) {
    s = visible(s == null ? "" : s);
    if (max && s.length > max) s = s.slice(0, max - 1) + "…";
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function clip(s, max) {
    s = s == null ? "" : String(s);
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
  }
  function plural(n, word) {
    return fmt.format(n) + " " + word + (n === 1 ? "" : "s");
  }
  function pct(x) {
    return (100 * x).toFixed(x > 0 && x < 0.1 ? 1 : 0) + "%";
  }
  function section(id) {
    return document.getElementById(id);
  }
  function guard(name, fn) {
    try {
      return fn();
    } catch (err) {
      var target = section(name);
      if (target) append(target, el("p", { class: "warn" }, "This part could not be drawn: " + String(err && err.message)));
      if (window.console) console.warn("replyscope: " + name + ": " + (err && err.stack));
      return null;
    }
  }

  /* ---------- decoded columns ---------- */

  // Offsets are code points; JS strings index UTF-16 units. Pages flagged `astral` get a map.
  function codePointIndex(s) {
    var out = [0];
    var u = 0;
    for (var ch of s) {
      u += ch.length;
      out.push(u);
    }
    return out;
  }
  var SURROGATE = /[\ud800-\udfff]/;
  var docIndexCache = {};
  function docUnits(d) {
    if (!DOCS.astral[d]) return null;
    if (!docIndexCache[d]) docIndexCache[d] = codePointIndex(DOCS.text[d]);
    return docIndexCache[d];
  }

  var TEXT = new Array(N);
  var AT16 = new Int32Array(N).fill(-1); // comment start in its page's text, UTF-16 units
  (function decodeTexts() {
    for (var i = 0; i < N; i++) {
      var at = C.at[i];
      if (at < 0) continue;
      var d = C.doc[i];
      var map = docUnits(d);
      var a = map ? map[at] : at;
      var b = map ? map[at + C.n[i]] : at + C.n[i];
      AT16[i] = a;
      TEXT[i] = DOCS.text[d].slice(a, b);
    }
    for (var k = 0; k < C.explicitIdx.length; k++) TEXT[C.explicitIdx[k]] = C.explicitText[k];
  })();
  // Comments the size budget cut: their full length (the full text is in comments.parquet).
  var CUT = {};
  C.cutIdx.forEach(function (i, k) { CUT[i] = C.cutFull[k]; });

  function commentId(i) {
    if (C.id) return C.id[i];
    return DOCS.id[C.doc[i]] + "-" + String(C.pos[i]).padStart(4, "0");
  }
  function stanceName(i) {
    return C.stance[i] >= 0 ? STANCES[C.stance[i]] : "unknown";
  }
  function tagList(mask) {
    var out = [];
    for (var t = 0; t < TAGS.length; t++) if (mask & (1 << t)) out.push(TAGS[t]);
    return out;
  }
  function tagLabel(t) {
    return String(t).replace(/_/g, " ");
  }
  function authorName(i) {
    return D.authors[C.author[i]] || "";
  }
  function postedLabel(i) {
    var m = C.posted[i];
    if (m != null) return new Date(m * 60000).toISOString().slice(0, 16).replace("T", " ");
    return D.rawDates[C.rawDate[i]] || "";
  }
  function docTitle(d) {
    return DOCS.title[d] || DOCS.id[d];
  }

  // Evidence spans grouped by comment (the payload is sorted by comment).
  var EV = D.evidence;
  var evFirst = new Int32Array(N + 1);
  (function indexEvidence() {
    var counts = new Int32Array(N + 1);
    for (var k = 0; k < EV.c.length; k++) counts[EV.c[k] + 1]++;
    for (var i = 0; i < N; i++) evFirst[i + 1] = evFirst[i] + counts[i + 1];
  })();
  function evidenceOf(i) {
    var out = [];
    var text = TEXT[i] || "";
    var map = SURROGATE.test(text) ? codePointIndex(text) : null;
    for (var k = evFirst[i]; k < evFirst[i + 1]; k++) {
      var a = EV.start[k], b = EV.end[k];
      if (map) {
        a = map[a];
        b = map[b];
      }
      if (a == null || b == null || b <= a || b > text.length) continue;
      out.push({ tag: TAGS[EV.tag[k]], start: a, end: b });
    }
    // the words that decided the comment's stance, marked like rhetoric cues
    var SE = D.stanceEvidence;
    if (SE) for (var s = seFirst[i]; s < seFirst[i + 1]; s++) {
      var sa = SE.start[s], sb = SE.end[s];
      if (map) { sa = map[sa]; sb = map[sb]; }
      if (sa == null || sb == null || sb <= sa || sb > text.length) continue;
      out.push({ tag: "stance: " + stanceName(i), start: sa, end: sb, stance: true });
    }
    out.sort(function (x, y) { return x.start - y.start; });
    return out;
  }
  var seFirst = new Int32Array(N + 1);
  (function indexStanceEvidence() {
    var SE = D.stanceEvidence;
    if (!SE) return;
    var counts = new Int32Array(N + 1);
    for (var k = 0; k < SE.c.length; k++) counts[SE.c[k] + 1]++;
    for (var i = 0; i < N; i++) seFirst[i + 1] = seFirst[i] + counts[i + 1];
  })();

  // Clusters: summary rows in size order; their colour follows that order.
  var CL = D.clusters;
  var clusterRow = {};
  CL.id.forEach(function (id, r) { clusterRow[id] = r; });
  function clusterColor(id) {
    return id in clusterRow ? PALETTE[clusterRow[id] % PALETTE.length] : UNKNOWN_COLOR;
  }
  function clusterName(id) {
    if (id < 0) return "Unclustered";
    var r = clusterRow[id];
    var label = r == null ? "" : CL.label[r];
    return "C" + id + (label ? ": " + label : "");
  }

  /* ---------- small charts in plain DOM ---------- */

  function stanceCounts(indices) {
    var counts = { support: 0, deny: 0, query: 0, comment: 0, unknown: 0 };
    indices.forEach(function (i) { counts[stanceName(i)]++; });
    return counts;
  }
  function stanceBar(shares, total, big) {
    var bar = el("div", { class: "stancebar" + (big ? " big" : ""), role: "img" });
    var parts = [];
    STANCES.concat(["unknown"]).forEach(function (s) {
      var share = shares[s] || 0;
      if (share <= 0) return;
      var label = s + " " + pct(share) + (total != null ? " (" + fmt.format(Math.round(share * total)) + ")" : "");
      parts.push(label);
      bar.appendChild(el("span", { style: "width:" + (100 * share).toFixed(2) + "%;background:" + (STANCE_COLOR[s] || UNKNOWN_COLOR), title: label }));
    });
    bar.setAttribute("aria-label", "stance mix: " + parts.join(", "));
    return bar;
  }
  function sharesOf(counts) {
    var total = 0;
    for (var k in counts) total += counts[k];
    var out = {};
    for (var s in counts) out[s] = total ? counts[s] / total : 0;
    return out;
  }
  function stanceLegend() {
    return el("div", { class: "legend" }, STANCES.map(function (s) {
      return el("span", { class: "key" }, el("i", { style: "background:" + STANCE_COLOR[s] }), s);
    }));
  }
  function hbars(rows, total, onclick) {
    var max = rows.reduce(function (m, r) { return Math.max(m, r[1]); }, 0) || 1;
    return el("div", { class: "hbars" }, rows.map(function (r) {
      var row = el("div", { class: "hbar" + (onclick ? " clickable" : ""), title: onclick ? "list these comments" : null },
        el("span", { class: "hbar-label" }, tagLabel(r[0])),
        el("span", { class: "hbar-track" }, el("span", { class: "hbar-fill", style: "width:" + (100 * r[1] / max).toFixed(1) + "%" })),
        el("span", { class: "hbar-n" }, fmt.format(r[1]) + (total ? " · " + pct(r[1] / total) : "")));
      if (onclick) row.addEventListener("click", function () { onclick(r[0]); });
      return row;
    }));
  }
  function tagChips(mask, onclick) {
    return tagList(mask).map(function (t) {
      var chip = el("span", { class: "chip tag" }, tagLabel(t));
      if (onclick) {
        chip.classList.add("clickable");
        chip.addEventListener("click", function (ev) { ev.stopPropagation(); onclick(t); });
      }
      return chip;
    });
  }
  function stanceChip(i) {
    var s = stanceName(i);
    return el("span", { class: "chip stance", style: "background:" + (STANCE_COLOR[s] || UNKNOWN_COLOR), title: C.conf[i] != null ? "confidence " + C.conf[i] + "%" : null }, s);
  }
  // Comment text with each evidence cue marked: plain text nodes around <mark> nodes.
  function highlighted(i, maxChars) {
    var text = TEXT[i] || "";
    var limit = maxChars && text.length > maxChars ? maxChars : text.length;
    var spans = evidenceOf(i);
    var frag = document.createDocumentFragment();
    var pos = 0;
    spans.forEach(function (sp) {
      if (sp.start < pos || sp.start >= limit) return; // overlapping cues: first one wins
      frag.appendChild(txt(text.slice(pos, sp.start)));
      frag.appendChild(el("mark", { class: sp.stance ? "cue stance-cue" : "cue", title: tagLabel(sp.tag), "data-tag": sp.tag }, text.slice(sp.start, Math.min(sp.end, limit))));
      pos = Math.min(sp.end, limit);
    });
    frag.appendChild(txt(text.slice(pos, limit)));
    if (limit < text.length || (maxChars && CUT[i] != null)) frag.appendChild(el("span", { class: "muted" }, "…"));
    else if (CUT[i] != null) frag.appendChild(el("span", { class: "omitted" }, " [… cut at " + fmt.format(C.n[i]) + " of " + fmt.format(CUT[i]) + " characters to keep this file small; the full text is in comments.parquet]"));
    return frag;
  }

  /* ---------- overview ---------- */

  var ALL = new Int32Array(N);
  for (var i0 = 0; i0 < N; i0++) ALL[i0] = i0;

  function tagTotals(indices) {
    var counts = new Array(TAGS.length).fill(0);
    indices.forEach(function (i) {
      var m = C.tags[i];
      if (!m) return;
      for (var t = 0; t < TAGS.length; t++) if (m & (1 << t)) counts[t]++;
    });
    return counts;
  }

  function drawOverview() {
    var O = D.overview;
    var box = clear(section("overview-body"));
    box.classList.remove("loading");
    var span = O.first ? (O.first.slice(0, 10) === O.last.slice(0, 10) ? O.first.slice(0, 10) : O.first.slice(0, 10) + " → " + O.last.slice(0, 10)) : "no parseable dates";
    var stat = function (label, value, note) {
      return el("div", { class: "stat" }, el("div", { class: "stat-value" }, value), el("div", { class: "stat-label" }, label), note ? el("div", { class: "stat-note" }, note) : null);
    };
    var statusNote = Object.keys(O.status).filter(function (k) { return k !== "ok"; }).map(function (k) { return fmt.format(O.status[k]) + " " + k; }).join(", ");
    box.appendChild(el("div", { class: "stats" },
      stat("pages read", fmt.format(O.pages), O.documents !== O.pages ? "of " + fmt.format(O.documents) + " documents" + (statusNote ? " (" + statusNote + ")" : "") : null),
      stat("pages with comments", fmt.format(O.pages_with_comments), O.pages ? pct(O.pages_with_comments / O.pages) + " of pages" : null),
      stat("comments", fmt.format(O.comments), O.pages_with_comments ? (O.comments / O.pages_with_comments).toFixed(1) + " per page with comments" : null),
      stat("sites", O.sites ? fmt.format(O.sites) : "—", O.sites ? null : "the inputs carried no URLs"),
      stat("time span", el("span", { class: "stat-dates" }, span), O.dated_comments ? fmt.format(O.dated_comments) + " dated comments" : null),
      stat("clusters", fmt.format(CL.id.length))));

    var counts = stanceCounts(ALL);
    var mix = el("div", { class: "panel-box" }, el("h3", null, "Stance mix"), stanceBar(sharesOf(counts), N, true),
      el("div", { class: "legend" }, STANCES.map(function (s) {
        var key = el("span", { class: "key clickable", title: "list these comments" }, el("i", { style: "background:" + STANCE_COLOR[s] }), s + " " + fmt.format(counts[s]) + " (" + pct(N ? counts[s] / N : 0) + ")");
        key.addEventListener("click", function () { showComments({ stance: s }); });
        return key;
      })));
    var busiest = DOCS.id.map(function (_, d) { return d; }).filter(function (d) { return DOCS.ncom[d] > 0; })
      .sort(function (a, b) { return DOCS.ncom[b] - DOCS.ncom[a] || a - b; }).slice(0, 5);
    if (busiest.length) {
      var most = DOCS.ncom[busiest[0]];
      mix.appendChild(el("h3", { class: "spaced" }, "Most commented pages"));
      mix.appendChild(el("div", { class: "hbars" }, busiest.map(function (d) {
        var row = el("div", { class: "hbar wide clickable", title: "show this page" },
          el("span", { class: "hbar-label" }, clip(docTitle(d), 70)),
          el("span", { class: "hbar-track" }, el("span", { class: "hbar-fill alt", style: "width:" + (100 * DOCS.ncom[d] / most).toFixed(1) + "%" })),
          el("span", { class: "hbar-n" }, plural(DOCS.ncom[d], "comment")));
        row.addEventListener("click", function () { openArticle(d); });
        return row;
      })));
    }
    var totals = tagTotals(ALL);
    var rows = TAGS.map(function (t, k) { return [t, totals[k]]; }).filter(function (r) { return r[1] > 0; })
      .sort(function (a, b) { return b[1] - a[1]; }).slice(0, 10);
    var rhet = el("div", { class: "panel-box" }, el("h3", null, "Top rhetoric"),
      rows.length ? hbars(rows, N, function (t) { showComments({ tag: t }); }) : el("p", { class: "muted" }, "No rhetoric tags in this run."));
    box.appendChild(el("div", { class: "grid2" }, mix, rhet));

    var notes = [];
    if (D.comment_cap != null) notes.push(fmt.format(C.cutIdx.length) + " long comments are cut at " + fmt.format(D.comment_cap) + " characters in this file (marked where shown); search and CSV export see only the kept part. Full texts are in comments.parquet.");
    if (D.text_cap != null) notes.push("To keep this file small, page text outside comments is cut after " + fmt.format(D.text_cap) + " characters per page; the full text is in documents.parquet.");
    if (D.sampled) notes.unshift("This run has " + fmt.format(D.sampled.comments_total) + " comments on " + fmt.format(D.sampled.pages_total) + " pages; to stay quick this file lists " + fmt.format(D.sampled.comments) + " of them, on " + fmt.format(D.sampled.pages) + " pages: a seeded sample of whole pages, with every page holding a cluster exemplar. The counts and cluster sizes and shares are of the whole run; the map, the stance mix, the rhetoric counts and the lists show the listed comments. Every comment is in comments.parquet, features.parquet and clusters.parquet.");
    if (!D.sampled && O.pages_listed < O.pages) notes.push(fmt.format(O.pages - O.pages_listed) + " pages without comments are counted but not listed under Articles.");
    notes.forEach(function (n) { box.appendChild(el("p", { class: "note" }, n)); });

    if (O.problems.length) {
      var det = el("details", { class: "problems" }, el("summary", null, plural(O.problems_total, "document") + " not read (skipped, empty or failed)"));
      var table = el("table", { class: "grid small" }, el("thead", null, el("tr", null, ["status", "source", "id", "reason"].map(function (h) { return el("th", null, h); }))));
      var body = el("tbody");
      O.problems.forEach(function (p) {
        body.appendChild(el("tr", null, el("td", null, p.status), el("td", { class: "wrap" }, p.source), el("td", { class: "wrap" }, p.source_id), el("td", { class: "wrap" }, p.error)));
      });
      table.appendChild(body);
      det.appendChild(table);
      box.appendChild(det);
    }
    var M = D.meta;
    box.appendChild(el("p", { class: "muted small" }, "replyscope " + (M.replyscope || "?") + (M.created ? " · run created " + M.created : "") + (M.n_inputs ? " · " + fmt.format(M.n_inputs) + " input" + (M.n_inputs > 1 ? "s" : "") + ": " + clip(M.inputs.map(function (p) { return p.split(/[\\/]/).pop(); }).join(", "), 300) : "")));
  }

  /* ---------- map ---------- */

  var mapState = { mode: "cluster", tag: null, traces: [] };
  var hasWebGL = (function () {
    try {
      var c = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (c.getContext("webgl") || c.getContext("experimental-webgl")));
    } catch (e) {
      return false;
    }
  })();

  function mapGroups() {
    // -> [{name, color, members: Int32Array, faded}]
    var key, names, colors;
    var groups = {};
    var order = [];
    var add = function (k, i) {
      if (!groups[k]) {
        groups[k] = [];
        order.push(k);
      }
      groups[k].push(i);
    };
    for (var i = 0; i < N; i++) {
      if (C.x[i] == null || C.y[i] == null) continue;
      if (mapState.mode === "cluster") key = C.cluster[i];
      else if (mapState.mode === "stance") key = stanceName(i);
      else key = C.tags[i] & (1 << TAGS.indexOf(mapState.tag)) ? "with" : "without";
      add(key, i);
    }
    if (mapState.mode === "cluster") {
      order.sort(function (a, b) {
        var ra = a < 0 ? 1e9 : clusterRow[a] == null ? 1e8 + a : clusterRow[a];
        var rb = b < 0 ? 1e9 : clusterRow[b] == null ? 1e8 + b : clusterRow[b];
        return ra - rb;
      });
      return order.map(function (k) {
        return { name: plotlySafe(clusterName(k), 42) + " (" + fmt.format(groups[k].length) + ")", color: clusterColor(k), members: groups[k], faded: k < 0 };
      });
    }
    if (mapState.mode === "stance") {
      return STANCES.concat(["unknown"]).filter(function (s) { return groups[s]; }).map(function (s) {
        return { name: s + " (" + fmt.format(groups[s].length) + ")", color: STANCE_COLOR[s] || UNKNOWN_COLOR, members: groups[s], faded: s === "unknown" };
      });
    }
    return ["without", "with"].filter(function (k) { return groups[k]; }).map(function (k) {
      return { name: (k === "with" ? "" : "no ") + plotlySafe(tagLabel(mapState.tag)) + " (" + fmt.format(groups[k].length) + ")", color: k === "with" ? "#d81b60" : UNKNOWN_COLOR, members: groups[k], faded: k === "without" };
    });
  }

  function drawMap() {
    var target = section("map-plot");
    var groups = mapGroups();
    TIMES.mapGroups = performance.now();
    var n = groups.reduce(function (s, g) { return s + g.members.length; }, 0);
    var gl = hasWebGL && n > 3000;
    var size = n > 30000 ? 3 : n > 5000 ? 4 : n > 500 ? 6 : 8;
    mapState.traces = groups.map(function (g) { return g.members; });
    var traces = groups.map(function (g) {
      var xs = new Float32Array(g.members.length), ys = new Float32Array(g.members.length);
      g.members.forEach(function (i, k) { xs[k] = C.x[i]; ys[k] = C.y[i]; });
      return {
        type: gl ? "scattergl" : "scatter", mode: "markers", x: xs, y: ys, name: g.name,
        hoverinfo: "none",
        marker: { size: g.faded ? Math.max(2, size - 1) : size, color: g.color, opacity: g.faded ? 0.35 : 0.8, line: { width: 0 } },
      };
    });
    var layout = {
      margin: { l: 10, r: 10, t: 34, b: 10 }, height: n < 300 ? 420 : 560, hovermode: "closest", dragmode: "zoom",
      xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: null },
      legend: { itemsizing: "constant", font: { size: 11 } }, showlegend: true, plot_bgcolor: "#fff", paper_bgcolor: "#fff",
    };
    var config = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"] };
    var done = Plotly.react(target, traces, layout, config);
    if (!target.__replyscopeEvents) {
      target.__replyscopeEvents = true;
      target.on("plotly_hover", function (ev) { showTip(ev); });
      target.on("plotly_unhover", hideTip);
      target.on("plotly_click", function (ev) {
        var p = ev.points && ev.points[0];
        if (!p) return;
        var i = mapState.traces[p.curveNumber][p.pointIndex];
        if (i != null) openComment(i);
      });
    }
    var note = section("map-note");
    var sampledNote = D.sampled ? "The map shows a sample of " + fmt.format(D.sampled.comments) + " of the run's " + fmt.format(D.sampled.comments_total) + " comments (the pages this file lists). " : "";
    if (note) note.textContent = sampledNote + (gl ? "" : !hasWebGL && n > 3000 ? "This browser has no WebGL: the map is drawn as SVG and may be slow." : "");
    return done;
  }

  function showTip(ev) {
    var p = ev.points && ev.points[0];
    if (!p) return;
    var i = mapState.traces[p.curveNumber][p.pointIndex];
    if (i == null) return;
    var tip = clear(section("map-tip"));
    tip.appendChild(el("div", { class: "tip-head" }, el("b", null, authorName(i) || "(no name)"), " · ", stanceChip(i), " ", tagList(C.tags[i]).map(tagLabel).join(", ")));
    tip.appendChild(el("div", { class: "tip-article" }, clip(docTitle(C.doc[i]), 120)));
    tip.appendChild(el("div", { class: "tip-text" }, clip(TEXT[i], 220)));
    tip.appendChild(el("div", { class: "tip-cluster muted" }, clip(clusterName(C.cluster[i]), 80)));
    var wrap = section("map-plot").getBoundingClientRect();
    var e = ev.event || {};
    var x = (e.clientX || 0) - wrap.left + 14, y = (e.clientY || 0) - wrap.top + 14;
    tip.hidden = false;
    if (x + 340 > wrap.width) x = Math.max(0, x - 360);
    if (y + tip.offsetHeight > wrap.height) y = Math.max(0, y - tip.offsetHeight - 28);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() {
    section("map-tip").hidden = true;
  }

  function mapControls() {
    var box = clear(section("map-controls"));
    var mode = el("select", { id: "map-colour", "aria-label": "colour points by" },
      el("option", { value: "cluster" }, "cluster"), el("option", { value: "stance" }, "stance"), el("option", { value: "tag" }, "rhetoric tag"));
    var totals = tagTotals(ALL);
    var ranked = TAGS.map(function (t, k) { return [t, totals[k]]; }).sort(function (a, b) { return b[1] - a[1]; });
    mapState.tag = ranked.length ? ranked[0][0] : null;
    var tagSel = el("select", { id: "map-tag", "aria-label": "rhetoric tag", hidden: true }, ranked.map(function (r) {
      return el("option", { value: r[0] }, tagLabel(r[0]) + " (" + fmt.format(r[1]) + ")");
    }));
    mode.addEventListener("change", function () {
      mapState.mode = mode.value;
      tagSel.hidden = mode.value !== "tag";
      drawMap();
    });
    tagSel.addEventListener("change", function () {
      mapState.tag = tagSel.value;
      drawMap();
    });
    box.appendChild(el("label", null, "Colour by ", mode));
    box.appendChild(tagSel);
    box.appendChild(el("span", { id: "map-note", class: "muted small" }));
  }

  /* ---------- clusters ---------- */

  // How sure the group's side-taking comments are. A bar that is all one colour reads as a
  // settled side; the label may still say "stance unsure", and this line says why (and gives the
  // analyst the number to filter on).
  function sidesConfidence(own) {
    var sum = 0, n = 0, sure = 0;
    own.forEach(function (i) {
      var s = STANCES[C.stance[i]];
      if (s == null || s === "comment" || C.conf[i] == null) return;
      sum += C.conf[i]; n++;
      if (C.conf[i] >= SURE_PCT) sure++;
    });
    if (!n) return null;
    return el("div", { class: "small muted sides-confidence" }, plural(n, "side-taking comment") + ": mean stance confidence " +
      Math.round(sum / n) + "%, " + fmt.format(sure) + " at " + SURE_PCT + "% or more");
  }

  function drawClusters() {
    var box = clear(section("cluster-cards"));
    if (!CL.id.length) {
      box.appendChild(el("p", { class: "muted" }, "No clusters in this run."));
      return;
    }
    box.parentNode.insertBefore(el("div", { class: "cluster-legend" }, el("span", { class: "hint" }, "Groups of comments that argue alike, largest first. Bars show each group's stance mix: "), stanceLegend()), box);
    var members = {};
    for (var i = 0; i < N; i++) (members[C.cluster[i]] = members[C.cluster[i]] || []).push(i);
    var cards = CL.id.map(function (id, r) {
      var own = members[id] || [];
      var size = CL.size[r];
      var shares = {};
      STANCES.forEach(function (s, k) { shares[s] = CL.share[r][k] || 0; });
      var totals = tagTotals(own);
      var profile = TAGS.map(function (t, k) { return [t, totals[k]]; }).filter(function (x) { return x[1] > 0; })
        .sort(function (a, b) { return b[1] - a[1]; }).slice(0, 5);
      var card = el("article", { class: "card", id: "cluster-" + id, style: "border-top-color:" + clusterColor(id) },
        el("div", { class: "card-head" }, el("span", { class: "badge", style: "background:" + clusterColor(id) }, "C" + id),
          el("span", { class: "muted" }, plural(size, "comment") + " · " + pct(N ? size / N : 0))),
        el("h3", { class: "card-title" }, CL.label[r] || "(no label)"),
        stanceBar(shares, size),
        sidesConfidence(own),
        profile.length ? el("div", { class: "profile" }, el("div", { class: "small muted" }, "Rhetoric"), hbars(profile, own.length)) : null,
        CL.keywords[r].length ? el("div", { class: "keywords" }, CL.keywords[r].map(function (k) { return el("span", { class: "chip kw" }, k); })) : null,
        CL.exemplars[r].length ? el("div", { class: "exemplars" }, el("div", { class: "small muted" }, "Nearest the centre"),
          CL.exemplars[r].slice(0, 3).map(function (ci) {
            var q = el("blockquote", { class: "exemplar clickable", title: "open this comment" }, clip(TEXT[ci], 260), el("footer", null, "— " + (authorName(ci) || "(no name)") + ", on " + clip(docTitle(C.doc[ci]), 60)));
            q.addEventListener("click", function () { openComment(ci); });
            return q;
          })) : null,
        el("button", { class: "link", onclick: function () { showComments({ cluster: String(id) }); } }, (own.length === 1 ? "Show its comment →" : "Show its " + fmt.format(own.length) + " comments →")));
      return card;
    });
    var shown = 24;
    cards.slice(0, shown).forEach(function (c) { box.appendChild(c); });
    if (cards.length > shown) {
      var more = el("button", { class: "more" }, "Show all " + fmt.format(cards.length) + " clusters");
      more.addEventListener("click", function () {
        more.remove();
        cards.slice(shown).forEach(function (c) { box.appendChild(c); });
      });
      box.parentNode.appendChild(more);
    }
  }

  /* ---------- patterns ---------- */

  var PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"] };

  function drawPatterns() {
    var promises = [];
    // stance x rhetoric: rows are tags, a row holds the tag's comments split by stance
    var counts = TAGS.map(function () { return STANCES.map(function () { return 0; }); });
    for (var i = 0; i < N; i++) {
      var m = C.tags[i], s = C.stance[i];
      if (!m || s < 0) continue;
      for (var t = 0; t < TAGS.length; t++) if (m & (1 << t)) counts[t][s]++;
    }
    var rows = TAGS.map(function (t, k) { return k; }).filter(function (k) { return counts[k].some(function (v) { return v > 0; }); });
    var heat = section("heatmap");
    if (!rows.length) heat.appendChild(el("p", { class: "muted" }, "No tagged comments."));
    else {
      var z = rows.map(function (k) { var tot = counts[k].reduce(function (a, b) { return a + b; }, 0); return counts[k].map(function (v) { return tot ? v / tot : 0; }); });
      var text = rows.map(function (k) { return counts[k].map(function (v) { return fmt.format(v); }); });
      promises.push(Plotly.newPlot(heat, [{
        type: "heatmap", x: STANCES, y: rows.map(function (k) { return plotlySafe(tagLabel(TAGS[k])); }), z: z, text: text,
        texttemplate: "%{text}", colorscale: [[0, "#f7fbff"], [0.5, "#6baed6"], [1, "#08306b"]], zmin: 0, zmax: 1, showscale: false,
        hovertemplate: "%{y} · %{x}: %{text} comments (%{z:.0%} of the tag)<extra></extra>",
      }], { margin: { l: 150, r: 10, t: 10, b: 40 }, height: 60 + 26 * rows.length, yaxis: { autorange: "reversed" } }, PLOT_CONFIG));
      heat.on("plotly_click", function (ev) {
        var p = ev.points && ev.points[0];
        if (p) showComments({ stance: STANCES[p.pointNumber[1]], tag: TAGS[rows[p.pointNumber[0]]] });
      });
    }

    // per site: stance mix and tag rates, for the sites with most comments
    var bySite = {};
    for (var j = 0; j < N; j++) {
      var site = DOCS.site[C.doc[j]];
      (bySite[site] = bySite[site] || []).push(j);
    }
    var sites = Object.keys(bySite).map(Number).sort(function (a, b) { return bySite[b].length - bySite[a].length; }).slice(0, 15);
    var names = sites.map(function (s) { return plotlySafe(D.sites[s] || "(unknown site)", 40); });
    var siteStance = section("site-stance");
    var knownSites = sites.filter(function (s) { return D.sites[s]; });
    if (!knownSites.length) {
      siteStance.appendChild(el("p", { class: "muted" }, "No site is known for these pages (the inputs carried no URLs), so there is no per-site breakdown; see Articles for each page."));
      sites = [];
    } else if (!sites.length) siteStance.appendChild(el("p", { class: "muted" }, "No comments."));
    else {
      var traces = STANCES.map(function (st) {
        return {
          type: "bar", orientation: "h", name: st, y: names, marker: { color: STANCE_COLOR[st] },
          x: sites.map(function (s) { var c = stanceCounts(bySite[s]); var tot = bySite[s].length; return tot ? c[st] / tot : 0; }),
          customdata: sites.map(function (s) { return bySite[s].length; }),
          hovertemplate: "%{y}: " + st + " %{x:.0%} of %{customdata} comments<extra></extra>",
        };
      });
      promises.push(Plotly.newPlot(siteStance, traces, {
        barmode: "stack", margin: { l: 150, r: 10, t: 30, b: 30 }, height: 80 + 26 * sites.length,
        xaxis: { tickformat: ".0%", range: [0, 1] }, yaxis: { autorange: "reversed" }, legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", traceorder: "normal" },
      }, PLOT_CONFIG));
    }
    var siteTags = section("site-tags");
    var tagRows = TAGS.map(function (t, k) { return k; }).filter(function (k) { return rows.indexOf(k) >= 0; });
    if (sites.length && tagRows.length) {
      var zz = sites.map(function (s) { var tot = tagTotals(bySite[s]); return tagRows.map(function (k) { return bySite[s].length ? tot[k] / bySite[s].length : 0; }); });
      promises.push(Plotly.newPlot(siteTags, [{
        type: "heatmap", x: tagRows.map(function (k) { return plotlySafe(tagLabel(TAGS[k])); }), y: names, z: zz, colorscale: [[0, "#fcfbfd"], [0.5, "#9e9ac8"], [1, "#3f007d"]], zmin: 0, showscale: true, colorbar: { tickformat: ".0%", thickness: 12 },
        hovertemplate: "%{y} · %{x}: %{z:.1%} of comments<extra></extra>",
      }], { margin: { l: 150, r: 10, t: 10, b: 110 }, height: 150 + 26 * sites.length, yaxis: { autorange: "reversed" }, xaxis: { tickangle: -35 } }, PLOT_CONFIG));
    } else siteTags.appendChild(el("p", { class: "muted" }, sites.length ? "No tagged comments." : "No per-site breakdown."));
    return Promise.all(promises);
  }

  /* ---------- articles and the page drill-down ---------- */

  var docComments = DOCS.id.map(function () { return []; });
  for (var c0 = 0; c0 < N; c0++) docComments[C.doc[c0]].push(c0);
  var segFirst = new Int32Array(DOCS.id.length + 1);
  for (var d0 = 0; d0 < DOCS.id.length; d0++) segFirst[d0 + 1] = segFirst[d0] + DOCS.segCount[d0];
  var omitted = {};
  DOCS.omitIdx.forEach(function (p, k) { omitted[p] = DOCS.omitLen[k]; });

  var articleState = { q: "", sort: "comments", page: 0, open: -1 };
  var ARTICLE_PAGE = 25;

  function articleRows() {
    var q = articleState.q.toLowerCase();
    var rows = [];
    for (var d = 0; d < DOCS.id.length; d++) {
      if (q && (docTitle(d) + " " + (D.sites[DOCS.site[d]] || "") + " " + DOCS.url[d]).toLowerCase().indexOf(q) < 0) continue;
      rows.push(d);
    }
    var key = articleState.sort;
    rows.sort(function (a, b) {
      if (key === "title") return docTitle(a).localeCompare(docTitle(b));
      if (key === "site") return (D.sites[DOCS.site[a]] || "").localeCompare(D.sites[DOCS.site[b]] || "") || DOCS.ncom[b] - DOCS.ncom[a];
      return DOCS.ncom[b] - DOCS.ncom[a] || a - b;
    });
    return rows;
  }

  function drawArticles() {
    var box = clear(section("article-table"));
    var search = el("input", { type: "search", placeholder: "Filter by title, site or URL", "aria-label": "filter articles", value: articleState.q });
    search.addEventListener("input", debounce(function () { articleState.q = search.value; articleState.page = 0; drawArticleRows(); }, 150));
    box.appendChild(el("div", { class: "controls" }, search));
    box.appendChild(el("div", { id: "article-rows" }));
    drawArticleRows();
  }

  function drawArticleRows() {
    var box = clear(section("article-rows"));
    var rows = articleRows();
    var pages = Math.max(1, Math.ceil(rows.length / ARTICLE_PAGE));
    articleState.page = Math.min(articleState.page, pages - 1);
    var head = function (label, key) {
      var th = el("th", { class: key ? "sortable" + (articleState.sort === key ? " sorted" : "") : null }, label);
      if (key) th.addEventListener("click", function () { articleState.sort = key; drawArticleRows(); });
      return th;
    };
    var table = el("table", { class: "grid", id: "articles-grid" }, el("thead", null, el("tr", null,
      head("Title", "title"), head("Site", "site"), head("Comments", "comments"), head("Stance mix"), head("Top rhetoric"))));
    var body = el("tbody");
    rows.slice(articleState.page * ARTICLE_PAGE, (articleState.page + 1) * ARTICLE_PAGE).forEach(function (d) {
      var own = docComments[d];
      var totals = tagTotals(own);
      var top = TAGS.map(function (t, k) { return [t, totals[k]]; }).filter(function (x) { return x[1] > 0; }).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 3);
      var tr = el("tr", { class: "clickable" + (articleState.open === d ? " selected" : ""), "data-doc": String(d), title: "show this page" },
        el("td", { class: "wrap title-cell" }, clip(docTitle(d), 160)),
        el("td", null, clip(D.sites[DOCS.site[d]] || "", 40)),
        el("td", { class: "num" }, fmt.format(DOCS.ncom[d])),
        el("td", { class: "mix" }, own.length ? stanceBar(sharesOf(stanceCounts(own)), own.length) : el("span", { class: "muted" }, "—")),
        el("td", null, top.map(function (x) { return el("span", { class: "chip tag" }, tagLabel(x[0]) + " " + x[1]); })));
      tr.addEventListener("click", function () { openArticle(d); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    box.appendChild(pager(articleState.page, pages, rows.length, "articles", function (p) { articleState.page = p; drawArticleRows(); }));
  }

  function openArticle(d, focusComment) {
    articleState.open = d;
    drawArticleRows();
    var box = clear(section("drilldown"));
    var own = docComments[d];
    var roleCounts = {};
    var seg = segFirst[d], end = segFirst[d + 1];
    for (var p = seg; p < end; p++) roleCounts[D.roles[DOCS.segRole[p]]] = (roleCounts[D.roles[DOCS.segRole[p]]] || 0) + 1;
    box.appendChild(el("div", { class: "drill-head" },
      el("button", { class: "close", title: "close", onclick: function () { clear(box); articleState.open = -1; drawArticleRows(); } }, "×"),
      el("h3", null, docTitle(d)),
      el("div", { class: "muted small" }, [D.sites[DOCS.site[d]] ? D.sites[DOCS.site[d]] + " · " : "", urlNode(DOCS.url[d]), DOCS.url[d] ? " · " : "", plural(own.length, "comment"), " · ", DOCS.source[d] ? "source " + DOCS.source[d] + " · " : "", "id ", DOCS.id[d]]),
      own.length ? stanceBar(sharesOf(stanceCounts(own)), own.length, true) : null,
      el("div", { class: "legend roles" }, D.roles.filter(function (r) { return roleCounts[r]; }).map(function (r) {
        return el("span", { class: "key" }, el("i", { class: "role-" + r }), r.replace(/_/g, " ") + " (" + roleCounts[r] + ")");
      }))));

    // Comment spans in this page's text (UTF-16), to mark inside the comment_body pieces.
    var marks = own.filter(function (i) { return AT16[i] >= 0; }).map(function (i) { return [AT16[i], AT16[i] + TEXT[i].length, i]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var text = DOCS.text[d];
    var map = docUnits(d);
    var page = el("div", { class: "page-text" });
    var cp = 0; // code point offset of the current piece
    for (var q = seg; q < end; q++) {
      var role = D.roles[DOCS.segRole[q]];
      var len = DOCS.segLen[q];
      var a = map ? map[cp] : cp, b = map ? map[cp + len] : cp + len;
      cp += len;
      var piece = el("span", { class: "piece role-" + role, title: role.replace(/_/g, " ") });
      if (role === "comment_body") fillMarks(piece, text, a, b, marks);
      else if (a < b) piece.appendChild(txt(text.slice(a, b)));
      if (a < b) page.appendChild(piece);
      if (omitted[q]) page.appendChild(el("span", { class: "omitted" }, " [… " + fmt.format(omitted[q]) + " more characters of " + role + " not embedded in this report] "));
    }
    box.appendChild(page);
    var target = focusComment != null ? page.querySelector('mark[data-cidx="' + focusComment + '"]') : null;
    (target || box).scrollIntoView({ block: target ? "center" : "start" });
    if (target) target.classList.add("focus");
  }

  function fillMarks(piece, text, a, b, marks) {
    var pos = a;
    marks.forEach(function (m) {
      var s = Math.max(m[0], pos), e = Math.min(m[1], b);
      if (e <= s) return;
      piece.appendChild(txt(text.slice(pos, s)));
      var i = m[2];
      var mark = el("mark", { class: "comment-mark stance-" + stanceName(i), "data-cidx": String(i), title: (authorName(i) || "(no name)") + " · " + stanceName(i) + " · open in the comment table" }, text.slice(s, e));
      mark.addEventListener("click", function () { openComment(i); });
      piece.appendChild(mark);
      pos = e;
    });
    if (pos < b) piece.appendChild(txt(text.slice(pos, b)));
  }

  /* ---------- across pages: timeline, campaigns, commenters, syndication ---------- */

  var AC = D.across || { campaigns: { id: [], members: [] }, commenters: { name: [] }, syndication: { id: [], docs: [] } };
  var CAMPS = AC.campaigns;
  var CAMPAIGN_OF = new Int32Array(N).fill(-1); // comment -> campaign id, -1 when in none
  CAMPS.id.forEach(function (id, r) { CAMPS.members[r].forEach(function (i) { CAMPAIGN_OF[i] = id; }); });
  var campaignRow = {};
  CAMPS.id.forEach(function (id, r) { campaignRow[id] = r; });
  var CAMPAIGN_PAGE = 10;
  var campaignState = { page: 0 };

  function siteOf(i) {
    return D.sites[DOCS.site[C.doc[i]]] || "";
  }
  function dayLabel(iso) {
    return iso ? iso.slice(0, 16).replace("T", " ") : "";
  }
  function spanLabel(first, last) {
    if (!first || !last) return "no post carries a time";
    var hours = (Date.parse(last + "Z") - Date.parse(first + "Z")) / 3.6e6;
    var span = hours < 1 ? Math.round(hours * 60) + " min" : hours < 48 ? hours.toFixed(1) + " h" : (hours / 24).toFixed(1) + " days";
    return dayLabel(first) + " → " + dayLabel(last) + " (" + span + ")";
  }

  // A strip of the campaign's posts over its time span: one dot per dated post, click to open it.
  function timeStrip(members) {
    var dated = members.filter(function (i) { return C.posted[i] != null; });
    if (dated.length < 2) return null;
    var lo = Infinity, hi = -Infinity;
    dated.forEach(function (i) { lo = Math.min(lo, C.posted[i]); hi = Math.max(hi, C.posted[i]); });
    var strip = el("div", { class: "strip", role: "img", "aria-label": "posts over time" });
    dated.forEach(function (i) {
      var left = hi > lo ? (100 * (C.posted[i] - lo) / (hi - lo)) : 50;
      var dot = el("i", { style: "left:" + left.toFixed(2) + "%", title: postedLabel(i) + " · " + clip(docTitle(C.doc[i]), 80) + (siteOf(i) ? " · " + siteOf(i) : "") });
      dot.addEventListener("click", function () { openComment(i); });
      strip.appendChild(dot);
    });
    return el("div", null, strip, el("div", { class: "strip-ends" }, el("span", null, postedLabel(dated.reduce(function (a, b) { return C.posted[a] <= C.posted[b] ? a : b; }))),
      el("span", null, postedLabel(dated.reduce(function (a, b) { return C.posted[a] >= C.posted[b] ? a : b; })))));
  }

  function campaignCard(r) {
    var id = CAMPS.id[r];
    var members = CAMPS.members[r];
    var posts = el("table", { class: "grid small posts" }, el("thead", null, el("tr", null,
      ["Page", "Site", "Author", "Posted", "Similarity", "Text"].map(function (h) { return el("th", null, h); }))));
    var body = el("tbody");
    members.forEach(function (i, k) {
      var d = C.doc[i];
      var page = el("button", { class: "link", title: "show this page" }, clip(docTitle(d), 70));
      page.addEventListener("click", function (e) { e.stopPropagation(); openArticle(d, i); });
      var tr = el("tr", { class: "clickable campaign-post", "data-cidx": String(i), title: "open this comment" },
        el("td", { class: "wrap" }, page), el("td", null, clip(siteOf(i), 30)), el("td", { class: "wrap" }, clip(authorName(i) || "(no name)", 30)),
        el("td", null, postedLabel(i) || "—"), el("td", { class: "num" }, (CAMPS.memberSim[r][k] != null ? CAMPS.memberSim[r][k] + "%" : "—")),
        el("td", { class: "wrap" }, clip(TEXT[i], 160)));
      tr.addEventListener("click", function () { openComment(i); });
      body.appendChild(tr);
    });
    posts.appendChild(body);
    var details = el("details", { class: "campaign-posts" }, el("summary", null, "Its " + plural(members.length, "post") + " and pages"), posts);
    return el("article", { class: "campaign", id: "campaign-" + id },
      el("div", { class: "campaign-head" }, el("b", null, "Campaign " + id),
        el("span", null, plural(CAMPS.size[r], "post")), el("span", null, plural(CAMPS.pages[r], "page")),
        el("span", null, plural(CAMPS.sites[r], "site")), el("span", null, plural(CAMPS.authors[r], "name")),
        el("span", { class: "muted small" }, "mean similarity " + Math.round(100 * CAMPS.sim[r]) + "%"),
        el("span", { class: "muted small" }, spanLabel(CAMPS.first[r], CAMPS.last[r]))),
      el("div", { class: "campaign-text" }, CAMPS.text[r]),
      CAMPS.siteList[r].length ? el("div", null, CAMPS.siteList[r].map(function (s) { return el("span", { class: "chip kw" }, s); })) : null,
      timeStrip(members),
      details,
      el("button", { class: "link show-campaign", onclick: function () { showComments({ campaign: String(id) }); } }, "Show its " + plural(members.length, "post") + " in the comment table →"));
  }

  function drawCampaigns() {
    var box = clear(section("campaign-list"));
    if (!AC.stage_ran && !CAMPS.id.length) {
      box.appendChild(el("p", { class: "muted" }, "The across-pages stage has not run for this report (run `replyscope across RUN_DIR`, then rebuild the report)."));
      return;
    }
    if (!CAMPS.id.length) {
      box.appendChild(el("p", { class: "muted" }, "No copy-paste campaign: no comment was posted, near-identically, under several pages."));
      return;
    }
    var pages = Math.max(1, Math.ceil(CAMPS.id.length / CAMPAIGN_PAGE));
    campaignState.page = Math.min(campaignState.page, pages - 1);
    box.appendChild(el("p", { class: "muted small" }, plural(CAMPS.total, "campaign") + (CAMPS.total > CAMPS.id.length ? " (the " + fmt.format(CAMPS.id.length) + " largest listed; all are in campaigns.parquet)" : "") + ", largest first."));
    for (var r = campaignState.page * CAMPAIGN_PAGE; r < Math.min(CAMPS.id.length, (campaignState.page + 1) * CAMPAIGN_PAGE); r++) box.appendChild(campaignCard(r));
    if (pages > 1) box.appendChild(pager(campaignState.page, pages, CAMPS.id.length, "campaigns", function (p) { campaignState.page = p; drawCampaigns(); }));
  }

  var commenterState = { page: 0, several: true };
  function drawCommenters() {
    var CM = AC.commenters;
    var box = clear(section("commenter-table"));
    if (!CM.name.length) {
      box.appendChild(el("p", { class: "muted" }, "No comment in this run carries an author's name."));
      return;
    }
    var rows = [];
    for (var r = 0; r < CM.name.length; r++) if (!commenterState.several || CM.articles[r] > 1) rows.push(r);
    var toggle = el("input", { type: "checkbox", id: "commenters-several" });
    toggle.checked = commenterState.several;
    toggle.addEventListener("change", function () { commenterState.several = toggle.checked; commenterState.page = 0; drawCommenters(); });
    box.appendChild(el("div", { class: "controls" }, el("label", null, toggle, " only names seen under more than one article"),
      el("span", { class: "muted small" }, fmt.format(CM.several) + " of " + plural(CM.total, "name") + " appear under more than one article" + (CM.total > CM.name.length ? "; the " + fmt.format(CM.name.length) + " most widespread are listed, all are in commenters.parquet" : ""))));
    var pages = Math.max(1, Math.ceil(rows.length / ROW_PAGE));
    commenterState.page = Math.min(commenterState.page, pages - 1);
    var table = el("table", { class: "grid", id: "commenters-grid" }, el("thead", null, el("tr", null,
      ["Name", "Comments", "Articles", "Sites", "Seen", "Stance mix", "Top rhetoric"].map(function (h) { return el("th", null, h); }))));
    var body = el("tbody");
    rows.slice(commenterState.page * ROW_PAGE, (commenterState.page + 1) * ROW_PAGE).forEach(function (r) {
      var shares = {};
      STANCES.forEach(function (s, k) { shares[s] = CM.share[r][k] || 0; });
      var display = CM.display[r][0] || CM.name[r];
      var tr = el("tr", { class: "clickable commenter-row", title: "list this name's comments" },
        el("td", { class: "wrap" }, clip(display, 40), CM.display[r].length > 1 ? el("div", { class: "muted small" }, "also written: " + clip(CM.display[r].slice(1).join(", "), 80)) : null),
        el("td", { class: "num" }, fmt.format(CM.comments[r])), el("td", { class: "num" }, fmt.format(CM.articles[r])),
        el("td", { class: "wrap small" }, fmt.format(CM.sites[r]) + (CM.siteList[r].length ? ": " + clip(CM.siteList[r].join(", "), 80) : "")),
        el("td", { class: "small" }, CM.first[r] ? (CM.first[r].slice(0, 10) === CM.last[r].slice(0, 10) ? CM.first[r].slice(0, 10) : CM.first[r].slice(0, 10) + " → " + CM.last[r].slice(0, 10)) : "—"),
        el("td", { class: "mix" }, stanceBar(shares, CM.comments[r])),
        el("td", null, CM.top[r].map(function (t) { return el("span", { class: "chip tag" }, tagLabel(t)); })));
      tr.addEventListener("click", function () { showComments({ author: display }); });
      body.appendChild(tr);
    });
    if (!rows.length) body.appendChild(el("tr", null, el("td", { colspan: "7", class: "muted" }, "No name appears under more than one article.")));
    table.appendChild(body);
    box.appendChild(table);
    box.appendChild(pager(commenterState.page, pages, rows.length, "names", function (p) { commenterState.page = p; drawCommenters(); }));
  }

  function drawSyndication() {
    var SY = AC.syndication;
    var box = clear(section("syndication-groups"));
    if (!SY.id.length) {
      box.appendChild(el("p", { class: "muted" }, "No two pages carry the same article body."));
      return;
    }
    box.appendChild(el("p", { class: "muted small" }, plural(SY.total, "piece") + " found on more than one page."));
    SY.id.forEach(function (gid, g) {
      var cols = el("div", { class: "synd-cols" }, SY.docs[g].map(function (d, k) {
        var own = docComments[d];
        var open = el("button", { class: "link" }, "Open this page →");
        open.addEventListener("click", function () { openArticle(d); });
        return el("div", { class: "synd-col", "data-doc": String(d) },
          el("h4", null, clip(docTitle(d), 120)),
          el("div", { class: "muted small" }, [D.sites[DOCS.site[d]] || "(unknown site)", " · ", plural(own.length, "comment"), " · body overlap " + SY.sim[g][k] + "%"]),
          el("div", { class: "small" }, urlNode(DOCS.url[d])),
          own.length ? stanceBar(sharesOf(stanceCounts(own)), own.length) : null,
          own.slice(0, 5).map(function (i) {
            var q = el("blockquote", { class: "clickable", title: "open this comment" }, clip(TEXT[i], 200), el("footer", { class: "muted" }, "— " + (authorName(i) || "(no name)")));
            q.addEventListener("click", function () { openComment(i); });
            return q;
          }),
          own.length > 5 ? el("button", { class: "link", onclick: function () { showComments({ doc: String(d) }); } }, "All " + fmt.format(own.length) + " comments →") : null,
          open);
      }));
      box.appendChild(el("div", { class: "synd-group", id: "syndication-" + gid }, el("h3", null, "Piece " + gid + ": " + plural(SY.docs[g].length, "page")), cols));
    });
  }

  // Comments per time bin, stacked by stance, with campaign posts as a line: needs plotly.
  function drawTimeline() {
    var target = section("timeline-plot");
    var lo = Infinity, hi = -Infinity, dated = 0;
    for (var i = 0; i < N; i++) {
      var m = C.posted[i];
      if (m == null) continue;
      dated++;
      if (m < lo) lo = m;
      if (m > hi) hi = m;
    }
    if (!dated) {
      append(clear(target), el("p", { class: "muted" }, "No comment carries a parseable time, so there is no timeline."));
      return null;
    }
    var binMinutes = hi - lo < 3 * 1440 ? 60 : 1440;
    var start = Math.floor(lo / binMinutes) * binMinutes;
    var bins = Math.floor((hi - start) / binMinutes) + 1;
    if (bins > 5000) { binMinutes = 7 * 1440; start = Math.floor(lo / binMinutes) * binMinutes; bins = Math.floor((hi - start) / binMinutes) + 1; }
    var counts = STANCES.concat(["unknown"]).map(function () { return new Array(bins).fill(0); });
    var inCampaign = new Array(bins).fill(0);
    for (var j = 0; j < N; j++) {
      if (C.posted[j] == null) continue;
      var b = Math.floor((C.posted[j] - start) / binMinutes);
      counts[C.stance[j] >= 0 ? C.stance[j] : STANCES.length][b]++;
      if (CAMPAIGN_OF[j] >= 0) inCampaign[b]++;
    }
    var xs = [];
    for (var k = 0; k < bins; k++) xs.push(new Date((start + k * binMinutes) * 60000).toISOString());
    var traces = STANCES.concat(["unknown"]).map(function (s, q) {
      return { type: "bar", name: s, x: xs, y: counts[q], marker: { color: STANCE_COLOR[s] || UNKNOWN_COLOR }, hovertemplate: "%{x}: %{y} " + s + "<extra></extra>" };
    });
    if (CAMPS.id.length) traces.push({ type: "scatter", mode: "lines+markers", name: "campaign posts", x: xs, y: inCampaign, line: { color: "#d81b60", width: 2 }, marker: { size: 5 } });
    clear(target);
    return Plotly.newPlot(target, traces, {
      barmode: "stack", height: 300, margin: { l: 40, r: 10, t: 10, b: 40 }, bargap: 0.1,
      legend: { orientation: "h", y: 1.1 }, xaxis: { type: "date" }, yaxis: { title: { text: "comments per " + (binMinutes === 60 ? "hour" : binMinutes === 1440 ? "day" : "week") } },
    }, PLOT_CONFIG);
  }

  /* ---------- comments table ---------- */

  var filters = { q: "", cluster: "", stance: "", conf: "", tag: "", doc: "", author: "", campaign: "", sort: "page" };
  var tableState = { page: 0, open: -1, rows: ALL };
  var lowerText = null;

  function matches() {
    var q = filters.q.trim().toLowerCase();
    var author = filters.author.trim().toLowerCase();
    var cl = filters.cluster === "" ? null : Number(filters.cluster);
    var st = filters.stance === "" ? null : filters.stance === "unknown" ? -1 : STANCES.indexOf(filters.stance);
    var bit = filters.tag === "" ? 0 : 1 << TAGS.indexOf(filters.tag);
    var minConf = filters.conf === "" ? 0 : Number(filters.conf);
    var doc = filters.doc === "" ? null : Number(filters.doc);
    var camp = filters.campaign === "" ? null : filters.campaign === "any" ? -2 : Number(filters.campaign);
    if (q && !lowerText) {
      lowerText = new Array(N);
      for (var k = 0; k < N; k++) lowerText[k] = ((TEXT[k] || "") + "\n" + authorName(k)).toLowerCase();
    }
    var authorLower = author ? D.authors.map(function (a) { return a.toLowerCase().indexOf(author) >= 0; }) : null;
    var out = [];
    for (var i = 0; i < N; i++) {
      if (cl !== null && C.cluster[i] !== cl) continue;
      if (st !== null && C.stance[i] !== st) continue;
      if (minConf && !(C.conf[i] >= minConf)) continue;
      if (bit && !(C.tags[i] & bit)) continue;
      if (doc !== null && C.doc[i] !== doc) continue;
      if (camp !== null && (camp === -2 ? CAMPAIGN_OF[i] < 0 : CAMPAIGN_OF[i] !== camp)) continue;
      if (authorLower && !authorLower[C.author[i]]) continue;
      if (q && lowerText[i].indexOf(q) < 0) continue;
      out.push(i);
    }
    var by = {
      newest: function (a, b) { return (C.posted[b] == null ? -Infinity : C.posted[b]) - (C.posted[a] == null ? -Infinity : C.posted[a]) || a - b; },
      longest: function (a, b) { return (TEXT[b] || "").length - (TEXT[a] || "").length || a - b; },
      negative: function (a, b) { return (C.sent[a] == null ? 0 : C.sent[a]) - (C.sent[b] == null ? 0 : C.sent[b]) || a - b; },
      positive: function (a, b) { return (C.sent[b] == null ? 0 : C.sent[b]) - (C.sent[a] == null ? 0 : C.sent[a]) || a - b; },
    }[filters.sort];
    if (by) out.sort(by);
    return out;
  }

  var controls = {};
  function drawCommentFilters() {
    var box = clear(section("comment-filters"));
    var option = function (value, label) { return el("option", { value: value }, label); };
    controls.q = el("input", { type: "search", id: "f-q", placeholder: "Search comment text or author", "aria-label": "search comments" });
    controls.cluster = el("select", { id: "f-cluster", "aria-label": "cluster" }, option("", "all clusters"),
      CL.id.map(function (id) { return option(String(id), clip(clusterName(id), 60)); }), option("-1", "Unclustered"));
    controls.stance = el("select", { id: "f-stance", "aria-label": "stance" }, option("", "any stance"), STANCES.map(function (s) { return option(s, s); }), option("unknown", "unknown"));
    controls.conf = el("select", { id: "f-conf", "aria-label": "stance confidence" }, option("", "any confidence"),
      [50, 70, 90].map(function (c) { return option(String(c), "confidence ≥ " + c + "%"); }));
    controls.tag = el("select", { id: "f-tag", "aria-label": "rhetoric tag" }, option("", "any rhetoric"), TAGS.map(function (t) { return option(t, tagLabel(t)); }));
    var docsByCount = DOCS.id.map(function (_, d) { return d; }).filter(function (d) { return DOCS.ncom[d] > 0; })
      .sort(function (a, b) { return DOCS.ncom[b] - DOCS.ncom[a] || a - b; }).slice(0, 1000);
    controls.doc = el("select", { id: "f-doc", "aria-label": "article" }, option("", "all articles"),
      docsByCount.map(function (d) { return option(String(d), clip(docTitle(d), 70) + " (" + DOCS.ncom[d] + ")"); }));
    controls.author = el("input", { type: "search", id: "f-author", placeholder: "Author", "aria-label": "author contains" });
    controls.campaign = el("select", { id: "f-campaign", "aria-label": "campaign" }, option("", "any campaign or none"),
      CAMPS.id.length ? option("any", "in a campaign") : null, CAMPS.id.map(function (id, r) { return option(String(id), "campaign " + id + " (" + CAMPS.members[r].length + ")"); }));
    controls.sort = el("select", { id: "f-sort", "aria-label": "order" }, option("page", "page order"), option("newest", "newest first"),
      option("longest", "longest first"), option("negative", "most negative"), option("positive", "most positive"));
    var onChange = function () {
      for (var k in controls) filters[k] = controls[k].value;
      tableState.page = 0;
      tableState.open = -1;
      refreshTable();
    };
    controls.q.addEventListener("input", debounce(onChange, 200));
    controls.author.addEventListener("input", debounce(onChange, 200));
    ["cluster", "stance", "conf", "tag", "doc", "campaign", "sort"].forEach(function (k) { controls[k].addEventListener("change", onChange); });
    var reset = el("button", { id: "f-reset" }, "Reset");
    reset.addEventListener("click", function () { setFilters({}); });
    var exportButton = el("button", { id: "export-csv", title: "download the filtered comments as CSV" }, "Export CSV");
    exportButton.addEventListener("click", exportCsv);
    box.appendChild(el("div", { class: "filter-row" }, controls.q, controls.author, controls.cluster, controls.stance, controls.conf, controls.tag, controls.doc, controls.campaign, controls.sort, reset, exportButton));
    box.appendChild(el("div", { id: "comment-count", class: "muted small", "aria-live": "polite" }));
  }

  function setFilters(next) {
    for (var k in filters) filters[k] = next[k] != null ? String(next[k]) : k === "sort" ? "page" : "";
    if (filters.doc !== "" && !controls.doc.querySelector('option[value="' + Number(filters.doc) + '"]')) {
      var d = Number(filters.doc);
      controls.doc.appendChild(el("option", { value: String(d) }, clip(docTitle(d), 70) + " (" + DOCS.ncom[d] + ")"));
    }
    for (var c in controls) controls[c].value = filters[c];
    tableState.page = 0;
    tableState.open = -1;
    refreshTable();
  }
  function showComments(next) {
    setFilters(next);
    section("comments").scrollIntoView({ block: "start" });
  }

  function refreshTable() {
    tableState.rows = matches();
    drawCommentRows();
  }

  function drawCommentRows() {
    var rows = tableState.rows;
    section("comment-count").textContent = fmt.format(rows.length) + " of " + fmt.format(N) + " comments";
    var box = clear(section("comment-table"));
    var pages = Math.max(1, Math.ceil(rows.length / ROW_PAGE));
    tableState.page = Math.min(tableState.page, pages - 1);
    var table = el("table", { class: "grid comments", id: "comments-grid" }, el("thead", null, el("tr", null,
      ["Comment", "Author", "Article", "Stance", "Rhetoric", "Cluster"].map(function (h) { return el("th", null, h); }))));
    var body = el("tbody");
    rows.slice(tableState.page * ROW_PAGE, (tableState.page + 1) * ROW_PAGE).forEach(function (i) {
      var tr = el("tr", { class: "clickable comment-row" + (tableState.open === i ? " selected" : ""), "data-cidx": String(i) },
        el("td", { class: "wrap text-cell" }, highlighted(i, 280)),
        el("td", { class: "wrap" }, clip(authorName(i), 40)),
        el("td", { class: "wrap small" }, clip(docTitle(C.doc[i]), 80)),
        el("td", null, stanceChip(i)),
        el("td", null, tagChips(C.tags[i], function (t) { setFilters({ tag: t }); })),
        el("td", { class: "small" }, el("span", { class: "badge", style: "background:" + clusterColor(C.cluster[i]) }, C.cluster[i] < 0 ? "–" : "C" + C.cluster[i])));
      tr.addEventListener("click", function () {
        tableState.open = tableState.open === i ? -1 : i;
        drawCommentRows();
      });
      body.appendChild(tr);
      if (tableState.open === i) body.appendChild(el("tr", { class: "detail-row" }, el("td", { colspan: "6" }, commentDetail(i))));
    });
    if (!rows.length) body.appendChild(el("tr", null, el("td", { colspan: "6", class: "muted" }, "No comment matches these filters.")));
    table.appendChild(body);
    box.appendChild(table);
    box.appendChild(pager(tableState.page, pages, rows.length, "comments", function (p) { tableState.page = p; drawCommentRows(); }));
  }

  function commentDetail(i) {
    var d = C.doc[i];
    var ev = evidenceOf(i);
    var parent = C.parent[i];
    var facts = [
      ["id", commentId(i)],
      ["author", authorName(i) || "(no name)"],
      ["posted", postedLabel(i) || "—"],
      ["stance", stanceName(i) + (C.conf[i] != null ? " (" + C.conf[i] + "% confidence)" : "")],
      ["sentiment", C.sent[i] != null ? (C.sent[i] / 100).toFixed(2) : "—"],
      ["words", C.words[i] != null ? fmt.format(C.words[i]) : "—"],
      ["cluster", clusterName(C.cluster[i])],
      ["depth", String(C.depth[i])],
    ].concat(CAMPAIGN_OF[i] >= 0 ? [["campaign", "campaign " + CAMPAIGN_OF[i] + " (" + plural(CAMPS.size[campaignRow[CAMPAIGN_OF[i]]], "post") + ")"]] : []);
    var box = el("div", { class: "detail" },
      el("div", { class: "detail-text" }, highlighted(i)),
      ev.length ? el("div", { class: "evidence" }, el("span", { class: "small muted" }, "Why this stance and these tags: "), ev.map(function (sp) {
        return el("span", { class: "chip cue-chip" }, tagLabel(sp.tag) + ": “" + clip(TEXT[i].slice(sp.start, sp.end), 60) + "”");
      })) : null,
      el("dl", { class: "facts" }, facts.map(function (f) { return [el("dt", null, f[0]), el("dd", null, f[1])]; })),
      el("div", { class: "detail-links" },
        el("button", { class: "link", onclick: function (e) { e.stopPropagation(); openArticle(d, i); } }, "Show in page: " + clip(docTitle(d), 80)),
        parent >= 0 ? el("button", { class: "link", onclick: function (e) { e.stopPropagation(); openComment(parent); } }, "In reply to " + (authorName(parent) || "(no name)")) : null,
        urlNode(DOCS.url[d])));
    box.addEventListener("click", function (e) { e.stopPropagation(); });
    return box;
  }

  // Open one comment in the table: keep the filters if it passes them, else clear them.
  function openComment(i) {
    var at = tableState.rows.indexOf(i);
    if (at < 0) {
      setFilters({});
      at = tableState.rows.indexOf(i);
    }
    tableState.page = Math.floor(at / ROW_PAGE);
    tableState.open = i;
    drawCommentRows();
    var row = section("comment-table").querySelector('tr[data-cidx="' + i + '"]');
    if (row) row.scrollIntoView({ block: "center" });
  }

  function pager(page, pages, total, noun, go) {
    var prev = el("button", { class: "prev", disabled: page <= 0 ? "disabled" : null }, "‹ Prev");
    var next = el("button", { class: "next", disabled: page >= pages - 1 ? "disabled" : null }, "Next ›");
    prev.addEventListener("click", function () { go(page - 1); });
    next.addEventListener("click", function () { go(page + 1); });
    return el("div", { class: "pager" }, prev, el("span", { class: "muted small" }, "page " + fmt.format(page + 1) + " of " + fmt.format(pages) + " · " + fmt.format(total) + " " + noun), next);
  }

  /* ---------- CSV export ---------- */

  // Spreadsheet apps run a cell that starts with = + - @ as a formula: defuse text cells.
  function csvCell(value, isText) {
    var s = value == null ? "" : String(value);
    if (isText && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csvRows(rows) {
    var head = ["comment_id", "doc_id", "article_title", "site", "url", "author", "posted", "stance", "stance_confidence", "tags", "cluster", "cluster_label", "sentiment", "text", "text_cut"];
    var lines = [head.join(",")];
    rows.forEach(function (i) {
      var d = C.doc[i];
      var r = clusterRow[C.cluster[i]];
      lines.push([
        csvCell(commentId(i), true), csvCell(DOCS.id[d], true), csvCell(docTitle(d), true), csvCell(D.sites[DOCS.site[d]], true),
        csvCell(DOCS.url[d], true), csvCell(authorName(i), true), csvCell(postedLabel(i), true), csvCell(stanceName(i)),
        csvCell(C.conf[i] != null ? C.conf[i] / 100 : ""), csvCell(tagList(C.tags[i]).join(";"), true), csvCell(C.cluster[i]),
        csvCell(r == null ? "" : CL.label[r], true), csvCell(C.sent[i] != null ? C.sent[i] / 100 : ""), csvCell(TEXT[i], true), CUT[i] != null ? "true" : "false",
      ].join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  function exportCsv() {
    var blob = new Blob(["\ufeff" + csvRows(tableState.rows)], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { download: "replyscope-comments.csv", href: url, style: "display:none" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  /* ---------- go ---------- */

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if ((ev.key === "Enter" || ev.key === " ") && t && t.classList && t.classList.contains("clickable")) {
      ev.preventDefault();
      t.click();
    }
  });

  var runName = section("run-name");
  if (runName && D.meta.created) runName.textContent = "· run " + D.meta.created.slice(0, 19).replace("T", " ");
  TIMES.decoded = performance.now();
  guard("overview", drawOverview);
  guard("map", mapControls);
  guard("clusters", drawClusters);
  guard("campaigns", drawCampaigns);
  guard("commenters", drawCommenters);
  guard("syndication", drawSyndication);
  guard("articles", drawArticles);
  guard("comments", drawCommentFilters);
  guard("comments", refreshTable);
  TIMES.content = performance.now();

  // Charts need plotly, whose evaluation is the slowest step of opening the page: run it once
  // the sections above have painted, so a reader can start on them at once.
  function loadPlotly() {
    if (!window.Plotly) {
      var script = document.createElement("script");
      script.textContent = document.getElementById("plotly-source").textContent;
      document.head.appendChild(script); // runs now, synchronously; the CSP allows it by hash
    }
    TIMES.plotly = performance.now();
    clear(section("map-plot"));
    var mapDone = guard("map", drawMap);
    TIMES.mapCalled = performance.now();
    if (mapDone && mapDone.then) mapDone.then(function () { TIMES.mapDone = performance.now(); });
    var patternsDone = guard("patterns", drawPatterns);
    TIMES.patternsCalled = performance.now();
    var timelineDone = guard("timeline", drawTimeline);
    return Promise.all([mapDone, patternsDone, timelineDone]);
  }
  function markReady() {
    TIMES.ready = window.__replyscopeReady = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  requestAnimationFrame(function () {
    TIMES.painted = window.__replyscopeContent = performance.now();
    setTimeout(function () {
      var charts;
      try {
        charts = loadPlotly();
      } catch (err) {
        console.warn("replyscope: charts unavailable: " + err);
      }
      Promise.resolve(charts).then(markReady, function (err) {
        console.warn("replyscope: a chart failed: " + err);
        markReady();
      });
    }, 0);
  });
  // For tests and for analysts poking at the console.
  window.replyscope = { times: TIMES, data: D, text: TEXT, filters: filters, rows: function () { return tableState.rows; }, openComment: openComment, openArticle: openArticle, csv: function () { return csvRows(tableState.rows); } };
})();
