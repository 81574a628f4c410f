#!/usr/bin/env python3
"""Draws the Teams app icons (no dependencies): color.png, 192x192 full colour, and outline.png, 32x32 white on
transparent, as the Teams app manifest requires. A chat bubble with three dots on the brand blue. Run from anywhere:
python3 manifests/teams/make-icons.py (writes next to this file)."""
import os
import struct
import zlib

BRAND = (0x0F, 0x6C, 0xBD)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # supersampling per axis, for smooth edges


def rounded_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def bubble(x, y, inset=0.0):
    body = rounded_rect(x, y, 0.18 + inset, 0.22 + inset, 0.82 - inset, 0.68 - inset, max(0.12 - inset, 0.02))
    tail = inset == 0.0 and triangle(x, y, (0.30, 0.64), (0.46, 0.64), (0.27, 0.84))
    return body or tail


def dot(x, y):
    return any((x - cx) ** 2 + (y - 0.45) ** 2 <= 0.052 ** 2 for cx in (0.35, 0.50, 0.65))


def coverage(size, inside):
    """Fraction of each pixel covered by the shape, row by row."""
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    if inside((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size):
                        hits += 1
            row.append(hits / (SAMPLES * SAMPLES))
        rows.append(row)
    return rows


def png(path, size, pixel):
    raw = bytearray()
    for y in range(size):
        raw.append(0)  # filter: none
        for x in range(size):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def main():
    here = os.path.dirname(os.path.abspath(__file__))

    shape = coverage(192, lambda x, y: bubble(x, y) and not dot(x, y))
    png(os.path.join(here, "color.png"), 192, lambda x, y: mix(BRAND, WHITE, shape[y][x]) + (255,))

    outline = coverage(32, lambda x, y: (bubble(x, y) and not bubble(x, y, inset=0.075)) or dot(x, y))
    png(os.path.join(here, "outline.png"), 32, lambda x, y: WHITE + (round(255 * outline[y][x]),))


if __name__ == "__main__":
    main()
