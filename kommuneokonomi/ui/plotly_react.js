// Draws a plotly figure into a <div> that stays mounted across reruns and updates it with
// Plotly.react, so a new municipality changes the chart in place instead of building it anew.
// plotly.js is loaded once per page from the app's static files (see plotly_react.py).

const PLOTLY_SRC = "__PLOTLY_SRC__";
const decoder = new TextDecoder();
let loading = null;

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = PLOTLY_SRC;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        loading = null;
        reject(new Error(`plotly.js did not load from ${PLOTLY_SRC}`));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

function chartDiv(parent) {
  let gd = parent.querySelector(":scope > .ko-chart");
  if (!gd) {
    gd = document.createElement("div");
    gd.className = "ko-chart";
    gd.style.width = "100%";
    gd.setAttribute("role", "figure");
    parent.appendChild(gd);
    // Follow the column's width (a phone turned, a window resized), not only the window's.
    let width = 0;
    new ResizeObserver(([entry]) => {
      const now = Math.round(entry.contentRect.width);
      if (width && now !== width && window.Plotly && gd.classList.contains("js-plotly-plot")) {
        window.Plotly.Plots.resize(gd);
      }
      width = now;
    }).observe(gd);
  }
  return gd;
}

export default function ({ data, parentElement }) {
  const spec = JSON.parse(typeof data === "string" ? data : decoder.decode(data));
  const gd = chartDiv(parentElement);
  gd.style.minHeight = `${spec.figure.layout.height || 450}px`;
  gd.setAttribute("aria-label", spec.label);
  // One drawing at a time per chart; the last spec received is the one left on screen.
  gd._koQueue = (gd._koQueue || Promise.resolve())
    .then(loadPlotly)
    .then((Plotly) => Plotly.react(gd, spec.figure.data, spec.figure.layout, spec.config))
    .catch((error) => {
      console.error(error);
      gd.textContent = spec.failed;
    });
  return () => {
    if (window.Plotly) window.Plotly.purge(gd);
  };
}
