// evident HTML report: copy buttons and the flame graph. No network, no libraries.
(function () {
  'use strict';

  // ---- copy buttons ------------------------------------------------------------------------
  function copied(button) {
    button.textContent = 'Copied';
    button.classList.add('done');
    setTimeout(function () { button.textContent = 'Copy'; button.classList.remove('done'); }, 1500);
  }
  function copyFallback(text, button) {
    // file:// pages are not a secure context, so the async clipboard API may be missing
    var area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* the text stays selectable in the page */ }
    document.body.removeChild(area);
    copied(button);
  }
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = button.parentElement.querySelector('code').textContent;
      button.dataset.copied = text;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button); },
          function () { copyFallback(text, button); });
      } else {
        copyFallback(text, button);
      }
    });
  });

  // ---- flame graph -------------------------------------------------------------------------
  var dataNode = document.getElementById('flame-data');
  if (!dataNode) { return; }
  var graphs = JSON.parse(dataNode.textContent);
  var select = document.getElementById('flame-select');
  var view = document.getElementById('flame-view');
  var status = document.getElementById('flame-status');
  var search = document.getElementById('flame-search');
  var reset = document.getElementById('flame-reset');
  var zoomLine = document.getElementById('flame-zoom');
  var ROW = 18;
  var MIN_WIDTH = 0.05; // percent of the view: narrower boxes are not drawn
  var graph, children, zoom = 0, query = '';

  function name(n) { return graph.strings[graph.names[n]]; }

  function amount(weight) {
    if (graph.unit === 'bytes') {
      if (weight >= 1073741824) { return (weight / 1073741824).toFixed(2) + ' GiB'; }
      if (weight >= 1048576) { return (weight / 1048576).toFixed(1) + ' MiB'; }
      if (weight >= 1024) { return (weight / 1024).toFixed(1) + ' KiB'; }
      return weight + ' bytes';
    }
    if (graph.unit === 'ns') {
      if (weight >= 1e9) { return (weight / 1e9).toFixed(2) + ' s'; }
      if (weight >= 1e6) { return (weight / 1e6).toFixed(1) + ' ms'; }
      return (weight / 1e3).toFixed(1) + ' µs';
    }
    return weight.toLocaleString('en-US') + ' ' + graph.unit;
  }

  function percent(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : '–'; }

  function load(index) {
    graph = graphs[index];
    children = graph.parents.map(function () { return []; });
    for (var n = 1; n < graph.parents.length; n++) { children[graph.parents[n]].push(n); }
    children.forEach(function (list) {
      list.sort(function (a, b) { return graph.totals[b] - graph.totals[a] || (name(a) < name(b) ? -1 : 1); });
    });
    zoom = 0;
    render();
  }

  function box(n, left, width, depth, ancestor) {
    var div = document.createElement('div');
    div.className = 'frame k-' + graph.kinds[n] + (ancestor ? ' ancestor' : '');
    div.style.left = left + '%';
    div.style.width = width + '%';
    div.style.top = (depth * ROW) + 'px';
    div.dataset.node = n;
    div.textContent = name(n);
    view.appendChild(div);
  }

  function render() {
    view.textContent = '';
    var depth = 0;
    var ancestors = [];
    for (var a = graph.parents[zoom]; a >= 0; a = graph.parents[a]) { ancestors.unshift(a); }
    ancestors.forEach(function (node) { box(node, 0, 100, depth++, true); });
    var deepest = depth;
    var whole = graph.totals[zoom];
    var stack = [[zoom, 0, depth]];
    while (stack.length) {
      var item = stack.pop();
      var n = item[0], left = item[1], d = item[2];
      var width = 100 * graph.totals[n] / whole;
      if (width < MIN_WIDTH) { continue; }
      box(n, left, width, d, false);
      deepest = Math.max(deepest, d + 1);
      var x = left;
      children[n].forEach(function (c) {
        stack.push([c, x, d + 1]);
        x += 100 * graph.totals[c] / whole;
      });
    }
    view.style.height = (deepest * ROW + 2) + 'px';
    view.dataset.zoom = name(zoom);
    zoomLine.textContent = zoom === 0 ? 'Showing all frames; click one to zoom in.'
      : 'Zoomed into ' + name(zoom) + ': ' + amount(graph.totals[zoom]) + ', ' + percent(graph.totals[zoom], graph.totals[0])
        + ' of all ' + graph.metric + '.';
    highlight();
    describe(zoom);
  }

  function describe(n) {
    var text = name(n) + ' — ' + amount(graph.totals[n]) + ', ' + percent(graph.totals[n], graph.totals[0]) + ' of all';
    if (zoom !== 0) { text += ', ' + percent(graph.totals[n], graph.totals[zoom]) + ' of ' + name(zoom); }
    if (graph.selfs[n] > 0) { text += ' (own ' + amount(graph.selfs[n]) + ')'; }
    status.textContent = text;
  }

  function highlight() {
    var needle = query.toLowerCase();
    view.querySelectorAll('.frame').forEach(function (div) {
      var n = Number(div.dataset.node);
      div.classList.toggle('match', needle !== '' && name(n).toLowerCase().indexOf(needle) >= 0);
    });
    if (needle === '') { return; }
    // weight of the matching frames without counting a match inside another match twice
    var matched = 0;
    var within = new Array(graph.parents.length);
    for (var n = 0; n < graph.parents.length; n++) {
      var inside = n > 0 && within[graph.parents[n]];
      var hit = name(n).toLowerCase().indexOf(needle) >= 0;
      if (hit && !inside) { matched += graph.totals[n]; }
      within[n] = inside || hit;
    }
    status.textContent = 'Search "' + query + '": ' + amount(matched) + ', ' + percent(matched, graph.totals[0])
      + ' of ' + graph.metric;
  }

  view.addEventListener('click', function (event) {
    var target = event.target.closest('.frame');
    if (!target) { return; }
    zoom = Number(target.dataset.node);
    render();
  });
  view.addEventListener('mouseover', function (event) {
    var target = event.target.closest('.frame');
    if (target && query === '') { describe(Number(target.dataset.node)); }
  });
  search.addEventListener('input', function () { query = search.value.trim(); highlight(); if (query === '') { describe(zoom); } });
  reset.addEventListener('click', function () { search.value = ''; query = ''; zoom = 0; render(); });
  select.addEventListener('change', function () { load(Number(select.value)); });
  load(0);
})();
