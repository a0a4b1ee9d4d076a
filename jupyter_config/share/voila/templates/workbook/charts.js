// The page's charts, drawn once the page is shown (index.html.j2 puts each chart's data in a box
// of its size). Voilà reveals a page only when every labextension has loaded; plotly's renderer
// would make that wait for 4.7 MB of script. So the words and widgets come first, and plotly.js
// (the smallest bundle that draws these charts, workbook/views/plotly_bundle.py; versioned so the
// browser keeps it) is fetched after: the charts that are in view are drawn first, then the rest,
// one per frame, so the page never freezes.
(function () {
  "use strict";
  const WAITING = ".workbook-chart[aria-busy='true']";

  function config() {
    const element = document.getElementById("jupyter-config-data");
    return element ? JSON.parse(element.textContent) : {};
  }

  function loadPlotly(url) {
    if (window.Plotly) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("plotly.js did not load")); };
      document.head.appendChild(script);
    });
  }

  function inView(box) {
    const rect = box.getBoundingClientRect();
    return rect.top < window.innerHeight && rect.bottom > 0;
  }

  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { resolve(); }); });
  }

  async function draw(box) {
    const figure = JSON.parse(box.querySelector("script").textContent);
    const plot = document.createElement("div");
    box.replaceChildren(plot);
    box.setAttribute("aria-busy", "false"); // first: plotly takes its width from the box as it is
    const fitted = window.workbookFitChart(figure, box.clientWidth); // phone.js
    await window.Plotly.newPlot(plot, figure.data || [], fitted.layout, fitted.config);
  }

  async function drawAll() {
    const boxes = Array.from(document.querySelectorAll(WAITING));
    if (boxes.length === 0) return;
    await loadPlotly(config().workbookPlotlyJs);
    const first = boxes.filter(inView);
    for (const box of first.concat(boxes.filter(function (b) { return !first.includes(b); }))) {
      await draw(box);
      await nextFrame();
    }
  }

  function idle() {
    return new Promise(function (resolve) {
      if (window.requestIdleCallback) window.requestIdleCallback(resolve, { timeout: 1000 });
      else setTimeout(resolve, 50);
    });
  }

  // After Voilà's app has started and drawn the cells' outputs, the page has been painted with
  // them, and the browser has a moment: running plotly.js takes the page's thread for a while.
  async function afterTheApp() {
    while (!window.jupyterapp) await new Promise(function (r) { setTimeout(r, 50); });
    await window.jupyterapp.started;
    await nextFrame();
    await nextFrame();
    await idle();
    drawAll().catch(function (error) {
      document.querySelectorAll(WAITING).forEach(function (box) {
        box.setAttribute("aria-busy", "false");
      });
      console.error("workbook charts:", error);
    });
  }

  // Voilà calls this when the cells may be shown (again once its theme is in).
  const showCells = window.voila_finish;
  let started = false;
  window.voila_finish = function () {
    showCells();
    if (window.themeLoaded && !started) {
      started = true;
      afterTheApp();
    }
  };
})();
