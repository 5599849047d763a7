// The chart component's inline script (plotly_react.py). Streamlit sends a component's inline
// script with every instance on every rerun, so this one stays small: it imports the charts'
// module (plotly_react.js and the scripts it uses, a content-hashed static file the browser
// fetches once, kommuneokonomi/assets.py) and hands it each chart. If the module cannot be
// loaded, the chart says so in words, and the next rerun tries again.

const MODULE = new URL("__CHART_MODULE__", document.baseURI).href;
let charts = null;

export default function (component) {
  charts ??= import(MODULE);
  return charts.then(
    (module) => {
      component.parentElement.querySelector(":scope > .ko-chart-failed")?.remove();
      return module.default(component);
    },
    (error) => {
      console.error(error);
      charts = null;
      const { data, parentElement } = component;
      const text = typeof data === "string" ? data : new TextDecoder().decode(data);
      let note = parentElement.querySelector(":scope > .ko-chart-failed");
      if (!note) {
        note = document.createElement("p");
        note.className = "ko-chart-failed";
        parentElement.appendChild(note);
      }
      note.textContent = JSON.parse(text).failed;
    },
  );
}
