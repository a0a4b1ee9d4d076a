"""How long a browser takes to read the plotly.js that draws a page's charts, in a real headless
Chromium: the time before a page's first chart can be drawn, in JupyterLab, in the app and as the
report's pictures are made (workbook/views/plotly_bundle.py).

Each file is read by a fresh page of its own (no cache, as a first visit): from the script tag
being added to its `load` event, by the page's clock (script fetched from a local server, parsed
and run). The workbook's bundle (scatter, bar, heatmap) against plotly's full plotly.js, which is
what a page would read without the bundle; the two are interleaved so that a busy machine slows
both alike. plotly.js's own cartesian bundle is beside them when `--cartesian FILE` names a copy
(npm `plotly.js-cartesian-dist-min`), for the record only.

Run alone: .venv/bin/python benchmarks/bench_plotly_js.py [--reps N]; `make bench` runs it as
measure 8.
"""

from __future__ import annotations

import argparse
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from workbook.views.plotly_bundle import BUNDLE, full_plotly_js  # noqa: E402

READ = """name => new Promise((resolve, reject) => {
  const script = document.createElement('script');
  const started = performance.now();
  script.src = '/' + name;
  script.onload = () => resolve(performance.now() - started);
  script.onerror = () => reject(new Error(name + ' did not load'));
  document.head.appendChild(script);
})"""


def _serve(files: dict[str, Path]):
    """A local server of the files, each under its own name, and an empty page at /."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            name = self.path.lstrip("/")
            script = name in files
            body = files[name].read_bytes() if script else b"<!doctype html><title>.</title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript" if script else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(reps: int = 8, cartesian: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    files = {"workbook": BUNDLE, "full": full_plotly_js()}
    if cartesian is not None:
        files["cartesian"] = cartesian
    server = _serve({f"{name}.js": path for name, path in files.items()})
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    seconds: dict[str, list[float]] = {name: [] for name in files}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for rep in range(reps + 1):  # the first round warms the page cache and is dropped
                names = list(files) if rep % 2 == 0 else list(reversed(files))
                for name in names:
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(url)
                    took = page.evaluate(READ, f"{name}.js") / 1000
                    context.close()
                    if rep:
                        seconds[name].append(took)
            browser.close()
    finally:
        server.shutdown()
    return {
        "reps": reps,
        "bytes": {name: path.stat().st_size for name, path in files.items()},
        "seconds": seconds,
        "median_s": {name: statistics.median(values) for name, values in seconds.items()},
    }


def table_rows(result: dict, row) -> list[dict]:
    ours, full = result["median_s"]["workbook"], result["median_s"]["full"]
    mib = {name: size / 2**20 for name, size in result["bytes"].items()}
    note = f"{mib['workbook']:.1f} MiB against {mib['full']:.1f} MiB"
    if "cartesian" in result["median_s"]:
        note += f"; plotly.js's cartesian bundle {result['median_s']['cartesian']:.2f} s"
    return [
        row(
            "8. plotly.js read before a page's first chart: the workbook's / plotly's full",
            ours,
            full,
            "s",
            "≤ 0.5",
            ours / full <= 0.5,
            note=f"median of {result['reps']} fresh pages each; {note}",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=8)
    parser.add_argument("--cartesian", type=Path, help="a copy of plotly.js's cartesian bundle")
    args = parser.parse_args()
    result = run(args.reps, args.cartesian)
    print(json.dumps(result["median_s"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
