"""Draw the hub's home-screen icons (a white tick on the workbook's blue) as PNGs, with the standard
library only: `python scripts/make_icons.py` writes them beside the hub's web app manifest."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TARGET = HERE / "jupyter_config" / "share" / "voila" / "templates" / "workbook-hub" / "static"
BLUE = (0x00, 0x72, 0xB2)  # Okabe-Ito blue, as in the charts (workbook/views/theme.py)
WHITE = (0xFF, 0xFF, 0xFF)
# The tick, in a 1 × 1 square, kept inside the middle 60 % that a round or masked icon shows.
TICK = ((0.30, 0.52), (0.44, 0.66), (0.71, 0.37))
STROKE = 0.085


def _distance(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def icon(size: int) -> bytes:
    """A PNG of `size` × `size` pixels: the tick, anti-aliased over one pixel, on blue."""
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            px, py = (x + 0.5) / size, (y + 0.5) / size
            d = min(_distance(px, py, TICK[i], TICK[i + 1]) for i in range(len(TICK) - 1))
            ink = max(0.0, min(1.0, (STROKE / 2 - d) * size + 0.5))
            row += bytes(round(b + (w - b) * ink) for b, w in zip(BLUE, WHITE, strict=True))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (TARGET / f"icon-{size}.png").write_bytes(icon(size))


if __name__ == "__main__":
    main()
