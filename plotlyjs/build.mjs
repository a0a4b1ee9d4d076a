// Builds workbook/views/assets/plotly-workbook.min.js from entry.js the way plotly.js builds its
// own bundles (its esbuild-config.js: an IIFE setting window.Plotly, `global` as window, ES2016),
// headed as plotly.js heads its bundles so workbook/views/plotly_bundle.py can read the version.
import { build } from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// plotly.js's own heading (version, copyright, licence), naming this bundle's traces.
const heading = readFileSync(require.resolve('plotly.js/dist/plotly.min.js'), 'utf8')
  .slice(0, 400)
  .match(/^\/\*\*[\s\S]*?\*\//)[0]
  .replace(
    /\* plotly\.js (\([^)]*\) )?v/,
    '* plotly.js (workbook: scatter, bar, heatmap - minified) v'
  );
const assets = new URL('../workbook/views/assets/', import.meta.url);

await build({
  entryPoints: ['entry.js'],
  outfile: new URL('plotly-workbook.min.js', assets).pathname,
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'Plotly',
  target: 'es2016',
  define: { global: 'window', 'define.amd': 'false' },
  // plotly.js's registry asks for maplibre's style sheet for map traces: this bundle has none.
  loader: { '.css': 'empty' },
  banner: { js: heading },
  logLevel: 'info'
});
copyFileSync(
  require.resolve('plotly.js/LICENSE'),
  new URL('plotly-workbook.LICENSE.txt', assets).pathname
);
console.log(readFileSync(new URL('plotly-workbook.min.js', assets)).subarray(0, 80).toString());
