/*
 * Every control on a workbook page announces the words a person sees beside it.
 *
 * ipywidgets 8 ties a control's own description (<label class="widget-label">) to text boxes,
 * numbers, drop-downs and date pickers with <label for>, but not to a slider's handle (a
 * <div role="slider"> from noUiSlider) nor to a row of toggle buttons, and it does not say which
 * toggle button is chosen. This fills those gaps (and two smaller ones below) for every widget, from the visible label,
 * so nothing can drift from what is shown. (Each is worth proposing to ipywidgets itself.)
 *
 * One file for both front ends: the app's template includes it (index.html.j2), and the workbook's
 * JupyterLab extension bundles it (labextension/src/index.ts imports this very file).
 */
(function () {
  'use strict';
  let next = 0;
  let queued = false;

  // ipywidgets copies a missing tooltip into the label's title as the word "null", which a
  // mouse shows and a screen reader may read out: a label needs no title of its own.
  function dropNullTitles(root) {
    root.querySelectorAll('.widget-label[title="null"]').forEach(function (label) {
      label.removeAttribute('title');
    });
  }

  function labelOf(widget) {
    const label = widget.querySelector(':scope > .widget-label');
    if (!label || label.style.display === 'none' || !label.textContent.trim()) {
      return null;
    }
    if (!label.id) {
      next += 1;
      label.id = 'workbook-label-' + next;
    }
    return label;
  }

  // A slider in a row after a tick box or a text box that names a goal ("Walk", or the goal a
  // person types) says how often: it is named by both ("Walk times a week"), not by its own words
  // alone, which every goal's slider shares.
  function goalOf(slider) {
    const before = slider.previousElementSibling;
    if (!before || !slider.parentElement.classList.contains('widget-hbox')) {
      return null;
    }
    let words = null;
    if (before.classList.contains('widget-checkbox')) {
      words = before.querySelector('.widget-label-basic span');
    } else if (before.classList.contains('widget-text')) {
      words = before.querySelector('input');
    }
    if (words && !words.id) {
      next += 1;
      words.id = 'workbook-label-' + next;
    }
    return words;
  }

  // A button's icon is drawn from a font's private characters, which would otherwise be read
  // out as part of its name ("check Save"): the words are the name.
  function hideIcons(root) {
    root.querySelectorAll('.jupyter-widgets i.fa:not([aria-hidden])').forEach(function (icon) {
      icon.setAttribute('aria-hidden', 'true');
    });
  }

  function tie(root) {
    dropNullTitles(root);
    hideIcons(root);
    root.querySelectorAll('.widget-slider').forEach(function (slider) {
      const label = labelOf(slider);
      const goal = goalOf(slider);
      const names = [goal && goal.id, label && label.id].filter(Boolean).join(' ');
      slider.querySelectorAll('[role="slider"]').forEach(function (handle) {
        if (names && handle.getAttribute('aria-labelledby') !== names) {
          handle.setAttribute('aria-labelledby', names);
        }
      });
    });
    root.querySelectorAll('.widget-toggle-buttons').forEach(function (widget) {
      const buttons = widget.querySelector(':scope > div');
      const label = labelOf(widget);
      if (buttons && label && buttons.getAttribute('aria-labelledby') !== label.id) {
        buttons.setAttribute('role', 'group');
        buttons.setAttribute('aria-labelledby', label.id);
      }
    });
    root.querySelectorAll('.widget-toggle-button').forEach(function (button) {
      const pressed = String(button.classList.contains('mod-active'));
      if (button.getAttribute('aria-pressed') !== pressed) {
        button.setAttribute('aria-pressed', pressed);
      }
    });
  }

  // Enter in a one-line box moves on, as a paper form's next line would: to the next control of
  // the page (its Save button after the last field), where Enter presses the button. ipywidgets
  // does nothing with it. A text area keeps Enter for a new line.
  function controls() {
    return Array.from(
      document.querySelectorAll(
        '.jupyter-widgets input:not([type=hidden]):not([disabled]), .jupyter-widgets textarea:not([disabled]), ' +
          '.jupyter-widgets button:not([disabled]), .jupyter-widgets [role="slider"]'
      )
    ).filter(function (element) {
      return element.offsetParent !== null;
    });
  }

  function moveOn(event) {
    const box = event.target;
    const oneLine =
      box instanceof HTMLInputElement &&
      ['text', 'number', 'date', 'time', 'email', 'search'].indexOf(box.type) !== -1;
    if (event.key !== 'Enter' || event.isComposing || event.shiftKey || !oneLine) {
      return;
    }
    if (!box.closest('.jupyter-widgets')) {
      return;
    }
    const all = controls();
    const next = all[all.indexOf(box) + 1];
    if (next) {
      event.preventDefault();
      box.dispatchEvent(new Event('change', { bubbles: true })); // the value goes in first
      next.focus();
    }
  }

  function soon() {
    if (!queued) {
      queued = true;
      requestAnimationFrame(function () {
        queued = false;
        tie(document);
      });
    }
  }

  function start() {
    document.addEventListener('keydown', moveOn, true);
    new MutationObserver(soon).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'title']
    });
    soon();
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
