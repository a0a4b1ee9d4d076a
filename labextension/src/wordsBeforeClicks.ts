/**
 * Every word typed reaches the kernel before the click that saves it.
 *
 * ipywidgets sends a model's first change at once and holds its later changes until the kernel has
 * answered the first (a throttle: `_msg_buffer`, sent on the kernel's next "idle"). A button's
 * click is a custom message and goes out at once. So "The sea" typed quickly and saved at once
 * reached the kernel as "T", then the click, then "The sea": the check-in saved "T". The kernel
 * handles messages in the order they arrive, so it is enough to send what a model is holding just
 * before any custom message of the same page: nothing waits, nothing is dropped, and the throttle
 * still spares the kernel between clicks.
 *
 * Shared by JupyterLab's stage pages (this extension) and the app (labextension/app), which both
 * patch the one `@jupyter-widgets/base` the page's widget manager uses (a shared module).
 */

import { WidgetModel } from '@jupyter-widgets/base';

/** The fields of ipywidgets' throttle this relies on (private in its types; ipywidgets 8). */
interface Throttled {
  widget_manager: unknown;
  _msg_buffer: object | null;
  _msg_buffer_callbacks: unknown;
  send_sync_message(state: object, callbacks?: unknown): string;
  rememberLastUpdateFor(msgId: string): void;
}

const PATCHED = Symbol.for('workbook:words-before-clicks');

/** Models holding a change the kernel has not been sent yet. */
const holding = new Set<Throttled>();

/** Send now what `model` holds, as ipywidgets itself does when the kernel answers. */
function sendHeld(model: Throttled): void {
  if (model._msg_buffer === null || model._msg_buffer === undefined) {
    return;
  }
  const msgId = model.send_sync_message(model._msg_buffer, model._msg_buffer_callbacks);
  model.rememberLastUpdateFor(msgId);
  model._msg_buffer = null;
  model._msg_buffer_callbacks = null;
}

/** Before a page's custom message (a click), send every change its models still hold. */
function sendHeldBy(manager: unknown): void {
  for (const model of Array.from(holding)) {
    if (model._msg_buffer === null || model._msg_buffer === undefined) {
      holding.delete(model); // already sent by ipywidgets when the kernel answered
    } else if (model.widget_manager === manager) {
      sendHeld(model);
      holding.delete(model);
    }
  }
}

/** Patch ipywidgets' models once per page, however many plugins ask. */
export function sendWordsBeforeClicks(): void {
  const proto = WidgetModel.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[PATCHED]) {
    return;
  }
  proto[PATCHED] = true;
  const sync = proto.sync as (...args: unknown[]) => unknown;
  const send = proto.send as (...args: unknown[]) => unknown;
  proto.sync = function (this: Throttled, ...args: unknown[]) {
    const result = sync.apply(this, args);
    if (this._msg_buffer !== null && this._msg_buffer !== undefined) {
      holding.add(this);
    }
    return result;
  };
  proto.send = function (this: Throttled, ...args: unknown[]) {
    sendHeldBy(this.widget_manager);
    return send.apply(this, args);
  };
}
