/**
 * A stage page's runs on its kernel: run as it opens, run again when it is brought back and the
 * workbook changed elsewhere, and kept working when its kernel goes, during a run or after one.
 */

import { Dialog, showDialog } from '@jupyterlab/apputils';
import { JupyterFrontEnd } from '@jupyterlab/application';
import { CodeCell } from '@jupyterlab/cells';
import { NotebookActions, NotebookPanel } from '@jupyterlab/notebook';
import { Widget } from '@lumino/widgets';

/** Whether the stage draws plotly charts (scripts/build_notebooks.py marks it). */
function drawsCharts(panel: NotebookPanel): boolean {
  const meta = panel.content.model?.getMetadata('workbook') as { charts?: unknown } | undefined;
  return meta?.charts === true;
}

/** The pages running now: one run at a time per page. */
const running = new WeakSet<NotebookPanel>();

/**
 * How a run ended: every cell sent and answered, the kernel gone from under it, restarted under it
 * (the cells sent to the kernel before are never answered), or not started.
 */
type Outcome = 'ran' | 'lost' | 'restarted' | 'not run';

/** Resolves when the page's kernel begins to restart (any restart: the menu's, or after it died). */
function kernelRestarts(panel: NotebookPanel): { restarted: Promise<'restarted'>; stop: () => void } {
  const context = panel.sessionContext;
  let stop = (): void => undefined;
  const restarted = new Promise<'restarted'>(resolve => {
    const status = (_: unknown, now: string): void => {
      if (now === 'restarting' || now === 'autorestarting') {
        resolve('restarted');
      }
    };
    context.statusChanged.connect(status);
    stop = () => context.statusChanged.disconnect(status);
  });
  return { restarted, stop };
}

/**
 * Resolves when the page's kernel has gone from under it: its session ended (jupyter_server's
 * culler took an idle kernel just as the page reused it, or it was shut down elsewhere), or it
 * died. A dropped connection is checked with the server, whose answer ends a session that is gone;
 * a connection that comes back is no loss.
 */
function kernelGone(app: JupyterFrontEnd, panel: NotebookPanel): { gone: Promise<void>; stop: () => void } {
  const context = panel.sessionContext;
  let stop = (): void => undefined;
  const gone = new Promise<void>(resolve => {
    const check = (): void => {
      const kernel = context.session?.kernel;
      if (!kernel || kernel.status === 'dead') {
        resolve();
      } else if (kernel.connectionStatus !== 'connected') {
        void app.serviceManager.sessions.refreshRunning().catch(() => undefined);
      }
    };
    context.sessionChanged.connect(check);
    context.statusChanged.connect(check);
    context.connectionStatusChanged.connect(check);
    stop = () => {
      context.sessionChanged.disconnect(check);
      context.statusChanged.disconnect(check);
      context.connectionStatusChanged.disconnect(check);
    };
    check();
  });
  return { gone, stop };
}

/** Run every code cell in order, as Run All does, but without moving the selection or scrolling. */
async function runPage(app: JupyterFrontEnd, panel: NotebookPanel): Promise<Outcome> {
  const session = panel.sessionContext;
  await session.ready;
  if (session.isDisposed || running.has(panel)) {
    return 'not run';
  }
  if (!session.session?.kernel) {
    // At opening a stage always has its kernel (its notebook names one); none means it was lost.
    return panel.node.dataset.workbookRan === 'true' ? 'not run' : 'lost';
  }
  running.add(panel);
  const watch = kernelGone(app, panel);
  const restarts = kernelRestarts(panel);
  try {
    // As Run All does: every code cell is sent at once, in order, so the kernel runs the next one
    // while this page draws the last one's output, not after a round trip per cell. The kernel
    // runs them one after another and, at the first error, drops the rest (each request says
    // stop_on_error), so the error stays the last thing in sight.
    const cells = panel.content.widgets.filter(cell => cell.model.type === 'code');
    const ran = Promise.all(cells.map(cell => CodeCell.execute(cell as CodeCell, session)));
    if (drawsCharts(panel)) {
      // Read while the kernel works (the workbook's plotly renderer, labextension/plotly).
      window.dispatchEvent(new Event('workbook:plotly-wanted'));
    }
    const outcome = await Promise.race([
      ran.then(() => 'ran' as const),
      watch.gone.then(() => 'lost' as const),
      restarts.restarted
    ]);
    if (outcome !== 'ran') {
      return outcome; // restarted: the restart's watcher runs the page again (runAgainAfterARestart)
    }
  } finally {
    watch.stop();
    restarts.stop();
    running.delete(panel);
  }
  markRun(panel);
  return 'ran';
}

/** The page has run, by the workbook or by JupyterLab's own Run All: what it shows is what it read. */
function markRun(panel: NotebookPanel): void {
  const runs = Number(panel.node.dataset.workbookRuns ?? '0') + 1;
  panel.node.dataset.workbookRuns = String(runs);
  panel.node.dataset.workbookRan = 'true';
  typedSinceRun.get(panel)?.clear();
}

/**
 * A page JupyterLab's own "Restart Kernel and Run All" ran before the workbook ever had (its first
 * run hung, and the person chose it): once its last cell is done (or one fails, and the kernel
 * drops the rest), it is a page that has run, watched for a lost kernel and brought up to date
 * when shown again, as if it had opened normally. Left unmarked, it was neither until reopened.
 */
function markRunWhenJupyterLabIsDone(app: JupyterFrontEnd, panel: NotebookPanel): void {
  const cells = panel.content.widgets.filter(cell => cell.model.type === 'code');
  const last = cells[cells.length - 1];
  const executed = (_: unknown, args: { notebook: unknown; cell: unknown; success: boolean }): void => {
    if (args.notebook !== panel.content || (args.cell !== last && args.success)) {
      return;
    }
    NotebookActions.executed.disconnect(executed);
    if (!panel.isDisposed && panel.node.dataset.workbookRan !== 'true') {
      markRun(panel);
      keepWorking(app, panel);
    }
  };
  NotebookActions.executed.connect(executed);
  panel.disposed.connect(() => NotebookActions.executed.disconnect(executed));
}

/**
 * Another kernel for a page whose own has gone. The server's answer first: a session it has ended
 * is dropped here too, so the kernel starts in a session of its own rather than being asked of
 * one that is gone.
 */
async function startAnother(app: JupyterFrontEnd, panel: NotebookPanel): Promise<boolean> {
  const spec = panel.context.model.getMetadata('kernelspec') as { name?: unknown } | undefined;
  const name = typeof spec?.name === 'string' ? spec.name : 'python3';
  try {
    await app.serviceManager.sessions.refreshRunning();
    await panel.sessionContext.changeKernel({ name });
    return true;
  } catch (reason) {
    console.warn('workbook-lab: could not start another kernel', reason);
    return false;
  }
}

/**
 * Open a stage: run it, and if its kernel goes while it opens, start another and run the page on
 * it, as a person would by reopening it (twice at most: a kernel that keeps dying is left to
 * JupyterLab's own messages). Once it has run, the page watches its kernel (`keepWorking`); from
 * its first run on, it watches for a restart of it (`runAgainAfterARestart`).
 */
export async function openPage(app: JupyterFrontEnd, panel: NotebookPanel): Promise<void> {
  // From the first run on: a restart while the page opens cuts that run off (its cells were sent
  // to the kernel as it was before), and the page is opened again once its kernel is back.
  runAgainAfterARestart(app, panel);
  for (let tries = 0; ; tries++) {
    const outcome = await runPage(app, panel);
    if (outcome === 'ran') {
      keepWorking(app, panel);
    }
    if (outcome !== 'lost' || tries >= 2 || panel.isDisposed) {
      return;
    }
    console.warn('workbook-lab: the page lost its kernel as it opened; starting another');
    if (!(await startAnother(app, panel))) {
      return;
    }
  }
}

/** The boxes a person has typed into on each page since it last ran. */
const WORDS = new Set(['text', 'date']);
const typedSinceRun = new WeakMap<NotebookPanel, Set<HTMLInputElement | HTMLTextAreaElement>>();

export function noteTyping(panel: NotebookPanel): void {
  const typed = new Set<HTMLInputElement | HTMLTextAreaElement>();
  typedSinceRun.set(panel, typed);
  panel.node.addEventListener('input', event => {
    const box = event.target;
    // Words, and the day they were for (a date box changed to an earlier day).
    if (box instanceof HTMLTextAreaElement || (box instanceof HTMLInputElement && WORDS.has(box.type))) {
      typed.add(box);
    }
  });
}

/**
 * What a person typed since the page ran and has not seen saved, each box's label and words, taken
 * to be shown: a later loss shows only what was typed after it, whoever ran the page again.
 */
function takeUnsavedWords(panel: NotebookPanel): string[] {
  const typed = typedSinceRun.get(panel);
  const boxes = [...(typed ?? [])];
  typed?.clear();
  return boxes
    .filter(box => box.value.trim() !== '')
    .map(box => {
      const label = box.getAttribute('aria-label') ?? box.labels?.[0]?.textContent ?? '';
      return label.trim() ? `${label.trim()}:\n${box.value}` : box.value;
    });
}

/**
 * A page that has run keeps working if its kernel goes later: taken by jupyter_server's culler
 * after the connection dropped (a laptop asleep), shut down from elsewhere, or dead. Left alone,
 * the page kept its widgets with nothing behind them: "Save" did nothing, and said nothing. The
 * page starts another kernel and runs again, showing the workbook as it is now; words typed into
 * it since it ran, which the page could no longer have saved, are shown to the person to copy
 * back, not dropped. A kernel shut down here on purpose (JupyterLab's Kernel menu, the tab
 * closing) is left shut down.
 */
function keepWorking(app: JupyterFrontEnd, panel: NotebookPanel): void {
  const context = panel.sessionContext;
  let onPurpose = false;
  const terminating = (_: unknown, status: string): void => {
    onPurpose = onPurpose || status === 'terminating';
  };
  context.statusChanged.connect(terminating);
  const watch = kernelGone(app, panel);
  const kernel = context.session?.kernel ?? null;
  void watch.gone.then(async () => {
    watch.stop();
    context.statusChanged.disconnect(terminating);
    // The tab closing disposes the page as it shuts its kernel down: let that finish first.
    await new Promise(resolve => setTimeout(resolve, 200));
    const replaced = context.session?.kernel && context.session.kernel !== kernel;
    if (onPurpose || replaced || panel.isDisposed || context.isDisposed || running.has(panel)) {
      return; // on purpose, already restarted, closed, or a run in hand that sees to its own
    }
    console.warn('workbook-lab: the page lost its kernel after it ran; starting another');
    const unsaved = takeUnsavedWords(panel);
    const started = await startAnother(app, panel);
    if (started) {
      await openPage(app, panel);
    }
    if (unsaved.length && !panel.isDisposed) {
      await showUnsaved(panel, unsaved, started ? 'started again' : 'could not start');
    }
  });
}

/** The pages watched for a restart of their kernel: one watch a page, however often it runs. */
const watchedForRestarts = new WeakSet<NotebookPanel>();

/**
 * A page whose kernel is restarted (Kernel → Restart Kernel, or JupyterLab restarting a kernel that
 * died) runs again on it. Left alone, it kept its widgets with nothing behind them, as a page whose
 * kernel had gone: "Save" did nothing and said nothing. Words typed since it last ran are shown
 * to copy back, as there. "Restart Kernel and Run All" runs the page itself: not run twice (and a
 * page it runs for the first time is marked run by it). A page whose first run a restart cut off
 * is opened again the same way.
 */
function runAgainAfterARestart(app: JupyterFrontEnd, panel: NotebookPanel): void {
  if (watchedForRestarts.has(panel)) {
    return;
  }
  watchedForRestarts.add(panel);
  const context = panel.sessionContext;
  let unsaved: string[] | null = null; // since the restart began, until the page runs again
  let restarting = false; // from the restart to the moment the page is run again, or not
  let ranByJupyterLab = false;
  const scheduled = (_: unknown, args: { notebook: unknown }): void => {
    if (!restarting || args.notebook !== panel.content || ranByJupyterLab) {
      return;
    }
    ranByJupyterLab = true;
    if (panel.node.dataset.workbookRan !== 'true') {
      markRunWhenJupyterLabIsDone(app, panel);
    }
  };
  NotebookActions.executionScheduled.connect(scheduled);
  const status = (_: unknown, now: string): void => {
    if (now === 'restarting' || now === 'autorestarting') {
      // Read now: the boxes still hold the words, and the run below replaces them.
      unsaved = unsaved ?? takeUnsavedWords(panel);
      if (!restarting) {
        restarting = true; // JupyterLab says 'restarting' more than once a restart
        ranByJupyterLab = false;
      }
    } else if (now === 'idle' && unsaved !== null) {
      const words = unsaved;
      unsaved = null;
      void (async () => {
        // Restart Kernel and Run All schedules its cells as soon as the restart is done, which
        // is about when the kernel first says it is idle: leave it a second to do so.
        await new Promise(resolve => setTimeout(resolve, 1000));
        restarting = false;
        if (panel.isDisposed || context.isDisposed || running.has(panel)) {
          return;
        }
        if (!ranByJupyterLab) {
          console.warn('workbook-lab: the page was restarted; running it again');
          if (panel.node.dataset.workbookRan === 'true') {
            await runPage(app, panel);
          } else {
            await openPage(app, panel); // cut off as it opened: opened again, and then watched
          }
        }
        if (words.length && !panel.isDisposed) {
          await showUnsaved(panel, words, 'restarted');
        }
      })();
    }
  };
  context.statusChanged.connect(status);
  panel.disposed.connect(() => {
    context.statusChanged.disconnect(status);
    NotebookActions.executionScheduled.disconnect(scheduled);
  });
}

/** Why the page shows the words it kept, and what to do with them. */
const KEPT_BECAUSE = {
  'started again':
    'This page lost its connection for a while, so it has started again. ' +
    'What you typed since it opened is below, in case it was not saved yet: ' +
    'copy it back into its box, then save.',
  'could not start':
    'This page lost its connection to the workbook and could not start again, so it cannot ' +
    'save now. What you typed since it opened is below: keep a copy of it, then reload the ' +
    'page once the workbook is running again.',
  restarted:
    "This page's kernel was restarted, so the page has run again. What you typed since it " +
    'opened is below, in case it was not saved yet: copy it back into its box, then save.'
};

/** The page's own title, its first heading ("Today's check-in"), else its file's name. */
function titleOf(panel: NotebookPanel): string {
  const heading = panel.node.querySelector('.jp-MarkdownOutput h1')?.textContent ?? '';
  return heading.replace(/¶$/, '').trim() || panel.context.path;
}

/**
 * The words, and what to do with them. The page is named: with several pages open, the one the
 * words were typed on may be behind the one in sight.
 */
async function showUnsaved(
  panel: NotebookPanel,
  words: string[],
  because: keyof typeof KEPT_BECAUSE
): Promise<void> {
  const body = document.createElement('div');
  body.className = 'workbook-unsaved';
  const page = document.createElement('p');
  const title = document.createElement('strong');
  title.textContent = titleOf(panel);
  page.append(title);
  const said = document.createElement('p');
  said.textContent = KEPT_BECAUSE[because];
  const kept = document.createElement('textarea');
  kept.readOnly = true;
  kept.rows = 8;
  kept.setAttribute('aria-label', 'What you had typed');
  kept.value = words.join('\n\n');
  body.append(page, said, kept);
  const widget = new Widget({ node: body });
  await showDialog({
    title: 'Your words are still here',
    body: widget,
    buttons: [Dialog.okButton({ label: 'I have copied them' })]
  });
}

/** Asked of a page's kernel: has the workbook changed elsewhere since the page ran? */
const STALE = "__import__('workbook.store.freshness', fromlist=['stale']).stale()";

/**
 * Whether the page shows the workbook as it was, not as it is: the kernel is asked as a silent
 * request with one user expression, so nothing is shown, counted or kept in its history.
 */
async function isStale(panel: NotebookPanel): Promise<boolean> {
  const kernel = panel.sessionContext.session?.kernel;
  if (!kernel || panel.isDisposed) {
    return false;
  }
  const future = kernel.requestExecute({
    code: '',
    silent: true,
    store_history: false,
    allow_stdin: false,
    stop_on_error: false,
    user_expressions: { stale: STALE }
  });
  const reply = await future.done;
  const content = reply.content as {
    status: string;
    user_expressions?: { stale?: { status?: string; data?: { 'text/plain'?: string } } };
  };
  const answer = content.user_expressions?.stale;
  return content.status === 'ok' && answer?.status === 'ok' && answer.data?.['text/plain'] === 'True';
}

/** A page shown again runs again when the workbook changed elsewhere since it ran. */
export async function refreshIfStale(app: JupyterFrontEnd, panel: NotebookPanel): Promise<void> {
  if (running.has(panel) || panel.node.dataset.workbookRan !== 'true') {
    return; // still running as it opened: it reads the workbook as it is now anyway
  }
  try {
    if (await isStale(panel)) {
      await runPage(app, panel);
    }
  } catch (reason) {
    console.warn('workbook-lab: could not ask whether the page is up to date', reason);
  }
}
