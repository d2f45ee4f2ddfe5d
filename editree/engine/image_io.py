"""Image I/O at the edges: every input becomes uint8 H×W×3 RGB plus an optional H×W alpha.

Inputs are untrusted: decompression bombs, truncated files and non-images give one clear
`ImageError`. EXIF orientation is applied on load (so masks line up with what people see) and reset
on save. Outputs are written atomically (temporary file, then rename), so an interrupted or failed
run never leaves a partial file, and the input is never the output unless the caller allows it.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, PngImagePlugin, UnidentifiedImageError

from editree.errors import ImageError, UsageError

DEFAULT_MAX_PIXELS = 100_000_000
SAVE_FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".bmp": "BMP",
}
METADATA_KEY = "editree"


@dataclass
class LoadedImage:
    """RGB pixels (uint8, H×W×3), alpha aside (uint8 H×W or None), and what saving should keep."""

    rgb: np.ndarray
    alpha: np.ndarray | None = None
    format: str | None = None
    icc_profile: bytes | None = None
    exif: bytes | None = None
    source_mode: str = "RGB"
    notes: list[str] = field(default_factory=list)

    @property
    def size(self) -> tuple[int, int]:
        """(width, height)."""
        return self.rgb.shape[1], self.rgb.shape[0]


def load_image(path: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> LoadedImage:
    path = Path(path)
    if not path.exists():
        raise ImageError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise ImageError(f"{path}: is a folder; expected an image file (use `editree batch` for folders)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            previous = Image.MAX_IMAGE_PIXELS
            Image.MAX_IMAGE_PIXELS = None  # we check the size ourselves, before decoding
            try:
                with Image.open(path) as img:
                    width, height = img.size
                    if width * height > max_pixels:
                        raise ImageError(
                            f"{path}: image is {width}x{height} ({width * height / 1e6:.0f} MP), above the "
                            f"limit of {max_pixels / 1e6:.0f} MP that guards against decompression bombs; "
                            "pass --max-pixels N if you trust this file"
                        )
                    img.load()
                    return _to_loaded(img)
            finally:
                Image.MAX_IMAGE_PIXELS = previous
    except ImageError:
        raise
    except UnidentifiedImageError:
        raise ImageError(f"{path}: not an image that can be read (unknown or unsupported format)") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageError(f"{path}: cannot decode the image ({exc}); the file may be truncated or corrupt") from None


def _to_loaded(img: Image.Image) -> LoadedImage:
    source_mode = img.mode
    fmt = img.format
    icc = img.info.get("icc_profile")
    exif = img.info.get("exif")
    img = ImageOps.exif_transpose(img) or img
    notes: list[str] = []
    alpha: np.ndarray | None = None

    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if img.mode.startswith("I;16") or arr.max() > 255 else 255.0
        gray = np.clip(np.round(arr / top * 255.0), 0, 255).astype(np.uint8)
        notes.append(f"{source_mode} input reduced to 8 bits per channel")
        return LoadedImage(np.repeat(gray[..., None], 3, axis=2), None, fmt, icc, exif, source_mode, notes)
    if img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img.convert("RGBA")
        alpha = np.array(rgba.getchannel("A"))
        rgb = np.array(rgba.convert("RGB"))
    else:
        if img.mode == "CMYK":
            notes.append("CMYK input converted to RGB")
        rgb = np.array(img.convert("RGB"))
    return LoadedImage(np.ascontiguousarray(rgb), alpha, fmt, icc, exif, source_mode, notes)


def check_output_path(output: str | Path, inputs: list[str | Path] | None = None, overwrite: bool = False) -> Path:
    """Refuse an output that is an input, or has an extension we cannot write, before any work."""
    out = Path(output)
    if out.suffix.lower() not in SAVE_FORMATS:
        raise UsageError(
            f"output {str(out)!r} has extension {out.suffix or '(none)'!r}; expected one of "
            f"{', '.join(sorted(SAVE_FORMATS))}"
        )
    for source in inputs or []:
        if _same_file(out, Path(source)) and not overwrite:
            raise UsageError(
                f"output {str(out)!r} is the input image; choose another -o, or pass --overwrite to replace it"
            )
    if out.exists() and out.is_dir():
        raise UsageError(f"output {str(out)!r} is a folder; expected a file name such as out.png")
    if not out.parent.exists():
        raise UsageError(f"output folder {str(out.parent)!r} does not exist; create it first")
    return out


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def save_image(
    path: str | Path,
    rgb: np.ndarray,
    alpha: np.ndarray | None = None,
    *,
    source: LoadedImage | None = None,
    metadata: dict[str, Any] | None = None,
    quality: int = 95,
) -> list[str]:
    """Write atomically; returns notes for the user (e.g. alpha dropped for JPEG). `rgb` may also be H×W, for
    greyscale pictures such as masks."""
    path = Path(path)
    fmt = SAVE_FORMATS[path.suffix.lower()]
    notes: list[str] = []
    gray = rgb.ndim == 2
    if rgb.dtype != np.uint8 or not (gray or (rgb.ndim == 3 and rgb.shape[2] == 3)):
        raise ValueError(f"expected uint8 H×W×3 or H×W, got {rgb.dtype} {rgb.shape}")
    img = Image.fromarray(rgb, "L" if gray else "RGB")
    if alpha is not None:
        if fmt in ("JPEG", "BMP"):
            notes.append(f"{fmt} has no transparency: the alpha channel was dropped")
        else:
            img.putalpha(Image.fromarray(alpha, "L"))
    kwargs: dict[str, Any] = {}
    if source is not None and source.icc_profile:
        kwargs["icc_profile"] = source.icc_profile
    if source is not None and source.exif:
        exif = Image.Exif()
        exif.load(source.exif)
        exif[0x0112] = 1  # orientation: pixels are already upright
        if fmt in ("JPEG", "PNG", "WEBP", "TIFF"):
            kwargs["exif"] = exif.tobytes()
    text = json.dumps(metadata, ensure_ascii=False, separators=(",", ":")) if metadata else None
    if fmt == "PNG" and text:
        info = PngImagePlugin.PngInfo()
        info.add_itxt(METADATA_KEY, text)
        kwargs["pnginfo"] = info
    if fmt in ("JPEG", "WEBP"):
        kwargs["quality"] = quality
        if text:
            kwargs["xmp"] = _xmp_packet(text)
    elif text and fmt not in ("PNG",):
        notes.append(f"{fmt} output cannot carry editree's provenance; use --sidecar to keep it beside the file")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600; give it the mode any new file would get (umask applied).
        os.fchmod(fd, _new_file_mode())
        with os.fdopen(fd, "wb") as handle:
            img.save(handle, format=fmt, **kwargs)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ImageError(f"{path}: cannot write the output ({exc})") from None
        raise
    return notes


@functools.cache
def _new_file_mode() -> int:
    """0o666 less the process umask. os.umask is the only way to read it and it sets it too, so read it
    once (the first save, before any batch worker threads write) rather than racing other threads."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_XMP_TEMPLATE = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:editree="https://editree.dev/ns/1.0/">'
    "<editree:provenance>{}</editree:provenance>"
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
_XMP_FIELD = re.compile(rb"<editree:provenance>(.*?)</editree:provenance>", re.DOTALL)


def _xmp_packet(text: str) -> bytes:
    return _XMP_TEMPLATE.format(html.escape(text, quote=False)).encode("utf-8")


def read_metadata(path: str | Path) -> dict[str, Any] | None:
    """The provenance editree embedded in an output (PNG iTXt, JPEG/WebP XMP), or None.

    The XMP packet is searched with a regular expression for our one element instead of being
    parsed as XML: outputs from elsewhere are untrusted, and XML parsers have entity-expansion traps.
    """
    try:
        with Image.open(path) as img:
            raw: Any = img.info.get(METADATA_KEY)
            if raw is None and img.info.get("xmp"):
                xmp = img.info["xmp"]
                match = _XMP_FIELD.search(xmp if isinstance(xmp, bytes) else xmp.encode("utf-8"))
                raw = html.unescape(match.group(1).decode("utf-8", "replace")) if match else None
    except (UnidentifiedImageError, OSError) as exc:
        raise ImageError(f"{path}: cannot read it as an image ({exc})") from None
    if not raw:
        return None
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None
