"""editree: edit images with plain-language compound instructions, through an explicit operation tree."""

__version__ = "0.1.0"
