/* Failscope review page: pan, zoom, search, linked tables and the simulation stepper over render's SVG.
 * All names come from the JSON data island and reach the DOM through textContent and setAttribute only. */
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('fs-data').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var viewport = $('fs-viewport');
  var canvas = $('fs-canvas');
  var overlay = $('fs-overlay');
  var sides = data.sides || [];
  var findings = data.findings || [];
  var sims = data.simulations || [];
  var st = { side: sides.length - 1, view: { x: 0, y: 0, k: 1 }, sel: null, related: [], matches: [],
    match: -1, sim: 0, step: 0, sweepRow: -1, current: null };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs, parent) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function side() { return sides[st.side]; }
  function sideIndex(key) {
    for (var i = 0; i < sides.length; i++) { if (sides[i].key === key) { return i; } }
    return -1;
  }

  /* ---- names to boxes ---- */
  var rank = { cluster: 0, server: 1, service: 2 };
  sides.forEach(function (s) {
    s.byName = Object.create(null);
    s.nodes.forEach(function (n, i) {
      var prev = s.byName[n.name];
      if (prev === undefined) { s.byName[n.name] = i; return; }
      var p = s.nodes[prev];
      if ((p.missing && !n.missing) || (!!p.missing === !!n.missing && rank[n.kind] < rank[p.kind])) {
        s.byName[n.name] = i;
      }
    });
  });
  function nodeOf(s, name) {
    if (name === undefined || name === null) { return -1; }
    var i = s.byName[name];
    return i === undefined ? -1 : i;
  }

  /* ---- view: pan and zoom by a CSS transform over the SVG ---- */
  function apply() {
    var v = st.view;
    canvas.style.transform = 'translate(' + v.x + 'px,' + v.y + 'px) scale(' + v.k + ')';
    if (side() && side().tiles) { clearTimeout(st.tileTimer); st.tileTimer = setTimeout(updateTiles, 60); }
  }

  /* ---- large graphs: render's PNG when zoomed out, render's SVG tiles where zoomed in ---- */
  var DETAIL_K = 0.22, MAX_TILES = 24;
  function updateTiles() {
    var s = side(), t = s && s.tiles;
    if (!t) { return; }
    var holder = document.querySelector('.fs-side[data-side="' + s.key + '"] .fs-tiles');
    var v = st.view, want = Object.create(null);
    if (v.k >= DETAIL_K) {
      var x0 = Math.floor(-v.x / v.k / t.size), x1 = Math.floor((viewport.clientWidth - v.x) / v.k / t.size);
      var y0 = Math.floor(-v.y / v.k / t.size), y1 = Math.floor((viewport.clientHeight - v.y) / v.k / t.size);
      for (var r = Math.max(0, y0); r <= Math.min(t.rows - 1, y1); r++) {
        for (var c = Math.max(0, x0); c <= Math.min(t.cols - 1, x1); c++) { want[r * t.cols + c] = [r, c]; }
      }
    }
    Array.prototype.slice.call(holder.children).forEach(function (d) {
      if (!want[d.getAttribute('data-tile')]) { holder.removeChild(d); }
    });
    var have = Object.create(null);
    Array.prototype.forEach.call(holder.children, function (d) { have[d.getAttribute('data-tile')] = true; });
    Object.keys(want).slice(0, MAX_TILES).forEach(function (i) {
      if (have[i]) { return; }
      var d = el('div', 'fs-tile');
      d.setAttribute('data-tile', i);
      d.style.left = (want[i][1] * t.size) + 'px';
      d.style.top = (want[i][0] * t.size) + 'px';
      holder.appendChild(d);
      inflate(document.getElementById(s.prefix + 'tile-' + i).textContent).then(function (markup) {
        if (d.parentNode !== holder) { return; }
        d.innerHTML = markup;   /* render's SVG: every name in it is escaped */
        canvas.setAttribute('data-tiles', String(holder.querySelectorAll('.fs-tile > svg').length));
      });
    });
    canvas.setAttribute('data-tiles', String(holder.querySelectorAll('.fs-tile > svg').length));
  }
  /* base64 of gzip to text, without any fetch: a Blob's stream through the browser's DecompressionStream */
  function inflate(b64) {
    var bin = atob(b64.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }
  function size() { return side() ? side().size : [1, 1]; }
  function fit() {
    var s = size(), w = viewport.clientWidth, h = viewport.clientHeight;
    var k = Math.min(w / s[0], h / s[1]) * 0.96;
    if (!isFinite(k) || k <= 0) { k = 1; }
    k = Math.min(k, 1.5);
    st.view = { k: k, x: (w - s[0] * k) / 2, y: (h - s[1] * k) / 2 };
    apply();
  }
  function zoomAt(f, cx, cy) {
    var v = st.view, k = Math.max(0.01, Math.min(4, v.k * f));
    f = k / v.k;
    st.view = { k: k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
    apply();
  }
  function centreOn(box) {
    var w = viewport.clientWidth, h = viewport.clientHeight, v = st.view, all = size();
    if (Math.min(w / all[0], h / all[1]) * 0.96 >= 0.6) { fit(); return; }
    var k = Math.min(w / (box[2] + 240), h / (box[3] + 200));
    k = Math.max(Math.min(k, 1.2), Math.min(v.k, 1.2), 0.5);
    st.view = { k: k, x: w / 2 - (box[0] + box[2] / 2) * k, y: h / 2 - (box[1] + box[3] / 2) * k };
    apply();
  }
  function toLayout(ev) {
    var r = viewport.getBoundingClientRect(), v = st.view;
    return [(ev.clientX - r.left - v.x) / v.k, (ev.clientY - r.top - v.y) / v.k];
  }

  /* ---- hit testing in layout units ---- */
  function hit(p) {
    var s = side(), best = -1, area = Infinity;
    s.nodes.forEach(function (n, i) {
      var b = n.box;
      if (p[0] >= b[0] && p[0] <= b[0] + b[2] && p[1] >= b[1] && p[1] <= b[1] + b[3] && b[2] * b[3] < area) {
        best = i; area = b[2] * b[3];
      }
    });
    if (best >= 0 && s.nodes[best].role !== 'cluster') { return { node: best }; }
    var tol = 6 / st.view.k, edge = -1, dist = tol;
    s.edges.forEach(function (e, i) {
      var pts = e.points;
      for (var j = 0; j + 3 < pts.length; j += 2) {
        var d = segDist(p, pts[j], pts[j + 1], pts[j + 2], pts[j + 3]);
        if (d < dist) { dist = d; edge = i; }
      }
    });
    if (edge >= 0) { return { edge: edge }; }
    return best >= 0 ? { node: best } : null;
  }
  function segDist(p, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, l = dx * dx + dy * dy;
    var t = l === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - x1) * dx + (p[1] - y1) * dy) / l));
    var x = x1 + t * dx - p[0], y = y1 + t * dy - p[1];
    return Math.sqrt(x * x + y * y);
  }

  /* ---- overlay ---- */
  function rect(g, b, pad, cls) {
    return svg('rect', { x: b[0] - pad, y: b[1] - pad, width: b[2] + 2 * pad, height: b[3] + 2 * pad, rx: 8,
      'class': cls || '' }, g);
  }
  /* Scene marks (SceneJson): the same groups the GUI and render draw, translated to SVG, nothing decided here. */
  var palette = data.palette || {};
  function colour(style) { return palette[style] || 'none'; }
  function dash(on, off) { return on > 0 ? on + ' ' + off : 'none'; }
  function pts(a) { var out = []; for (var i = 0; i < a.length; i += 2) { out.push(a[i] + ',' + a[i + 1]); } return out.join(' '); }
  function arrowHead(g, a, size, style) {
    var n = a.length, x1 = a[n - 4], y1 = a[n - 3], x2 = a[n - 2], y2 = a[n - 1];
    var dx = x2 - x1, dy = y2 - y1, l = Math.sqrt(dx * dx + dy * dy);
    if (l < 1e-6) { return; }
    var ux = dx / l, uy = dy / l, bx = x2 - ux * size, by = y2 - uy * size;
    svg('polygon', { points: [x2, y2, bx - uy * size * 0.5, by + ux * size * 0.5, bx + uy * size * 0.5,
      by - ux * size * 0.5].join(' '), fill: colour(style) }, g);
  }
  function drawItem(g, it) {
    var k = it[0];
    if (k === 'r') {
      var rx = Math.min(it[5], it[3], it[4]) / 2;
      svg('rect', { x: it[1], y: it[2], width: it[3], height: it[4], rx: rx, fill: colour(it[6]),
        stroke: colour(it[7]), 'stroke-width': it[8], 'stroke-dasharray': dash(it[9], it[10]) }, g);
    } else if (k === 'c') {
      svg('circle', { cx: it[1], cy: it[2], r: it[3], fill: colour(it[4]), stroke: colour(it[5]), 'stroke-width': it[6] }, g);
    } else if (k === 'p') {
      svg('polygon', { points: pts(it[1]), fill: colour(it[2]), stroke: colour(it[3]), 'stroke-width': it[4] }, g);
    } else if (k === 'l') {
      svg('polyline', { points: pts(it[1]), fill: 'none', stroke: colour(it[2]), 'stroke-width': it[3],
        'stroke-dasharray': dash(it[4], it[5]) }, g);
      if (it[6] > 0) { arrowHead(g, it[1], it[6], it[2]); }
    } else if (k === 't') {
      var t = svg('text', { x: it[2], y: it[3], 'text-anchor': it[4], 'dominant-baseline': 'central',
        'font-size': it[5], 'font-weight': it[6] ? 'bold' : 'normal', fill: colour(it[7]), 'class': 'fs-scene-text' }, g);
      t.textContent = it[1];
    } else if (k === 'h') {
      var x = it[1], y = it[2], w = it[3], h = it[4];
      for (var d = -h; d < w; d += it[6]) {
        var t0 = Math.max(0, -d), t1 = Math.min(h, w - d);
        if (t0 < t1) {
          svg('line', { x1: x + d + t0, y1: y + h - t0, x2: x + d + t1, y2: y + h - t1, stroke: colour(it[5]),
            'stroke-width': it[7] }, g);
        }
      }
    }
  }
  function drawMarks(group, marks) {
    (marks || []).forEach(function (m) {
      var g = svg('g', { 'class': 'fs-state fs-state-' + m.state, 'data-state': m.state }, group);
      g.setAttribute('data-name', m.name);
      m.items.forEach(function (it) { drawItem(g, it); });
    });
  }
  function currentState() {
    if (st.sweepRow >= 0) { return data.sweep[st.sweepRow]; }
    var sim = sims[st.sim];
    if (!sim || sideIndex(sim.side) !== st.side) { return null; }
    return sim.steps[st.step];
  }
  function draw() {
    var s = side();
    if (!s) { return; }
    while (overlay.firstChild) { overlay.removeChild(overlay.firstChild); }
    overlay.setAttribute('width', s.size[0]);
    overlay.setAttribute('height', s.size[1]);
    overlay.setAttribute('viewBox', '0 0 ' + s.size[0] + ' ' + s.size[1]);
    var view = currentState();
    if (view) { drawMarks(svg('g', { 'class': 'fs-states' }, overlay), view.marks); }
    var mg = svg('g', { 'class': 'fs-matches' }, overlay);
    st.matches.slice(0, 500).forEach(function (i) { rect(mg, s.nodes[i].box, 2, 'fs-mark-match'); });
    var sg = svg('g', { 'class': 'fs-selection' }, overlay);
    st.related.forEach(function (r) {
      if (r.edge !== undefined) {
        svg('polyline', { points: s.edges[r.edge].points.join(' '), 'class': 'fs-mark-edge' }, sg);
      } else { rect(sg, s.nodes[r.node].box, 5, 'fs-mark-related'); }
    });
    if (st.sel && st.sel.node !== undefined) { rect(sg, s.nodes[st.sel.node].box, 5, 'fs-mark-select'); }
    if (st.sel && st.sel.edge !== undefined) {
      svg('polyline', { points: s.edges[st.sel.edge].points.join(' '), 'class': 'fs-mark-edge' }, sg);
    }
    var name = st.sel && st.sel.node !== undefined ? s.nodes[st.sel.node].name : '';
    viewport.setAttribute('data-selected', name);
  }

  /* ---- selection and its links to the tables ---- */
  function selectNode(i, centre) {
    var s = side(), n = s.nodes[i];
    st.sel = { node: i };
    st.related = [];
    showSelection(n.name, n);
    markRows(function (f) { return (f.subject === n.name || f.target === n.name) && sideIndex(f.side) === st.side; });
    if (centre) { centreOn(n.box); }
    draw();
  }
  function selectEdge(i) {
    var s = side(), e = s.edges[i], from = s.nodes[e.from], to = s.nodes[e.to];
    st.sel = { edge: i };
    st.related = [{ node: e.from }, { node: e.to }];
    showSelection(e.kind + ' edge: ' + from.name + ' → ' + to.name + (e.order ? ' (#' + e.order + ')' : ''), null);
    markRows(function (f) { return f.subject === from.name && f.target === to.name && sideIndex(f.side) === st.side; });
    draw();
  }
  function showSelection(title, n) {
    var box = $('fs-selection');
    box.textContent = '';
    box.className = '';
    box.appendChild(el('div', 'fs-sel-name', title));
    if (n) {
      var words = [n.missing ? 'missing ' + n.kind + ' (declared nowhere)' : n.kind];
      if (n.role !== n.kind) { words.push(n.role); }
      if (n.status) { words.push(n.status); }
      if (n.cluster && n.cluster !== n.name) { words.push('cluster ' + n.cluster); }
      box.appendChild(el('div', 'fs-muted', words.join(' · ')));
      var count = findings.filter(function (f) { return f.subject === n.name || f.target === n.name; }).length;
      box.appendChild(el('div', null, count === 1 ? '1 finding' : count + ' findings'));
      (data.changes || []).filter(function (c) { return c.subject === n.name || c.target === n.name; })
        .forEach(function (c) { box.appendChild(el('div', null, c.type + ': ' + c.message)); });
    }
  }
  function markRows(pred) {
    var first = null;
    Array.prototype.forEach.call(document.querySelectorAll('#fs-findings tbody tr'), function (tr) {
      var on = pred(findings[+tr.getAttribute('data-index')]);
      tr.classList.toggle('fs-related', on);
      if (on && !first) { first = tr; }
    });
    if (first) { first.scrollIntoView({ block: 'nearest' }); }
  }
  function setCurrent(tr) {
    if (st.current) { st.current.classList.remove('fs-current'); st.current.removeAttribute('aria-current'); }
    st.current = tr;
    if (tr) { tr.classList.add('fs-current'); tr.setAttribute('aria-current', 'true'); }
  }
  function selectFinding(i, tr) {
    var f = findings[i];
    setCurrent(tr);
    var si = sideIndex(f.side);
    if (si >= 0 && si !== st.side) { showSide(si); }
    var s = side(), from = nodeOf(s, f.subject), to = nodeOf(s, f.target);
    st.related = [];
    s.edges.forEach(function (e, j) {
      var src = s.nodes[e.from];
      if (to >= 0 && e.to === to && (e.from === from || (src && src.cluster === f.subject))) { st.related.push({ edge: j }); }
    });
    if (to >= 0) { st.related.push({ node: to }); }
    st.sel = from >= 0 ? { node: from } : (to >= 0 ? { node: to } : null);
    if (st.sel) {
      var b = s.nodes[st.sel.node].box;
      if (to >= 0) { b = union(b, s.nodes[to].box); }
      centreOn(b);
      showSelection(f.subject, s.nodes[st.sel.node]);
    }
    Array.prototype.forEach.call(document.querySelectorAll('#fs-findings tbody tr'), function (r) {
      r.classList.remove('fs-related');
    });
    showSource(f);
    draw();
  }
  function union(a, b) {
    var x = Math.min(a[0], b[0]), y = Math.min(a[1], b[1]);
    return [x, y, Math.max(a[0] + a[2], b[0] + b[2]) - x, Math.max(a[1] + a[3], b[1] + b[3]) - y];
  }
  function showSource(f) {
    var box = $('fs-source');
    box.textContent = '';
    box.appendChild(el('div', 'fs-where', f.file + ':' + f.line + ':' + f.column));
    if (!f.snippet) { box.appendChild(el('div', 'fs-muted', '(source not readable from here)')); return; }
    var pre = el('pre');
    f.snippet.lines.forEach(function (line, j) {
      var no = f.snippet.start + j;
      var span = el('span', 'fs-line' + (no === f.line ? ' fs-hit' : ''));
      span.appendChild(el('span', 'fs-ln', no));
      span.appendChild(document.createTextNode(line));
      if (no === f.line) { span.setAttribute('data-line', String(no)); }
      pre.appendChild(span);
    });
    box.appendChild(pre);
    box.scrollIntoView({ block: 'nearest' });
  }

  /* ---- tables ---- */
  function row(tbody, cells, onActivate) {
    var tr = el('tr');
    tr.tabIndex = 0;
    cells.forEach(function (c) { var td = el('td'); td.appendChild(c); tr.appendChild(td); });
    tr.addEventListener('click', function () { onActivate(tr); });
    tr.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); ev.stopPropagation(); onActivate(tr); }
    });
    tbody.appendChild(tr);
    return tr;
  }
  function frag() {
    var d = document.createDocumentFragment();
    Array.prototype.forEach.call(arguments, function (x) { d.appendChild(typeof x === 'string' ? document.createTextNode(x) : x); });
    return d;
  }
  function buildFindings() {
    var tbody = document.querySelector('#fs-findings tbody');
    $('fs-findings-count').textContent = '(' + findings.length + ')';
    if (findings.length === 0) {
      var tr = el('tr'), td = el('td', 'fs-muted', data.mode === 'errors' ? 'Nothing was loaded.' : 'No findings.');
      td.colSpan = 3; tr.appendChild(td); tbody.appendChild(tr);
      return;
    }
    findings.forEach(function (f, i) {
      var what = frag(el('div', null, f.message), el('div', 'fs-rule', f.rule + (f.status !== 'found' ? ' · ' + f.status : '')));
      var tr = row(tbody, [el('span', 'fs-sev fs-sev-' + f.severity, f.severity), what,
        el('span', 'fs-where', baseName(f.file) + ':' + f.line)], function (r) { selectFinding(i, r); });
      tr.setAttribute('data-index', String(i));
      tr.setAttribute('data-where', f.file + ':' + f.line);
      tr.setAttribute('data-rule', f.rule);
      tr.setAttribute('aria-label', f.severity + ': ' + f.message + ' at ' + f.file + ':' + f.line);
    });
  }
  function baseName(file) { var i = file.lastIndexOf('/'); return i < 0 ? file : file.slice(i + 1); }
  function buildChanges() {
    var list = data.changes;
    if (!list) { return; }
    $('fs-changes-sec').hidden = false;
    var tbody = document.querySelector('#fs-changes tbody');
    list.forEach(function (c) {
      var where = c.after || c.before;
      row(tbody, [el('span', 'fs-tag', c.type + ' ' + c.element), el('span', null, c.message),
        el('span', 'fs-where', baseName(where.replace(/:\d+$/, '')))], function (tr) {
        setCurrent(tr);
        var si = sideIndex(c.type === 'removed' ? 'before' : 'after');
        if (si !== st.side) { showSide(si); }
        var i = nodeOf(side(), c.subject);
        if (i >= 0) { selectNode(i, true); }
      });
    });
  }
  function buildSweep() {
    var rows = data.sweep;
    if (!rows) { return; }
    $('fs-sweep-sec').hidden = false;
    var tbody = document.querySelector('#fs-sweep tbody');
    rows.forEach(function (r, i) {
      var hurt = r.clustersDown.concat(r.servicesDown).map(function (n) { return n + ' down'; })
        .concat(r.clustersDegraded.concat(r.servicesDegraded).map(function (n) { return n + ' degraded'; }));
      var tr = row(tbody, [el('span', null, r.label), el('span', 'fs-sev fs-res-' + r.result, r.result === 'down' ? 'OUTAGE' : r.result),
        el('span', null, hurt.join(', ') || '—'), el('span', null, r.maxRto || '—')], function (t) {
        setCurrent(t);
        st.sweepRow = i;
        var s = side(), first = -1;
        st.related = [];
        r.targets.forEach(function (n) { var j = nodeOf(s, n); if (j >= 0) { st.related.push({ node: j }); if (first < 0) { first = j; } } });
        st.sel = first >= 0 ? { node: first } : null;
        if (first >= 0) { centreOn(s.nodes[first].box); }
        draw();
      });
      tr.setAttribute('data-result', r.result);
    });
  }
  /* ---- sides (diff: before / after) ---- */
  function showSide(i) {
    st.side = i;
    st.sel = null; st.related = []; st.matches = [];
    Array.prototype.forEach.call(document.querySelectorAll('.fs-side'), function (d) {
      d.hidden = d.getAttribute('data-side') !== sides[i].key;
    });
    Array.prototype.forEach.call(document.querySelectorAll('#fs-sides button'), function (b, j) {
      b.setAttribute('aria-pressed', String(j === i));
    });
    var simIdx = -1;
    sims.forEach(function (s, j) { if (simIdx < 0 && s.side === sides[i].key) { simIdx = j; } });
    if (simIdx >= 0 && sims[st.sim].side !== sides[i].key) { chooseSim(simIdx, false); }
    fit();
    draw();
  }
  function buildSides() {
    var box = $('fs-sides');
    if (sides.length < 2) { box.hidden = true; return; }
    sides.forEach(function (s, i) {
      var b = el('button', null, s.key);
      b.type = 'button';
      b.title = s.label;
      b.addEventListener('click', function () { showSide(i); });
      box.appendChild(b);
    });
  }

  /* ---- stepper ---- */
  function buildStepper() {
    if (sims.length === 0) { return; }
    $('fs-stepper').hidden = false;
    var sel = $('fs-sim');
    sims.forEach(function (s, i) { var o = el('option', null, s.label); o.value = String(i); sel.appendChild(o); });
    sel.addEventListener('change', function () { chooseSim(+sel.value, true); });
    $('fs-first').addEventListener('click', function () { go(0); });
    $('fs-prev').addEventListener('click', function () { go(st.step - 1); });
    $('fs-next').addEventListener('click', function () { go(st.step + 1); });
    $('fs-last').addEventListener('click', function () { go(Infinity); });
    $('fs-range').addEventListener('input', function () { go(+$('fs-range').value); });
    chooseSim(0, false);
  }
  function chooseSim(i, switchSide) {
    st.sim = i;
    $('fs-sim').value = String(i);
    $('fs-range').max = String(sims[i].steps.length - 1);
    if (switchSide) {
      var si = sideIndex(sims[i].side);
      if (si >= 0 && si !== st.side) { st.sim = i; showSide(si); }
    }
    go(0);
  }
  function go(n) {
    var sim = sims[st.sim];
    if (!sim) { return; }
    st.sweepRow = -1;
    st.step = Math.max(0, Math.min(sim.steps.length - 1, n));
    var s = sim.steps[st.step], last = sim.steps.length - 1;
    $('fs-range').value = String(st.step);
    $('fs-step-label').textContent = 'step ' + st.step + '/' + last + ' · t=' + s.at;
    $('fs-step-text').textContent = st.step === 0 ? 'Before the failure: press → or space to play the timeline.'
      : s.text + (s.position ? '  (' + s.position + ')' : '');
    viewport.setAttribute('data-step', String(st.step));
    var ul = $('fs-states');
    ul.textContent = '';
    function li(name, state) {
      var x = el('li', null, name + ': ' + state);
      x.setAttribute('data-name', name);
      x.setAttribute('data-state', state);
      ul.appendChild(x);
    }
    s.failed.forEach(function (n) { li(n, 'failed'); });
    s.stale.forEach(function (n) { li(n, 'stale'); });
    s.promoted.forEach(function (n) { li(n, 'promoted'); });
    if (s.trying && s.promoted.indexOf(s.trying) < 0) { li(s.trying, 'trying'); }
    var outage = s.down.length > 0;
    Object.keys(s.clusters).forEach(function (c) { li(c, s.down.indexOf(c) >= 0 ? 'down' : s.clusters[c]); });
    Object.keys(s.services).forEach(function (n) { li(n, s.services[n]); if (s.services[n] === 'down') { outage = true; } });
    if (st.step === last) {
      var end = el('li', sim.outage ? 'fs-outage' : null, sim.outage ? 'end: OUTAGE' : 'end: no outage (' + sim.worst + ')');
      end.setAttribute('data-state', sim.outage ? 'outage' : 'end');
      ul.appendChild(end);
    } else if (outage) {
      var o = el('li', null, 'outage so far');
      o.setAttribute('data-state', 'outage-now');
      ul.appendChild(o);
    }
    draw();
  }

  /* ---- search ---- */
  function search(q) {
    var s = side();
    q = q.trim().toLowerCase();
    st.matches = [];
    st.match = -1;
    if (q) { s.nodes.forEach(function (n, i) { if (n.name.toLowerCase().indexOf(q) >= 0) { st.matches.push(i); } }); }
    $('fs-search-count').textContent = q ? st.matches.length + (st.matches.length === 1 ? ' match' : ' matches') : '';
    draw();
  }
  function nextMatch(back) {
    if (st.matches.length === 0) { return; }
    st.match = (st.match + (back ? -1 : 1) + st.matches.length) % st.matches.length;
    selectNode(st.matches[st.match], true);
  }

  /* ---- input ---- */
  function wire() {
    var drag = null;
    viewport.addEventListener('pointerdown', function (ev) {
      drag = { x: ev.clientX, y: ev.clientY, vx: st.view.x, vy: st.view.y, moved: false };
      viewport.setPointerCapture(ev.pointerId);
    });
    viewport.addEventListener('pointermove', function (ev) {
      if (!drag) { return; }
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; viewport.classList.add('fs-dragging'); }
      if (drag.moved) { st.view.x = drag.vx + dx; st.view.y = drag.vy + dy; apply(); }
    });
    viewport.addEventListener('pointerup', function (ev) {
      var d = drag;
      drag = null;
      viewport.classList.remove('fs-dragging');
      if (d && !d.moved) {
        var h = hit(toLayout(ev));
        if (h && h.node !== undefined) { setCurrent(null); selectNode(h.node, false); }
        else if (h && h.edge !== undefined) { setCurrent(null); selectEdge(h.edge); }
      }
    });
    viewport.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var r = viewport.getBoundingClientRect();
      zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    $('fs-zoom-in').addEventListener('click', function () { zoomAt(1.25, viewport.clientWidth / 2, viewport.clientHeight / 2); });
    $('fs-zoom-out').addEventListener('click', function () { zoomAt(0.8, viewport.clientWidth / 2, viewport.clientHeight / 2); });
    $('fs-fit').addEventListener('click', fit);
    var input = $('fs-search');
    input.addEventListener('input', function () { search(input.value); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { ev.preventDefault(); nextMatch(ev.shiftKey); }
      if (ev.key === 'Escape') { input.value = ''; search(''); viewport.focus(); }
    });
    document.addEventListener('keydown', function (ev) {
      var t = ev.target, tn = t && t.tagName;
      if (tn === 'INPUT' || tn === 'SELECT' || tn === 'TEXTAREA' || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var free = tn !== 'BUTTON' && tn !== 'TR';
      var w = viewport.clientWidth / 2, h = viewport.clientHeight / 2;
      switch (ev.key) {
        case '/': ev.preventDefault(); input.focus(); input.select(); break;
        case 'ArrowRight': if (sims.length) { ev.preventDefault(); go(st.step + 1); } break;
        case 'ArrowLeft': if (sims.length) { ev.preventDefault(); go(st.step - 1); } break;
        case ' ': if (sims.length && free) { ev.preventDefault(); go(st.step + 1); } break;
        case 'Home': if (sims.length && free) { ev.preventDefault(); go(0); } break;
        case 'End': if (sims.length && free) { ev.preventDefault(); go(Infinity); } break;
        case '+': case '=': zoomAt(1.25, w, h); break;
        case '-': zoomAt(0.8, w, h); break;
        case '0': fit(); break;
        case 'Escape': st.sel = null; st.related = []; setCurrent(null); markRows(function () { return false; }); draw(); break;
        default: break;
      }
    });
    window.addEventListener('resize', fit);
    window.addEventListener('beforeprint', function () { canvas.style.transform = 'none'; $('fs-legend').open = true; });
    window.addEventListener('afterprint', apply);
  }

  function buildText() {
    $('fs-summary').textContent = data.summary || '';
    if (data.story) {
      $('fs-story-sec').hidden = false;
      var ul = $('fs-story');
      data.story.forEach(function (s) { ul.appendChild(el('li', null, s)); });
      (data.resilience || []).forEach(function (s) { ul.appendChild(el('li', 'fs-note', s)); });
      if (data.story.length === 0 && (data.resilience || []).length === 0) { ul.appendChild(el('li', 'fs-note', 'No failover consequence found.')); }
    }
    if (data.errors) {
      $('fs-errors-sec').hidden = false;
      data.errors.forEach(function (e) { $('fs-errors').appendChild(el('li', null, e.file + ':' + e.line + ':' + e.column + ': ' + e.message)); });
    }
  }

  buildText();
  buildSides();
  buildFindings();
  buildChanges();
  buildSweep();
  wire();
  if (sides.length) { showSide(sides.length - 1); } else { viewport.hidden = true; }
  buildStepper();
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-ready', 'true');
}());
