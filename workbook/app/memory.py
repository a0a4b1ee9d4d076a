"""The app at rest holds only what it uses (issue: light at rest; `make bench`, measure 6).

CPython frees what a start-up, an import or a page no longer needs into glibc's heap, which keeps
the pages for the process: its memory only grows. `give_back_freed_memory` hands them back. The
kept-ready page kernels call it once they are warmed up and wait for their page (preheat.py); the
app's server every half minute (server.py): it costs a few milliseconds.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc


def give_back_freed_memory() -> None:
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim this way
        ctypes.CDLL(None).malloc_trim(0)
