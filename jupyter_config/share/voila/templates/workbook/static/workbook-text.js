// Every box a person types into takes the direction of what they type (dir="auto"): a name in
// Arabic or Hebrew reads right to left, with its punctuation where they put it. Widgets are drawn
// after the page loads, so new boxes are caught as they come.
(function () {
  "use strict";
  const BOXES = ".jupyter-widgets input[type='text'], .jupyter-widgets textarea";

  function mark(root) {
    root.querySelectorAll(BOXES).forEach(function (box) {
      if (!box.hasAttribute("dir")) box.setAttribute("dir", "auto");
    });
  }

  let queued = false;
  function soon() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; mark(document); });
  }

  new MutationObserver(soon).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  mark(document);
})();
