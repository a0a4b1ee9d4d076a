/**
 * The workbook's stage pages in JupyterLab read like pages, not like code:
 *
 * - a stage notebook runs as soon as its kernel is ready, so its widgets appear with no click;
 * - its code, prompts and collapsed-code markers are hidden (View menu or a setting shows them);
 * - running it never marks it modified, so leaving it asks nothing;
 * - brought back (its tab shown again), it runs again if the workbook changed elsewhere since it
 *   ran: its kernel is asked silently, with no cell and no trace (workbook/store/freshness.py).
 *
 * A stage is a notebook whose metadata names it (`"workbook": {"stage": NAME}`, written by
 * scripts/build_notebooks.py) and whose path is exactly NAME.ipynb at the root of the workbook's
 * JupyterLab. Any other notebook, a renamed copy of a stage included, is left alone.
 */

import { ILabShell, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { SessionAPI } from '@jupyterlab/services';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { noteTyping, openPage, refreshIfStale } from './pageRuns';
// Every control announces its visible label (sliders and toggle buttons included): the very file
// the app's template includes, so both front ends run the same code.
import '../../jupyter_config/share/voila/templates/workbook/static/workbook-a11y.js';

const PLUGIN_ID = 'workbook-lab:plugin';
const TOGGLE_CODE = 'workbook:toggle-code';
const STAGE_CLASS = 'workbook-stage';
const HIDE_CODE_CLASS = 'workbook-hide-code';
/** A stage's name, as its notebook's metadata gives it: "02_daily_checkin". */
const STAGE_NAME = /^\d\d_[a-z0-9_]+$/;
/** A phone held upright (390–430 px) and small tablets: too narrow for a side bar beside a page. */
const NARROW = '(max-width: 760px)';

interface Options {
  showCode: boolean;
  runOnOpen: boolean;
}

/** The stage this notebook is, or null when it is not one of the workbook's own pages. */
export function stageOf(panel: NotebookPanel): string | null {
  const meta = panel.content.model?.getMetadata('workbook') as { stage?: unknown } | undefined;
  const stage = meta && typeof meta === 'object' ? meta.stage : undefined;
  if (typeof stage !== 'string' || !STAGE_NAME.test(stage)) {
    return null;
  }
  return panel.context.path === `${stage}.ipynb` ? stage : null;
}

/** The words and code of every cell: what "modified" means for a stage page. */
function cellText(panel: NotebookPanel): string {
  const cells = panel.content.model?.sharedModel.cells ?? [];
  return JSON.stringify(cells.map(cell => [cell.cell_type, cell.getSource()]));
}

/**
 * Outputs, execution counts and the kernel's language info change as a page runs; none of them
 * is kept on save (the server's pre_save_hook strips outputs), so none should ask to be saved.
 * A person's own edit to the words or the code still marks the page modified.
 */
function keepClean(panel: NotebookPanel): void {
  const original = cellText(panel);
  const model = panel.context.model;
  model.stateChanged.connect((_, change) => {
    if (change.name === 'dirty' && change.newValue === true && cellText(panel) === original) {
      model.dirty = false;
    }
  });
  model.dirty = false;
}

/** The stage opened by its address (lab/tree/NAME.ipynb), if the address names one. */
function stageAtAddress(): string | null {
  const path = PageConfig.getOption('treePath');
  const stage = path.slice(0, -'.ipynb'.length);
  return path.endsWith('.ipynb') && STAGE_NAME.test(stage) ? stage : null;
}

/**
 * A stage opened by its address has its kernel started while JupyterLab is still starting, not
 * once the notebook has loaded and been drawn, which is about 2 s later. JupyterLab connects a
 * notebook to the running session of its path, so the page finds its kernel ready and runs at
 * once. Only the workbook's own stages, read from the notebook itself as `stageOf` reads them; a
 * notebook already running keeps its kernel.
 */
async function startKernelEarly(app: JupyterFrontEnd, stage: string): Promise<void> {
  const path = `${stage}.ipynb`;
  const services = app.serviceManager;
  const model = await services.contents.get(path, { type: 'notebook', content: true });
  const metadata = (model.content as { metadata?: Record<string, any> } | null)?.metadata ?? {};
  const kernel = metadata.kernelspec?.name;
  if (metadata.workbook?.stage !== stage || typeof kernel !== 'string') {
    return;
  }
  const running = await SessionAPI.listRunning(services.serverSettings);
  if (running.some(session => session.path === path)) {
    return;
  }
  await SessionAPI.startSession(
    { path, type: 'notebook', name: path, kernel: { name: kernel } },
    services.serverSettings
  );
  await services.sessions.refreshRunning();
}

/**
 * A person's words show on a stage page as they were typed: "Save $20 a week, spend under $50" is
 * money, not mathematics. JupyterLab's MathJax typesets whatever stands between two dollar signs in
 * every Markdown cell, HTML output and widget label; a stage page holds no mathematics, so its own
 * copy of the renderers (which its cells, outputs and widgets read as they draw) typesets nothing,
 * and MathJax (about 900 KB of script, fetched and started as it first typesets) is never loaded
 * for it. Set as the notebook is created, before its first cell is drawn; whether it is a stage is
 * known once it has loaded, and a person's own notebooks keep MathJax. The app does the same for
 * every page (labextension/app).
 */
function mathematicsOnlyOffStages(panel: NotebookPanel): void {
  const rendermime = panel.content.rendermime as unknown as {
    latexTypesetter: { typeset(node: HTMLElement): void | Promise<void> } | null;
  };
  const mathematics = rendermime.latexTypesetter;
  const isStage = panel.context.ready.then(
    () => stageOf(panel) !== null,
    () => false
  );
  // A typesetter that sets nothing on a stage, not none: with none, ipywidgets falls back to the
  // page's own `window.MathJax` (MathJax 3 here, without the `Hub` it expects) and throws at
  // every label.
  rendermime.latexTypesetter = {
    typeset: async (node: HTMLElement): Promise<void> => {
      if (!(await isStage) && mathematics) {
        await mathematics.typeset(node);
      }
    }
  };
}

function showCode(panel: NotebookPanel, options: Options): void {
  panel.toggleClass(HIDE_CODE_CLASS, !options.showCode);
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: "The workbook's stage pages run on opening, show no code and stay unmodified.",
  autoStart: true,
  requires: [INotebookTracker, ISettingRegistry],
  optional: [ILabShell],
  activate: async (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    registry: ISettingRegistry,
    labShell: ILabShell | null
  ): Promise<void> => {
    // First, before anything else waits: the kernel starts while the rest of JupyterLab does.
    const opening = stageAtAddress();
    if (opening) {
      startKernelEarly(app, opening).catch(reason =>
        console.warn('workbook-lab: the kernel will start with the page instead', reason)
      );
      // ipywidgets' controls (every slider, box and button, 150 KB of script) are fetched as the
      // first widget arrives from the kernel, and every widget of the page waits for them: fetched
      // now, while JupyterLab starts, they are there when it arrives. The one copy the widget
      // manager uses (a shared module), so nothing is fetched twice.
      import('@jupyter-widgets/controls').catch(reason =>
        console.warn('workbook-lab: the controls will load with the first widget', reason)
      );
    }
    // Loaded on its own (with ipywidgets' base, which the widget manager loads too) so that
    // nothing waits for it; it is in place long before a person has typed and saved.
    import('./wordsBeforeClicks')
      .then(module => module.sendWordsBeforeClicks())
      .catch(reason => console.warn('workbook-lab: clicks are sent as ipywidgets sends them', reason));
    const options: Options = { showCode: false, runOnOpen: true };
    const stages = new Set<NotebookPanel>();
    let settings: ISettingRegistry.ISettings | null = null;

    const read = (): void => {
      options.showCode = settings?.get('showCode').composite === true;
      options.runOnOpen = settings?.get('runOnOpen').composite !== false;
      stages.forEach(panel => showCode(panel, options));
      app.commands.notifyCommandChanged(TOGGLE_CODE);
    };

    const settingsLoaded = registry
      .load(PLUGIN_ID)
      .then(loaded => {
        settings = loaded;
        settings.changed.connect(read);
        read();
      })
      .catch(reason => console.warn('workbook-lab: settings not loaded, using defaults', reason));

    app.commands.addCommand(TOGGLE_CODE, {
      label: 'Show Code on Workbook Pages',
      caption: "Show or hide the code of the workbook's stage pages",
      isToggled: () => options.showCode,
      execute: async () => {
        if (settings) {
          await settings.set('showCode', !options.showCode);
        } else {
          options.showCode = !options.showCode;
          stages.forEach(panel => showCode(panel, options));
        }
      }
    });

    // Hide the code from the first frame on, before the settings or the notebook have loaded:
    // every notebook starts hidden and is shown again as soon as it turns out not to be a stage.
    tracker.widgetAdded.connect(async (_, panel) => {
      panel.addClass(HIDE_CODE_CLASS);
      mathematicsOnlyOffStages(panel);
      await panel.context.ready;
      const stage = stageOf(panel);
      if (!stage) {
        panel.removeClass(HIDE_CODE_CLASS);
        return;
      }
      panel.addClass(STAGE_CLASS);
      panel.node.dataset.workbookStage = stage;
      // On a phone the file browser beside the page left it a strip a few words wide: the page
      // takes the screen, and the list of stages is one tap away on the side bar.
      if (labShell && window.matchMedia(NARROW).matches) {
        labShell.collapseLeft();
      }
      stages.add(panel);
      noteTyping(panel);
      panel.disposed.connect(() => stages.delete(panel));
      await settingsLoaded;
      showCode(panel, options);
      keepClean(panel);
      if (options.runOnOpen) {
        await openPage(app, panel);
      }
    });

    // A stage brought back shows the workbook as it is now: a "Next" link to a page already open
    // reveals its tab (single-document mode keeps the pages seen behind the one shown), and so
    // does a click on its tab. Only pages that run on opening are run again.
    const shown = (widget: unknown): void => {
      if (widget instanceof NotebookPanel && stages.has(widget) && options.runOnOpen) {
        void refreshIfStale(app, widget);
      }
    };
    if (labShell) {
      labShell.currentChanged.connect((_, change) => shown(change.newValue));
    } else {
      tracker.currentChanged.connect((_, panel) => shown(panel));
    }
  }
};

export default plugin;
