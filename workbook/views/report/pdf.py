"""The report printed to PDF by headless Chromium, with every network request refused."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PAPERS = ("A4", "Letter")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
# Page numbers, so a counsellor and you can talk about "page 3"; Chromium's own tiny template.
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#6b7580;text-align:center;'
    'font-family:system-ui,sans-serif"><span class="pageNumber"></span> of '
    '<span class="totalPages"></span></div>'
)


def _route_offline(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def offline_page(browser):
    """A new page of `browser` that may read local files and fetches nothing from any network."""
    page = browser.new_page()
    page.route("**/*", _route_offline)
    return page


def print_in(page, html: str, path: Path, paper: str) -> None:
    """Print `html` to a PDF at `path` from `page` (an offline page)."""
    # The charts are SVG pictures already drawn (chart_data.py): nothing to wait for.
    page.set_content(html, wait_until="load")
    page.emulate_media(media="print")
    page.pdf(
        path=str(path),
        format=paper,
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
        margin={"top": "15mm", "bottom": "17mm", "left": "15mm", "right": "15mm"},
    )
    os.chmod(path, 0o600)


def _print(browser, html: str, path: Path, paper: str) -> None:
    page = offline_page(browser)
    try:
        print_in(page, html, path, paper)
    finally:
        page.close()


def _launched(work):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return work(browser)
        finally:
            browser.close()


def in_chromium(work, browser=None):
    """`work(browser)` with the browser given, or with a headless Chromium of its own."""
    if browser is not None:
        return work(browser)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _launched(work)
    # Jupyter runs an event loop; Playwright's sync API needs a thread without one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_launched, work).result()


def render_pdf(html: str, path, paper: str = "A4", browser=None) -> Path:
    """Print the HTML report to a PDF with headless Chromium, every network request refused."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}")
    path = Path(path)
    in_chromium(lambda b: _print(b, html, path, paper), browser)
    return path
