"""Colour names and hex codes to RGB, for recolor and replace-with-a-colour."""

from __future__ import annotations

import re

NAMED_COLORS: dict[str, tuple[int, int, int]] = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "red": (220, 30, 30),
    "green": (40, 160, 60),
    "blue": (30, 90, 220),
    "yellow": (245, 215, 40),
    "orange": (245, 140, 30),
    "purple": (130, 50, 170),
    "violet": (140, 80, 200),
    "pink": (240, 130, 180),
    "brown": (120, 75, 40),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "light gray": (200, 200, 200),
    "light grey": (200, 200, 200),
    "dark gray": (64, 64, 64),
    "dark grey": (64, 64, 64),
    "gold": (212, 175, 55),
    "silver": (192, 192, 192),
    "beige": (225, 205, 170),
    "navy": (20, 30, 90),
    "navy blue": (20, 30, 90),
    "teal": (0, 128, 128),
    "cyan": (0, 200, 220),
    "magenta": (220, 0, 170),
    "cream": (255, 250, 220),
    "ivory": (255, 255, 240),
    "turquoise": (64, 224, 208),
    "maroon": (128, 0, 0),
    "olive": (128, 128, 0),
    "lime": (120, 220, 40),
    "sky blue": (135, 206, 235),
    "light blue": (160, 200, 240),
    "dark blue": (10, 30, 120),
    "dark green": (10, 90, 30),
    "light green": (150, 220, 140),
    "dark red": (130, 10, 10),
    "crimson": (220, 20, 60),
    "lavender": (200, 180, 240),
    "tan": (210, 180, 140),
    "khaki": (195, 176, 145),
    "charcoal": (54, 69, 79),
    "off white": (245, 245, 235),
    "transparent": (0, 0, 0),
}

_HEX = re.compile(r"^#?([0-9a-f]{6}|[0-9a-f]{3})$")
_LEADING = re.compile(r"^(?:a|an|the|plain|solid|pure|flat|simple|bright|clean)\s+")
_TRAILING = re.compile(r"\s+(?:colou?r|background|backdrop|paint|tone)$")


def parse_color(text: str) -> tuple[int, int, int] | None:
    """ "white", "a plain white background", "#ff8800" -> RGB; None when the text is not a colour."""
    words = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    previous = None
    while previous != words:
        previous = words
        words = _LEADING.sub("", words)
        words = _TRAILING.sub("", words)
    if words in NAMED_COLORS:
        return NAMED_COLORS[words]
    match = _HEX.match(words)
    if match:
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    return None
