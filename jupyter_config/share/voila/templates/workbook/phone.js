// A chart laid out for a phone (under 640 px wide, as in workbook-phone.css): its title and
// subtitle wrapped to the width, the legend under the plot, plotly's toolbar left out, the chart
// taller by what these take. A laptop's chart is drawn exactly as the figure says.
(function () {
  "use strict";
  const PHONE = "(max-width: 640px)";

  function wrap(text, perLine) {
    const lines = [];
    let line = "";
    for (const word of String(text).replace(/<br\s*\/?>/gi, " ").split(/\s+/)) {
      if (line && (line + " " + word).length > perLine) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  function size(font, fallback) {
    return (font && font.size) || fallback;
  }

  // A trace's values as a list: plotly sends numbers as a typed array ({dtype, bdata}, base64).
  const TYPED = { f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
                  i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array };
  function values(v) {
    if (Array.isArray(v)) return v;
    if (!v || typeof v.bdata !== "string" || !TYPED[v.dtype]) return [];
    const bytes = Uint8Array.from(atob(v.bdata), function (c) { return c.charCodeAt(0); });
    return Array.from(new TYPED[v.dtype](bytes.buffer));
  }

  function longest(list) {
    return Math.max.apply(null, values(list).map(function (v) { return String(v).length; }).concat([0]));
  }

  // A bar's own words beside it ("10 h 40 min") stay inside a narrow chart: its value axis
  // reaches far enough for the longest of them, as the figure's headroom does on a laptop.
  // Widths are estimated from the characters, 0.55 of the font's size each (a little over what
  // the workbook's fonts take), so the room kept errs on the side of too much.
  function keepRoomForBarWords(traces, layout, width, margin, fontSize) {
    traces.forEach(function (trace) {
      if (trace.type !== "bar" || trace.orientation !== "h" || trace.textposition !== "outside") return;
      const axis = layout["xaxis" + String(trace.xaxis || "x").slice(1)];
      if (!axis || !Array.isArray(axis.range)) return;
      const reach = Math.max.apply(null, values(trace.x).concat([0]));
      const labels = longest(trace.y) * fontSize * 0.55 + 24;
      const plot = width - Math.max(margin.l, labels) - margin.r;
      const words = longest(trace.text) * size(trace.textfont, fontSize) * 0.55 + 8;
      if (reach <= 0 || plot <= 0) return;
      // The longest bar keeps at least a quarter of the plot, however long its words.
      const room = Math.max(plot - words, plot / 4);
      axis.range = [axis.range[0], Math.max(axis.range[1], (reach * plot) / room)];
    });
  }

  window.workbookFitChart = function (figure, width) {
    const config = Object.assign({}, figure.config || {});
    if (!window.matchMedia(PHONE).matches) return { layout: figure.layout || {}, config: config };
    config.displayModeBar = false;
    const layout = JSON.parse(JSON.stringify(figure.layout || {}));
    const theme = ((layout.template || {}).layout) || {};
    const margin = Object.assign({}, theme.margin || {}, layout.margin || {});
    margin.l = Math.min(margin.l === undefined ? 64 : margin.l, 48);
    margin.r = Math.min(margin.r === undefined ? 24 : margin.r, 12);
    const baseHeight = layout.height || theme.height || 450;
    let top = 12;
    const title = typeof layout.title === "string" ? { text: layout.title } : layout.title;
    if (title && title.text) {
      const titleSize = size(title.font, size((theme.title || {}).font, 18));
      const lines = wrap(title.text, Math.max(12, Math.floor((width - 16) / (titleSize * 0.56))));
      title.text = lines.join("<br>");
      title.automargin = false;
      title.yref = "container";
      title.y = 1;
      title.yanchor = "top";
      // plotly places a title's first line at the anchor and the others above it.
      title.pad = { t: 12 + (lines.length - 1) * titleSize * 1.3 };
      top += lines.length * titleSize * 1.3;
      if (title.subtitle && title.subtitle.text) {
        const subSize = size(title.subtitle.font, 14);
        const subLines = wrap(title.subtitle.text, Math.max(14, Math.floor((width - 16) / (subSize * 0.55))));
        title.subtitle.text = subLines.join("<br>");
        top += subLines.length * subSize * 1.35 + 6;
      }
      layout.title = title;
    }
    // A long x-axis title wraps too: the plot is narrower than the chart by the axis labels.
    Object.keys(layout).filter(function (key) { return /^xaxis\d*$/.test(key); }).forEach(function (key) {
      const axisTitle = (layout[key] || {}).title;
      if (!axisTitle || !axisTitle.text) return;
      const perLine = Math.max(12, Math.floor((width * 0.55) / (size(axisTitle.font, 14) * 0.56)));
      const lines = wrap(axisTitle.text, perLine);
      axisTitle.text = lines.join("<br>");
    });
    margin.t = Math.ceil(top + 12);
    keepRoomForBarWords(figure.data || [], layout, width, margin, size((theme.font || {}), 14));
    const named = (figure.data || []).filter(function (t) { return t.showlegend !== false && t.name; });
    const legendShown = layout.showlegend !== false && named.length > 1;
    let legendHeight = 0;
    if (legendShown) {
      // At the foot of the chart, in the room kept for it under the axis (one row per entry).
      layout.legend = Object.assign({}, theme.legend || {}, layout.legend || {}, {
        orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "bottom", yref: "container",
      });
      legendHeight = named.length * 24 + 8;
    }
    margin.b = (margin.b === undefined ? 56 : margin.b) + legendHeight;
    layout.margin = margin;
    layout.height = baseHeight + Math.max(0, margin.t - 96) + legendHeight;
    layout.autosize = true;
    delete layout.width;
    return { layout: layout, config: config };
  };
})();

// On a phone, the box a person taps stays in view above the on-screen keyboard: once the
// keyboard has taken its place (the visual viewport shrinks), the box is scrolled to the middle.
(function () {
  "use strict";
  const TYPED = "input:not([type='checkbox']), textarea, select, [contenteditable='true']";
  document.addEventListener("focusin", function (event) {
    const box = event.target;
    if (!window.matchMedia("(max-width: 640px)").matches || !box.matches || !box.matches(TYPED)) return;
    const show = function () { box.scrollIntoView({ block: "center", inline: "nearest" }); };
    if (window.visualViewport) window.visualViewport.addEventListener("resize", show, { once: true });
    setTimeout(show, 350);
  });
})();
