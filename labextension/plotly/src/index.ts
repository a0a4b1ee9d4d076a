/**
 * plotly's charts (its MIME type, application/vnd.plotly.v1+json) in the workbook's JupyterLab,
 * with plotly.js fetched only when a page draws a chart.
 *
 * The plotly package's own renderer (jupyterlab-plotly) carries plotly.js inside it: 4.8 MB of
 * script that JupyterLab fetches and reads as it starts, on every page, for a start page with no
 * chart as for the progress page (a package's labextension is loaded even where its plugin is
 * disabled). This one, under the same name in the workbook's own labextensions folder, which
 * JupyterLab reads first (jupyter_config/jupyter_server_config.py), takes its place: a few KiB at
 * start-up, then, at a page's first chart, the smallest plotly.js that draws its traces, from the
 * workbook's server extension (workbook/app/hub_extension.py): a plotly.js of scatter, bar and
 * heatmap (1.2 MB, plotlyjs/) for every chart the workbook draws, plotly's full plotly.js for any
 * other trace.
 *
 * It draws what plotly's does (the same plugin id, rank and file types), but does not keep a
 * PNG copy of each chart in the notebook: the workbook's JupyterLab saves no outputs
 * (jupyter_config/jupyter_server_config.py), and drawing one took the page's thread after each
 * chart. The README says how to have plotly's own renderer back.
 */

import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';
// On a phone, a chart laid out for its width (title wrapped, legend under the plot, no toolbar):
// the very file the app's template includes, so both front ends draw a chart alike.
import '../../../jupyter_config/share/voila/templates/workbook/phone.js';

export const MIME_TYPE = 'application/vnd.plotly.v1+json';
const CSS_CLASS = 'jp-RenderedPlotly';
const CSS_ICON_CLASS = 'jp-MaterialIcon jp-PlotlyIcon';
/** plotly's own default height for a chart that names none. */
const DEFAULT_HEIGHT = 360;

/** The traces the workbook's plotly.js draws (BUNDLE_TRACES, workbook/views/plotly_bundle.py). */
const BUNDLE_TRACES = new Set(['bar', 'heatmap', 'scatter']);
/** Served by the workbook's server extension: this bundle where it fits, or the full one. */
const SMALLEST = 'plotly.min.js';
const FULL = 'plotly-full.min.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PlotlyJs = any;

interface IFigure {
  data?: Array<{ type?: string }>;
  layout?: Record<string, unknown>;
  frames?: Array<{ data?: Array<{ type?: string }> }>;
  config?: Record<string, unknown>;
}

/** The plotly.js that draws every trace of the figure (a trace with no type is a scatter). */
export function bundleFor(figure: IFigure): string {
  const traces = [...(figure.data ?? []), ...(figure.frames ?? []).flatMap(f => f.data ?? [])];
  return traces.every(trace => BUNDLE_TRACES.has(trace.type ?? 'scatter')) ? SMALLEST : FULL;
}

type FitChart = (
  figure: IFigure,
  width: number
) => { layout: Record<string, unknown>; config: Record<string, unknown> };

const loading = new Map<string, Promise<PlotlyJs>>();

/** Each bundle is fetched once per page, by a script tag, and kept: it sets window.Plotly. */
function loadPlotly(file: string): Promise<PlotlyJs> {
  let loaded = loading.get(file);
  if (!loaded) {
    loaded = new Promise<PlotlyJs>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = URLExt.join(PageConfig.getBaseUrl(), 'workbook', file);
      script.async = true;
      script.onload = () => resolve((window as { Plotly?: PlotlyJs }).Plotly);
      script.onerror = () => {
        loading.delete(file); // a later chart tries again
        reject(new Error(`plotly.js (${script.src}) did not load`));
      };
      document.head.appendChild(script);
    });
    loading.set(file, loaded);
  }
  return loaded;
}

/**
 * A stage page that draws charts asks for plotly.js as it sends its cells to its kernel
 * (labextension/src/index.ts): plotly.js takes the page's thread for most of a second as it is
 * read, better spent while the kernel works than after its first chart has arrived.
 */
export const WANTED_EVENT = 'workbook:plotly-wanted';
window.addEventListener(WANTED_EVENT, () => {
  loadPlotly(SMALLEST).catch(reason => console.warn('jupyterlab-plotly (workbook):', reason));
});

export class RenderedPlotly extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this.addClass(CSS_CLASS);
    this._mimeType = options.mimeType;
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const figure = (model.data[this._mimeType] ?? {}) as IFigure;
    const png = model.data['image/png'];
    if (typeof png === 'string' && !this._plotly) {
      // A notebook saved elsewhere with plotly's PNG beside the chart: the picture at once, the
      // chart itself when a pointer comes to it, as plotly's own renderer does.
      this.showPicture(png, figure);
      return;
    }
    await this.draw(figure);
  }

  private showPicture(png: string, figure: IFigure): void {
    const picture = document.createElement('img');
    picture.className = 'plot-img';
    picture.alt = String((figure.layout?.title as { text?: unknown })?.text ?? 'chart');
    picture.src = `data:image/png;base64,${png}`;
    picture.addEventListener('mouseenter', () => void this.draw(figure), { once: true });
    this.node.replaceChildren(picture);
  }

  private async draw(figure: IFigure): Promise<void> {
    let plotly: PlotlyJs;
    try {
      plotly = await loadPlotly(bundleFor(figure));
    } catch (reason) {
      console.warn('jupyterlab-plotly (workbook):', reason);
      this.node.textContent = 'This chart could not be drawn: plotly.js did not load. Run the cell again to retry.';
      return;
    }
    if (this.isDisposed) {
      return;
    }
    this.node.querySelector('.plot-img')?.remove();
    this._plotly = plotly;
    // A copy: the output's own data stays as the kernel sent it.
    const layout = { ...(figure.layout ?? {}) };
    if (!layout.height) {
      layout.height = DEFAULT_HEIGHT;
    }
    const fit = (window as { workbookFitChart?: FitChart }).workbookFitChart;
    const fitted = fit
      ? fit({ ...figure, layout }, this.node.clientWidth)
      : { layout, config: figure.config ?? {} };
    await plotly.react(this.node, figure.data ?? [], fitted.layout, fitted.config);
    if (figure.frames) {
      await plotly.addFrames(this.node, figure.frames);
    }
  }

  dispose(): void {
    if (this._plotly && !this.isDisposed) {
      this._plotly.purge(this.node);
    }
    super.dispose();
  }

  protected onAfterShow(msg: Message): void {
    this.update();
  }

  protected onResize(msg: Widget.ResizeMessage): void {
    this.update();
  }

  /**
   * Drawn while hidden (a page behind the one shown), a chart takes its real width when shown.
   * Only a chart whose width has changed is laid out again: JupyterLab tells every output it may
   * have been resized as the notebook settles, and each needless relayout took 50 ms of the
   * page's thread, nine of them on the progress page just after its charts were drawn.
   */
  protected onUpdateRequest(msg: Message): void {
    const drawn = (this.node as { _fullLayout?: { width?: number } })._fullLayout?.width;
    const width = this.node.clientWidth;
    if (this._plotly && this.isVisible && this.node.querySelector('.plot-container') && width !== drawn) {
      this._plotly.Plots.resize(this.node);
    }
  }

  private _mimeType: string;
  private _plotly: PlotlyJs | null = null;
}

export const rendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [MIME_TYPE],
  createRenderer: options => new RenderedPlotly(options)
};

const extension: IRenderMime.IExtension = {
  // plotly's own id: a setting that names plotly's renderer names this one.
  id: '@jupyterlab/plotly-extension:factory',
  rendererFactory,
  rank: 2,
  dataType: 'json',
  fileTypes: [
    {
      name: 'plotly',
      mimeTypes: [MIME_TYPE],
      extensions: ['.plotly', '.plotly.json'],
      iconClass: CSS_ICON_CLASS
    }
  ],
  documentWidgetFactoryOptions: {
    name: 'Plotly',
    primaryFileType: 'plotly',
    fileTypes: ['plotly', 'json'],
    defaultFor: ['plotly']
  }
};

export default extension;
