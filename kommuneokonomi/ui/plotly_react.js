// Draws a plotly figure into a <div> that stays mounted across reruns and updates it with
// Plotly.react, so a new municipality changes the chart in place instead of building it anew.
// This file, chart_access.js and chart_overlay.js are one module in the app's static files
// (kommuneokonomi/assets.py), loaded by chart_loader.js; plotly.js lies beside it and is
// loaded once per page. For screen readers the chart is a figure named by its title and
// described by a visually hidden paragraph beside it (kommuneokonomi/describe.py);
// koAccessibleChart is chart_access.js.
// A map's or beeswarm's highlight of the chosen municipality, and a beeswarm's dots, are
// drawn by chart_overlay.js.

const PLOTLY_SRC = new URL("__PLOTLY_SCRIPT__", import.meta.url).href;
const decoder = new TextDecoder();
let loading = null;
let described = 0; // numbers the description paragraphs' ids

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = PLOTLY_SRC;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        loading = null; // the next figure tries again
        script.remove();
        reject(new Error(`plotly.js did not load from ${PLOTLY_SRC}`));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

// The chart's state lives on its <div>: the figure text last asked for, the figure waiting to
// be drawn, whether a drawing is under way, whether one has been drawn, and the observer that
// follows the column's width.
function chartDiv(parent) {
  let gd = parent.querySelector(":scope > .ko-chart");
  if (!gd) {
    gd = document.createElement("div");
    // plotly adds js-plotly-plot when it draws; set here, a chart still waiting for plotly.js
    // counts as a chart not yet drawn for anything that waits for charts (tests, screenshots).
    gd.className = "ko-chart js-plotly-plot";
    gd.style.width = "100%";
    gd.setAttribute("role", "figure");
    parent.appendChild(gd);
    koChartStyles();
    const description = document.createElement("p");
    description.className = "ko-sr-only ko-chart-description";
    description.id = `ko-chart-description-${++described}`;
    parent.appendChild(description);
    gd.setAttribute("aria-describedby", description.id);
    gd._koDescription = description;
    let width = 0;
    gd._koResize = new ResizeObserver(([entry]) => {
      const now = Math.round(entry.contentRect.width);
      if (width && now !== width && gd._koDrawn) window.Plotly.Plots.resize(gd);
      width = now;
    });
    gd._koResize.observe(gd);
  }
  return gd;
}

// Say so in words, and let the same figure be tried again on the next rerun.
function failed(gd, text, spec) {
  let note = gd.querySelector(":scope > .ko-chart-failed");
  if (!note) {
    note = document.createElement("p");
    note.className = "ko-chart-failed";
    gd.appendChild(note);
  }
  note.textContent = spec.failed;
  if (gd._koWanted === text) gd._koWanted = null;
}

// Draw the newest waiting figure; figures that arrived while one was drawn are skipped.
async function drawLatest(gd) {
  gd._koBusy = true;
  while (gd._koNext && !gd._koGone) {
    const { text, spec } = gd._koNext;
    gd._koNext = null;
    let Plotly;
    try {
      Plotly = await loadPlotly();
    } catch (error) {
      console.error(error);
      failed(gd, text, spec);
      continue;
    }
    if (gd._koGone) break;
    try {
      gd._koSpec = spec;
      if (gd._koDrawn && spec.frame === gd._koFrame) {
        // The same chart but for its title (a map for another municipality): no redraw.
        const title = spec.figure.layout.title?.text;
        if (title !== gd.layout.title?.text) await Plotly.relayout(gd, { "title.text": title });
        gd._context.toImageButtonOptions = spec.config.toImageButtonOptions;
      } else {
        const config = koOverlayConfig(gd, spec, Plotly);
        await Plotly.react(gd, koScreenData(spec.figure.data), spec.figure.layout, config);
      }
      gd._koFrame = spec.frame;
      await highlight(gd, spec, Plotly);
      koAccessibleChart(gd, spec.toolbar);
      gd._koDrawn = true;
      gd.querySelector(":scope > .ko-chart-failed")?.remove();
    } catch (error) {
      console.error(error);
      Plotly.purge(gd); // start afresh with the next figure
      gd._koDrawn = false;
      gd._koFrame = gd._koHooked = null;
      failed(gd, text, spec);
    }
  }
  gd._koBusy = false;
}

// Draw the chart's highlight (chart_overlay.js), again after each plotly drawing. Where it
// cannot be drawn, plotly draws the whole figure instead, so the highlight is never lost.
async function highlight(gd, spec, Plotly) {
  gd._koOverlay = spec.overlay;
  if (!gd._koHooked) {
    gd._koHooked = true;
    const redraw = () => {
      try {
        koDrawOverlay(gd);
      } catch (error) {
        console.error(error);
      }
    };
    gd.on("plotly_afterplot", redraw);
    gd.on("plotly_relayout", redraw);
  }
  try {
    koDrawOverlay(gd);
  } catch (error) {
    console.error(error);
    gd._koOverlay = gd._koFrame = null;
    const whole = koWholeFigure(spec);
    await Plotly.react(gd, whole.data, whole.layout, spec.config);
  }
}

export default function ({ data, parentElement }) {
  const text = typeof data === "string" ? data : decoder.decode(data);
  const gd = chartDiv(parentElement);
  // Every rerun sends every chart again; one whose figure did not change is left alone.
  if (text === gd._koWanted) return cleanup(gd);
  gd._koWanted = text;
  const spec = JSON.parse(text);
  gd.style.minHeight = `${spec.figure.layout.height || 450}px`;
  gd.setAttribute("aria-label", spec.label);
  gd._koDescription.textContent = spec.description;
  gd._koNext = { text, spec };
  if (!gd._koBusy) drawLatest(gd);
  return cleanup(gd);
}

// Streamlit calls this when the chart leaves the page (and also when a newer figure replaced
// this one before it started); only a <div> that is no longer in the page is released.
function cleanup(gd) {
  return () => {
    if (gd.isConnected) return;
    gd._koGone = true;
    gd._koResize.disconnect();
    if (window.Plotly) window.Plotly.purge(gd);
  };
}
