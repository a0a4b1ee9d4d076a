"""The app's client of a page kernel (Voilà runs a page's cells through it): ready the moment the
kernel is, not a fifth of a second and more after. jupyter_config/voila.py names it.

A page opened about once a month starts its kernel when it is asked for (workbook/app/preheat.py),
so the person waits for every step of that start. jupyter_client's own client wastes two of them:
a cold page kernel answered 0.19-0.34 s after it was started, and that client called it ready at
0.44-0.57 s; this one calls it ready as it answers.
- Once the kernel has answered, `wait_for_ready` still reads its IOPub channel until nothing has
  come for 0.2 s, to throw away what came before. Nothing here needs that: Voilà's executor
  (nbclient) reads only the messages that answer its own requests, by their parent's id.
- Its sockets connect before the kernel has bound its own, and ZeroMQ tries again only every
  0.1 s, so the first request waited up to 0.1 s more. They try every 10 ms here: a failed try
  on a Unix socket (the app's transport) is one system call.
"""

from __future__ import annotations

import time
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import KernelManager

RECONNECT_MS = 10
IOPUB_CHECK_S = 0.2  # as jupyter_client: a kernel's IOPub is connected if a message comes by then


class PageKernelClient(AsyncKernelClient):
    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)  # every socket made from it
        return context

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """jupyter_client's `wait_for_ready` (a kernel_info reply on the shell channel, then any
        message on IOPub, else ask again), without its 0.2 s of draining IOPub after."""
        if not isinstance(self.parent, KernelManager):  # never in Voilà: its own way, unchanged
            return await super().wait_for_ready(timeout)
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if reply["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=IOPUB_CHECK_S)
                    except Empty:
                        pass  # IOPub not connected yet: ask again
                    else:
                        self._handle_kernel_info_reply(reply)
                        return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
