#!/usr/bin/env python3
"""Draws the app icons (PNG) from the brand mark of public/app/icon.svg: three white bars on the
accent blue. Standard library only (zlib + struct); run it from anywhere after changing the mark:

    python3 adapters-web/tools/make_icons.py

"any" icons keep the SVG's rounded square with transparent corners; "maskable" ones fill the whole
square (the launcher cuts its own shape) and keep the bars inside the central safe circle (radius 40%);
the Apple touch icon is full-bleed too, since iOS rounds it itself and shows transparency as black.
"""
import pathlib
import struct
import zlib

ACCENT = (0x3B, 0x5B, 0xDB)
WHITE = (0xFF, 0xFF, 0xFF)
# The bars of icon.svg in its 64-unit box: x, y, width, height.
BARS = ((18, 20, 28, 6), (18, 30, 28, 6), (18, 40, 18, 6))
SAMPLES = 4  # per axis: 16 samples a pixel smooth the edges

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/public/app/icons"


def inside_rounded_square(x, y, radius):
    """(x, y) in the 64-unit box, within the square whose corners are rounded by radius."""
    cx = min(max(x, radius), 64 - radius)
    cy = min(max(y, radius), 64 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 and 0 <= x <= 64 and 0 <= y <= 64


def on_bar(x, y, scale):
    """The bars, scaled about the centre by scale (maskable icons shrink them into the safe zone)."""
    ux = 32 + (x - 32) / scale
    uy = 32 + (y - 32) / scale
    return any(bx <= ux < bx + bw and by <= uy < by + bh for bx, by, bw, bh in BARS)


def pixel(px, py, size, full_bleed, scale):
    background = 0
    bar = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) * 64 / size
            y = (py + (sy + 0.5) / SAMPLES) * 64 / size
            if full_bleed or inside_rounded_square(x, y, 14):
                background += 1
                if on_bar(x, y, scale):
                    bar += 1
    n = SAMPLES * SAMPLES
    if background == 0:
        return (0, 0, 0, 0)
    # Colour of the covered part, alpha of the coverage.
    t = bar / background
    rgb = tuple(round(a + (b - a) * t) for a, b in zip(ACCENT, WHITE))
    return rgb + (round(255 * background / n),)


def png(size, full_bleed, scale):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            row.extend(pixel(px, py, size, full_bleed, scale))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


ICONS = {
    # name: (size, full bleed, scale of the bars)
    "icon-192.png": (192, False, 1.0),
    "icon-512.png": (512, False, 1.0),
    # The bars' farthest corner is 19.8 units from the centre, inside the safe circle's 25.6 at any scale <= 1.29.
    "icon-maskable-512.png": (512, True, 0.9),
    "apple-touch-icon.png": (180, True, 0.9),
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (size, full_bleed, scale) in ICONS.items():
        (OUT / name).write_bytes(png(size, full_bleed, scale))
        print("wrote", OUT / name)
