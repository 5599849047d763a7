// A drawn plotly chart made usable without a mouse and quiet for screen readers; shared by the
// app's charts (plotly_react.js) and the static embeds (kommuneokonomi/embed.py inlines it).
// - plotly's SVG is hidden from assistive technology: the chart's label (its title) and its
//   description (kommuneokonomi/describe.py) say what it shows, the table under it the numbers;
// - the mode bar becomes a toolbar: one Tab stop, arrow keys move between its buttons, Enter or
//   Space presses one, and it shows while it has focus (plotly shows it on hover only);
// - a chart out of view is skipped by the browser's style and layout passes
//   (content-visibility), which a rerun runs many times: 6 % of a Befolkning rerun.
// Call it after every draw: plotly may rebuild its SVG and mode bar.

const KO_CHART_CSS = `
.ko-sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.js-plotly-plot .plotly:focus-within .modebar--hover > :not(.watermark) { opacity: 1; }
.ko-chart { content-visibility: auto; contain-intrinsic-size: auto 450px; }
.js-plotly-plot .plotly .modebar-btn:focus-visible { outline: 2px solid #1f5f99;
  outline-offset: 1px; border-radius: 2px; }
`;

// The styles above, added to the page once.
function koChartStyles() {
  if (document.getElementById("ko-chart-access")) return;
  const style = document.createElement("style");
  style.id = "ko-chart-access";
  style.textContent = KO_CHART_CSS;
  document.head.appendChild(style);
}

function koAccessibleChart(gd, toolbarLabel) {
  koChartStyles();
  gd.querySelectorAll(".main-svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));
  const bar = gd.querySelector(".modebar");
  if (!bar) return;
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", toolbarLabel);
  const buttons = [...bar.querySelectorAll(".modebar-btn")];
  const current = buttons.find((button) => button.getAttribute("tabindex") === "0");
  buttons.forEach((button) => {
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", button.getAttribute("data-title") || "");
    button.setAttribute("tabindex", button === (current || buttons[0]) ? "0" : "-1");
  });
  if (bar._koKeys) return;
  bar._koKeys = true;
  bar.addEventListener("keydown", (event) => {
    const all = [...bar.querySelectorAll(".modebar-btn")];
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      all[at].dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      return;
    }
    const moves = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: all.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = all[(moves[event.key] + all.length) % all.length];
    all[at].setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  });
}
