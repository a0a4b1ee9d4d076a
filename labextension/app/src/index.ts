/**
 * The app's pages (Voilà) show a person's words as they were typed: "Save $20 a week, spend under
 * $50" is money, not mathematics, and a partner's name is a name.
 *
 * Voilà registers JupyterLab's MathJax typesetter among its own plugins, where no setting leaves it
 * out, and MathJax typesets whatever stands between two dollar signs in every HTML output and every
 * widget's label. The workbook's pages hold no mathematics, so the app's typesetter sets nothing.
 * A plugin that provides a service already provided takes its place (Lumino's PluginRegistry), and
 * Voilà registers extensions' plugins after its own. JupyterLab does the same for its stage pages
 * only (labextension/src/index.ts): a person's own notebooks there keep MathJax.
 *
 * Every word typed reaches the kernel before the click that saves it (../../src/wordsBeforeClicks.ts,
 * shared with JupyterLab's stage pages).
 *
 * A page's widgets are drawn from the state sent with the page, without first asking the kernel
 * (./widgetStateWithThePage.ts).
 *
 * Voilà alone loads this extension: it lives in a `voila/labextensions` folder on the Jupyter path,
 * which JupyterLab does not read.
 */

import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ILatexTypesetter } from '@jupyterlab/rendermime';

import { widgetStateWithThePage } from './widgetStateWithThePage';

const plainWords: JupyterFrontEndPlugin<ILatexTypesetter> = {
  id: 'workbook-app:plain-words',
  description: "The app's typesetter: a person's words are shown as typed, never as mathematics.",
  autoStart: true,
  provides: ILatexTypesetter,
  activate: () => ({ typeset: () => undefined })
};

const wordsBeforeClicks: JupyterFrontEndPlugin<void> = {
  id: 'workbook-app:words-before-clicks',
  description: 'Every word typed reaches the kernel before the click that saves it.',
  autoStart: true,
  activate: () => {
    // On its own, with ipywidgets' base (which the widget manager loads too): nothing waits for it.
    import('../../src/wordsBeforeClicks')
      .then(module => module.sendWordsBeforeClicks())
      .catch(reason => console.warn('workbook-app: clicks are sent as ipywidgets sends them', reason));
  }
};

export default [plainWords, wordsBeforeClicks, widgetStateWithThePage];
