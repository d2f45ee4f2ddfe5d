"""What the classical engine covers, as plain data, so the registry can answer without importing
OpenCV (`editree ops` stays light)."""

ATMOSPHERE_EFFECTS = frozenset({"fog", "haze", "night", "sunset"})
NAMED_STYLES = frozenset({"black and white", "grayscale", "greyscale", "monochrome", "sepia"})
