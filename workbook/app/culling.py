"""The app's culler stops a page's kernel once its page has gone, and never one a page is waiting for.

jupyter_server's culler stops a kernel with no websocket that has been quiet for
`cull_idle_timeout` (30 s in the app). It reads "quiet" from the kernel's messages, and Voilà's
own executor, which runs a page's cells before the browser connects, is not a connection it counts.
Two moments looked quiet to it while a page was waiting:

- a heated kernel waits in its pool with the time it started as its last activity, and only the
  pool keeps the culler off it: taken out for its page, it was seen idle for minutes;
- a kernel still starting (importing, on a busy machine, for longer than the timeout) has said
  nothing yet.

Both were seen in the app's log under load ("Culling 'starting' kernel ... with 0 connections"
just after "Using pre-heated kernel", then "Kernel died before replying to kernel_info"), and the
page stayed on "Running ..." for good. A kernel that is still starting after STARTING_AT_MOST_S
never will, and is culled as before.
"""

from __future__ import annotations

from datetime import timedelta

from jupyter_server._tz import utcnow  # the clock the culler reads last_activity with

# Far longer than a kernel takes to start on the slowest machine seen (about 15 s, under load).
STARTING_AT_MOST_S = 120.0


def never_cull_a_page_being_drawn(kernel_manager) -> None:
    """Make Voilà's `kernel_manager` leave alone the kernels a page is waiting for (see above)."""
    _kept_alive_as_taken(kernel_manager)
    _starting_kernels_left_to_start(kernel_manager)


def still_starting(kernel, now=None) -> bool:
    """The kernel has not yet said it is ready, and has not been starting for too long."""
    if getattr(kernel, "execution_state", None) != "starting":
        return False
    since = getattr(kernel, "last_activity", None)
    if since is None:
        return True  # its watch not begun yet: it was only just started
    return (now or utcnow()) - since < timedelta(seconds=STARTING_AT_MOST_S)


def _kept_alive_as_taken(kernel_manager) -> None:
    taken = getattr(kernel_manager, "get_rendered_notebook", None)
    if taken is None:
        return  # Voilà heats nothing here

    async def get_rendered_notebook(*args, **kwargs):
        render_task, rendered, kernel_id = await taken(*args, **kwargs)
        kernel = kernel_manager._kernels.get(kernel_id)
        if kernel is not None:
            kernel.last_activity = utcnow()
        return render_task, rendered, kernel_id

    kernel_manager.get_rendered_notebook = get_rendered_notebook


def _starting_kernels_left_to_start(kernel_manager) -> None:
    culled_if_idle = kernel_manager.cull_kernel_if_idle

    async def cull_kernel_if_idle(kernel_id):
        kernel = kernel_manager._kernels.get(kernel_id)
        if kernel is not None and still_starting(kernel):
            return None
        return await culled_if_idle(kernel_id)

    kernel_manager.cull_kernel_if_idle = cull_kernel_if_idle
