"""Image dimensions read from file headers (PNG, GIF, JPEG, WebP, SVG), without an imaging
library, so that every <img> gets width and height: the browser reserves the space and the
page does not jump while a slow connection brings the picture."""

from __future__ import annotations

import re
import struct
from pathlib import Path

_IMG = re.compile(r"<img\b(?P<attrs>[^>]*?)\s*/?>", re.I)
_SRC = re.compile(r'\bsrc="(?P<src>[^"]+)"')


def size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None when the format is not recognised."""
    try:
        head = path.read_bytes()[:65536]
    except OSError:
        return None
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", head[6:10])
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp(head)
    if head[:2] == b"\xff\xd8":
        return _jpeg(head)
    if path.suffix.lower() == ".svg":
        return _svg(head.decode("utf-8", "replace"))
    return None


def _webp(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(head[24:27], "little"), 1 + int.from_bytes(head[27:30], "little")
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", head[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _jpeg(head: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker, length = head[at + 1], struct.unpack(">H", head[at + 2:at + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            height, width = struct.unpack(">HH", head[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def _svg(text: str) -> tuple[int, int] | None:
    tag = re.search(r"<svg\b[^>]*>", text, re.S)
    if not tag:
        return None
    attrs = dict(re.findall(r'([\w:-]+)="([^"]*)"', tag.group(0)))
    width, height = (re.match(r"[\d.]+", attrs.get(k, "")) for k in ("width", "height"))
    if width and height:
        return round(float(width.group(0))), round(float(height.group(0)))
    box = attrs.get("viewBox", "").replace(",", " ").split()
    return (round(float(box[2])), round(float(box[3]))) if len(box) == 4 else None


def lazy_images(html: str, resolve) -> str:
    """Give every <img> its width and height (from `resolve(src) -> Path | None`) and lazy loading."""
    def fix(match: re.Match) -> str:
        attrs = match.group("attrs")
        src = _SRC.search(attrs)
        extra = ""
        if src and "width=" not in attrs:
            path = resolve(src.group("src"))
            dims = size(path) if path is not None else None
            if dims:
                extra += f' width="{dims[0]}" height="{dims[1]}"'
        if "loading=" not in attrs:
            extra += ' loading="lazy"'
        if "decoding=" not in attrs:
            extra += ' decoding="async"'
        return f"<img{attrs}{extra}>"
    return _IMG.sub(fix, html)
