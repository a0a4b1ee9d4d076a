/**
 * The app draws a page's widgets from the state that came with the page, without first asking
 * the kernel for it.
 *
 * Voilà's widget manager asks the page's kernel for every widget's state once the page has loaded
 * (ipywidgets' `request_states`): a websocket to open, the kernel to answer, and only then is a
 * widget drawn. The app's server now sends that state with the page, taken once the page's last
 * cell has run (workbook/app/state_with_the_page.py), in ipywidgets' own format for embedded
 * widgets. Here the page's models are made from it, each with its comm to the kernel, before
 * Voilà draws the page's outputs, so the widgets are drawn at once and work as before.
 *
 * Voilà's manager still asks the kernel, as it always does, and sets on these models what the
 * kernel answers: whatever changed in the kernel after the page was sent arrives that way. A value
 * the person has changed since the widget was drawn is left as they made it (their change is on
 * its way to the kernel). Wherever anything is missing (no state with the page, a widget's code
 * not registered in time, the kernel's answer already coming), the page is drawn as before.
 */

import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IJupyterWidgetRegistry, put_buffers, shims } from '@jupyter-widgets/base';
import type { IWidgetRegistryData, WidgetModel } from '@jupyter-widgets/base';

const STATE_SELECTOR = 'script[type="application/vnd.jupyter.widget-state+json"]';
// How long the page may wait for ipywidgets' own plugins to register their widgets' code; they do
// so as the page starts, within milliseconds. Past this the page is drawn as before.
const CLASSES_WAIT_MS = 1000;
// The kernel answers Voilà's manager within a fraction of a second.
const ANSWER_WAIT_MS = 10000;

/** One widget as ipywidgets embeds it (`Widget.get_manager_state`). */
interface IEmbeddedWidget {
  model_name: string;
  model_module: string;
  model_module_version: string;
  state: Record<string, unknown>;
  buffers?: { path: (string | number)[]; data: string; encoding: 'base64' }[];
}

type KernelComm = ConstructorParameters<typeof shims.services.Comm>[0];

/** What this module uses of Voilà's widget manager (ipywidgets' KernelWidgetManager). */
interface IPageWidgetManager {
  kernel: {
    hasComm(commId: string): boolean;
    createComm(targetName: string, commId: string): KernelComm;
  } | null;
  restoredStatus: boolean;
  restored: { connect(slot: () => void): boolean; disconnect(slot: () => void): boolean };
  has_model(modelId: string): boolean;
  register(data: IWidgetRegistryData): void;
  // The lookup loadModelClass makes, without the console error it writes for code not yet
  // registered.
  loadClass(name: string, module: string, version: string): Promise<unknown>;
  new_model(options: Record<string, unknown>, serializedState: unknown): Promise<WidgetModel>;
}

export const widgetStateWithThePage: JupyterFrontEndPlugin<void> = {
  id: 'workbook-app:widget-state-with-the-page',
  description: "A page's widgets drawn from the state sent with the page, at once.",
  autoStart: true,
  // Voilà's widget manager provides the registry: it exists once that plugin is active. Voilà
  // draws the page's outputs once every plugin is (app.started), so this one's models come first.
  requires: [IJupyterWidgetRegistry],
  activate: async (app: JupyterFrontEnd) => {
    const manager = (app as unknown as { widgetManager?: IPageWidgetManager }).widgetManager;
    const script = document.querySelector(STATE_SELECTOR);
    if (!manager || !script?.textContent) {
      return;
    }
    try {
      const widgets = JSON.parse(script.textContent).state as Record<string, IEmbeddedWidget>;
      await makeModels(manager, widgets);
    } catch (reason) {
      console.warn('workbook-app: widgets are drawn from the kernel, as before', reason);
    }
  }
};

async function makeModels(
  manager: IPageWidgetManager,
  widgets: Record<string, IEmbeddedWidget>
): Promise<void> {
  if (!(await classesRegistered(manager, Object.values(widgets)))) {
    return;
  }
  const ids = Object.keys(widgets);
  // All or nothing: once the kernel's answer has begun to make models, it makes them all.
  const kernel = manager.kernel;
  const begun = (id: string) => manager.has_model(id) || kernel?.hasComm(id);
  if (!kernel || manager.restoredStatus || ids.some(begun)) {
    return;
  }
  const drawn: Promise<WidgetModel>[] = [];
  // From the check above to the last model registered nothing waits, so the kernel's answer cannot
  // begin to make models in between. Every model is registered before any is built (new_model
  // registers before its first wait), so a box finds its children, as in ipywidgets' own loading.
  ids.forEach(id => {
    const widget = widgets[id];
    const state = widget.state;
    if (widget.buffers?.length) {
      put_buffers(
        state as Parameters<typeof put_buffers>[0],
        widget.buffers.map(buffer => buffer.path),
        widget.buffers.map(buffer => base64Bytes(buffer.data))
      );
    }
    drawn.push(
      manager.new_model(
        {
          model_name: widget.model_name,
          model_module: widget.model_module,
          model_module_version: widget.model_module_version,
          model_id: id,
          // A comm to the widget the kernel made, opened by the kernel (the manager's own
          // `_create_comm`, which sends nothing when given no data).
          comm: new shims.services.Comm(kernel.createComm('jupyter.widget', id))
        },
        state
      )
    );
  });
  void keepTheirChangesUntilTheKernelAnswers(manager, drawn);
}

/** Whether every kind of model on the page can be made now; waits for ipywidgets' plugins. */
function classesRegistered(
  manager: IPageWidgetManager,
  widgets: IEmbeddedWidget[]
): Promise<boolean> {
  const kinds = new Map<string, IEmbeddedWidget>();
  for (const widget of widgets) {
    kinds.set(`${widget.model_module}@${widget.model_module_version}/${widget.model_name}`, widget);
  }
  const register = manager.register;
  return new Promise(resolve => {
    let settled = false;
    const settle = (registered: boolean) => {
      if (!settled) {
        settled = true;
        manager.register = register;
        window.clearTimeout(timer);
        resolve(registered);
      }
    };
    const tryNow = () =>
      Promise.all(
        [...kinds.values()].map(kind =>
          manager.loadClass(kind.model_name, kind.model_module, kind.model_module_version)
        )
      ).then(
        () => settle(true),
        () => undefined // not registered yet: tried again as each registration comes
      );
    manager.register = (data: IWidgetRegistryData) => {
      register.call(manager, data);
      void tryNow();
    };
    const timer = window.setTimeout(() => settle(false), CLASSES_WAIT_MS);
    void tryNow();
  });
}

/**
 * Voilà's manager sets the kernel's answer on every model it finds made: a value the person changed
 * in the moment between the widget being drawn and that answer stays as they made it (their change
 * reached the kernel after it answered). Only that first setting is sifted, on each model, and only
 * until the answer has come: every later change from the kernel is set as it comes.
 */
async function keepTheirChangesUntilTheKernelAnswers(
  manager: IPageWidgetManager,
  drawn: Promise<WidgetModel>[]
): Promise<void> {
  const models = (await Promise.allSettled(drawn))
    .filter(
      (result): result is PromiseFulfilledResult<WidgetModel> => result.status === 'fulfilled'
    )
    .map(result => result.value);
  if (manager.restoredStatus) {
    return;
  }
  type Settable = { set_state?: WidgetModel['set_state'] };
  const disarm = (model: WidgetModel) => delete (model as Settable).set_state;
  for (const model of models) {
    const asDrawn = { ...model.attributes };
    (model as Settable).set_state = (state: Record<string, unknown>) => {
      disarm(model);
      const kept: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(state)) {
        if (model.get(key) === asDrawn[key]) {
          kept[key] = value;
        }
      }
      return model.set_state(kept);
    };
  }
  const answered = () => {
    manager.restored.disconnect(answered);
    window.clearTimeout(timer);
    models.forEach(disarm);
  };
  manager.restored.connect(answered);
  // Should the kernel never answer, its later changes are not sifted for long either.
  const timer = window.setTimeout(answered, ANSWER_WAIT_MS);
}

function base64Bytes(data: string): DataView {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    bytes[index] = text.charCodeAt(index);
  }
  return new DataView(bytes.buffer);
}
