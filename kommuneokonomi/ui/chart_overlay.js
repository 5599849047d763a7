// The chosen municipality's highlight, drawn in SVG on top of a plotly chart that does not
// change with the municipality (kommuneokonomi/charts/overlay.py says why). It draws what the
// highlight traces and annotations of the whole figure would: a map's outline and labelled
// dot, a beeswarm's large marker and its label. Positions come from the chart's own
// projection and axes, so the highlight is redrawn after every plotly drawing (resize, pan).
// It also draws the dots of a trace marked DOTS (a beeswarm's municipalities) as one path,
// where plotly would draw and style each dot apart.

const SVG_NS = "http://www.w3.org/2000/svg";
const DOTS = "dots"; // charts/overlay.py
const PNG_TITLE = "Download plot as a PNG"; // plotly.js's own words, translated by the locale

function svg(tag, attributes, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  parent.appendChild(node);
  return node;
}

function layer(parent, translate) {
  const group = svg("g", { class: "ko-overlay", "pointer-events": "none" }, parent);
  if (translate) group.setAttribute("transform", `translate(${translate[0]},${translate[1]})`);
  return group;
}

function label(group, x, y, text, font, anchor, family) {
  const node = svg("text", {
    x, y, "text-anchor": anchor, "dominant-baseline": "central", fill: font.color,
    "font-size": font.size, "font-weight": font.weight || "bold", "font-family": family,
    stroke: "white", "stroke-width": 3, "stroke-linejoin": "round", "paint-order": "stroke",
  }, group);
  node.textContent = text.replace(/<[^>]*>/g, "");
  return node;
}

function marker(group, x, y, m) {
  const line = m.line || {};
  const hollow = String(Array.isArray(m.symbol) ? m.symbol[0] : m.symbol || "").endsWith("-open");
  svg("circle", {
    cx: x, cy: y, r: (m.size || 8) / 2, fill: hollow ? "white" : m.color,
    stroke: line.color || "white", "stroke-width": line.width ?? 1,
  }, group);
}

// A map: the chosen area's outline (its own path, thicker) and a labelled dot.
function geoTrace(gd, trace, family) {
  const geo = gd._fullLayout[trace.geo || "geo"]._subplot;
  const group = layer(geo.layers.frontplot.node());
  if (trace.type === "choropleth") {
    const wanted = new Set(trace.locations);
    for (const path of gd.querySelectorAll("path.choroplethlocation")) {
      if (!wanted.has(path.__data__?.loc) || path.closest(".ko-overlay")) continue;
      const line = trace.marker?.line || {};
      svg("path", { d: path.getAttribute("d"), fill: "none", stroke: line.color,
        "stroke-width": line.width ?? 1 }, group);
    }
    return;
  }
  trace.lon.forEach((lon, i) => {
    const [x, y] = geo.projection([lon, trace.lat[i]]);
    marker(group, x, y, trace.marker || {});
    if (!trace.text) return;
    const left = String(trace.textposition || "").endsWith("left");
    const gap = (trace.marker?.size || 8) / 2 + 4;
    label(group, left ? x - gap : x + gap, y, trace.text[i], trace.textfont || {},
      left ? "end" : "start", family);
  });
}

function axes(gd, ref) {
  const xa = gd._fullLayout[`xaxis${(ref.xaxis || ref.xref || "x").slice(1)}`];
  const ya = gd._fullLayout[`yaxis${(ref.yaxis || ref.yref || "y").slice(1)}`];
  return [xa, ya];
}

// A cartesian chart: large markers, and labels with their arrow (ax, ay in px from the point).
function cartesianTrace(gd, trace, paper) {
  const [xa, ya] = axes(gd, trace);
  const group = layer(paper, [xa._offset, ya._offset]);
  trace.x.forEach((x, i) => marker(group, xa.c2p(x), ya.c2p(trace.y[i]), trace.marker || {}));
}

function cartesianNote(gd, note, paper, family) {
  const [xa, ya] = axes(gd, note);
  const group = layer(paper, [xa._offset, ya._offset]);
  const x = xa.c2p(note.x);
  const y = ya.c2p(note.y);
  const [dx, dy] = [note.ax ?? 0, note.ay ?? -30];
  if (note.showarrow !== false) {
    svg("line", { x1: x, y1: y, x2: x + dx, y2: y + dy, stroke: note.arrowcolor || "#444",
      "stroke-width": note.arrowwidth ?? 1 }, group);
  }
  const font = { ...(note.font || {}), weight: /<b>/.test(note.text) ? "bold" : "normal" };
  const size = font.size || 13;
  const [cx, cy] = [x + dx, y + dy - size / 2 - 2];
  const text = label(group, cx, cy, note.text, font, "middle", family);
  // Kept inside the chart: a dot at the edge (a phone's narrow chart) would cut its label.
  const half = textWidth(text.textContent, font, family) / 2;
  const left = xa._offset + cx - half;
  const right = xa._offset + cx + half;
  const width = gd._fullLayout.width;
  const shift = left < 2 ? 2 - left : right > width - 2 ? width - 2 - right : 0;
  if (shift) text.setAttribute("x", cx + shift);
  if (note.bgcolor) {
    const bg = svg("rect", { x: cx + shift - half - 2, y: cy - 0.6 * size - 1,
      width: 2 * half + 4, height: 1.2 * size + 2, fill: note.bgcolor }, group);
    group.insertBefore(bg, text);
  }
}

// A label's width in px, measured on a canvas: getBBox would lay out the whole page, which
// is still being built when a chart is first drawn.
const ruler = document.createElement("canvas").getContext("2d");
function textWidth(text, font, family) {
  ruler.font = `${font.weight || "bold"} ${font.size || 13}px ${family}`;
  return ruler.measureText(text).width;
}

const scalar = (value) => value === undefined || !Array.isArray(value);
const pick = (value, i) => (Array.isArray(value) ? value[i] : value);

// The traces plotly draws on the page. A DOTS trace that plotly could draw only dot by dot
// loses its markers (koDrawOverlay draws them) but keeps its hover texts; its legend entry
// and its two outermost dots follow as traces of their own, the dots invisible, so that
// legend and axis range stay as plotly makes them.
function koScreenData(data) {
  if (!data.some((trace) => trace.meta === DOTS)) return data;
  return data.flatMap((trace) => {
    const m = trace.marker || {};
    const line = m.line || {};
    if (trace.meta !== DOTS || trace.mode !== "markers" || !Array.isArray(trace.x)
      || !Array.isArray(trace.y) || ![m.color, line.color, line.width].every(scalar)) {
      return [trace];
    }
    const ends = trace.x.map((x, i) => [x, trace.y[i], i])
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      .sort((a, b) => a[0] - b[0]);
    if (!ends.length) return [trace];
    const outer = [ends[0], ends[ends.length - 1]];
    const plain = { ...m, symbol: "circle" };
    const shared = { type: "scatter", mode: "markers", hoverinfo: "skip", xaxis: trace.xaxis,
      yaxis: trace.yaxis };
    return [
      { ...trace, mode: "none", showlegend: false },
      { ...shared, x: [null], y: [null], name: trace.name, marker: plain,
        showlegend: trace.showlegend },
      { ...shared, x: outer.map((d) => d[0]), y: outer.map((d) => d[1]), showlegend: false,
        marker: { ...plain, opacity: 0,
          size: Array.isArray(m.size) ? outer.map((d) => m.size[d[2]]) : m.size } },
    ];
  });
}

// A DOTS trace's dots as two paths, filled and hollow ("-open" symbols: white inside, as
// the highlight's marker), under the chart's reference lines as plotly draws them.
function dots(gd, k) {
  const trace = gd.data[k];
  const full = gd._fullData[k];
  const plot = gd._fullLayout._plots[full.xaxis + full.yaxis];
  const [xa, ya] = [plot.xaxis, plot.yaxis];
  const m = trace.marker || {};
  const paths = { filled: [], hollow: [] };
  for (const point of gd.calcdata[k]) {
    const [x, y] = [xa.c2p(point.x), ya.c2p(point.y)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const r = (pick(m.size, point.i) ?? 6) / 2;
    const open = String(pick(m.symbol, point.i) || "").endsWith("-open");
    paths[open ? "hollow" : "filled"].push(
      `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
  }
  const group = layer(plot.plot.node());
  group.classList.add("ko-dots");
  const line = m.line || {};
  for (const [kind, parts] of Object.entries(paths)) {
    if (!parts.length) continue;
    svg("path", { d: parts.join(""), fill: kind === "filled" ? m.color : "white",
      stroke: line.color || m.color, "stroke-width": line.width ?? 1 }, group);
  }
}

// Draw the page's dots and the highlight of `gd._koOverlay` afresh; throws if the chart has
// not the shape they need (the caller then draws the whole figure with plotly instead).
function koDrawOverlay(gd) {
  gd.querySelectorAll(".ko-overlay").forEach((node) => node.remove());
  if (!gd._fullLayout) return;
  gd.data.forEach((trace, k) => {
    if (trace.meta === DOTS && trace.mode === "none") dots(gd, k);
  });
  const overlay = gd._koOverlay;
  if (!overlay) return;
  const family = gd._fullLayout.font.family;
  const paper = gd._fullLayout._paper.node();
  for (const trace of overlay.traces || []) {
    if (trace.type === "choropleth" || trace.type === "scattergeo") geoTrace(gd, trace, family);
    else cartesianTrace(gd, trace, paper);
  }
  for (const note of overlay.annotations || []) cartesianNote(gd, note, paper, family);
}

// The whole figure, highlight included: for the image the camera button saves.
function koWholeFigure(spec) {
  const { figure, overlay } = spec;
  if (!overlay) return figure;
  const annotations = [...(figure.layout.annotations || []), ...(overlay.annotations || [])];
  return { data: [...figure.data, ...(overlay.traces || [])],
    layout: { ...figure.layout, annotations } };
}

// The plotly config for a chart with a highlight: its camera button saves the whole figure
// (plotly's own would save what plotly drew, without the highlight).
function koOverlayConfig(gd, spec, Plotly) {
  const config = spec.config;
  if (!spec.overlay) return config;
  const words = config.locales?.[config.locale]?.dictionary || {};
  return {
    ...config,
    modeBarButtonsToRemove: [...(config.modeBarButtonsToRemove || []), "toImage"],
    modeBarButtonsToAdd: [{
      name: "toImage",
      title: words[PNG_TITLE] || PNG_TITLE,
      icon: Plotly.Icons.camera,
      click: () => {
        const current = gd._koSpec;
        const size = { width: gd._fullLayout.width, height: gd._fullLayout.height };
        Plotly.downloadImage(koWholeFigure(current),
          { ...current.config.toImageButtonOptions, ...size });
      },
    }],
  };
}
