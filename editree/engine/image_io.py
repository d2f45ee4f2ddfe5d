"""Image I/O at the edges: every input becomes uint8 H×W×3 RGB plus an optional H×W alpha.

Inputs are untrusted: decompression bombs, truncated files and non-images give one clear
`ImageError`. EXIF orientation is applied on load (so masks line up with what people see) and reset
on save. Outputs are written atomically (temporary file, then rename), so an interrupted or failed
run never leaves a partial file, and the input is never the output unless the caller allows it.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import io
import json
import os
import re
import tempfile
import warnings
import zlib
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
    ".gif": "GIF",
}
ANIMATED_FORMATS = frozenset({"GIF", "WEBP", "PNG"})
"""Formats whose files can hold several frames; TIFF pages are not read as frames."""
METADATA_KEY = "editree"


@dataclass
class LoadedImage:
    """RGB pixels (H×W×3, uint8, or uint16 for 16-bit files), alpha aside (H×W of the same type, or None), and
    what saving should keep."""

    rgb: np.ndarray
    alpha: np.ndarray | None = None
    format: str | None = None
    icc_profile: bytes | None = None
    exif: bytes | None = None
    source_mode: str = "RGB"
    notes: list[str] = field(default_factory=list)
    path: Path | None = None
    """The file it came from; a JPEG output reads the input's DCT coefficients from it (see jpeg_keep)."""
    orientation: int = 1
    """The file's EXIF orientation, already applied to `rgb`."""
    jpeg_tables: dict[int, list[int]] | None = None
    """A JPEG input's quantisation tables and chroma subsampling (Pillow's numbering), so a JPEG output that
    must be encoded anew is encoded as the input was."""
    jpeg_subsampling: int | None = None
    gray: bool = False
    """The file was greyscale (L, LA, I;16, 1-bit): `rgb` holds three equal channels, and an output whose
    channels are still equal is written greyscale again."""
    palette: list[int] | None = None
    """A palette PNG's palette (RGB triples, flat), so an output using only its colours stays a palette PNG."""
    frame_count: int = 1
    """Frames in the file (an animated GIF, WebP or PNG has more than one); `rgb` is the first."""
    frames: list[tuple[np.ndarray, np.ndarray | None]] = field(default_factory=list)
    """The other frames (RGB, alpha), when loaded with all_frames=True."""
    durations: list[int] = field(default_factory=list)
    """Milliseconds each frame shows, first frame included (loaded with all_frames=True)."""
    loop: int | None = None

    @property
    def size(self) -> tuple[int, int]:
        """(width, height)."""
        return self.rgb.shape[1], self.rgb.shape[0]


def load_image(path: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS, all_frames: bool = False) -> LoadedImage:
    """The file's first frame (and with `all_frames` the others of an animation; `max_pixels` then counts every
    frame's pixels)."""
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
                    loaded = _to_loaded(img, path)
                    loaded.path = path
                    if loaded.format in ANIMATED_FORMATS:
                        loaded.frame_count = int(getattr(img, "n_frames", 1) or 1)
                    if all_frames and loaded.frame_count > 1:
                        _load_frames(img, loaded, path, max_pixels)
                    return loaded
            finally:
                Image.MAX_IMAGE_PIXELS = previous
    except ImageError:
        raise
    except UnidentifiedImageError:
        raise ImageError(f"{path}: not an image that can be read (unknown or unsupported format)") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageError(f"{path}: cannot decode the image ({exc}); the file may be truncated or corrupt") from None


def _to_loaded(img: Image.Image, path: Path | None = None) -> LoadedImage:
    source_mode = img.mode
    fmt = img.format
    icc = img.info.get("icc_profile")
    exif = img.info.get("exif")
    orientation = int(img.getexif().get(0x0112, 1) or 1)
    tables, subsampling = _jpeg_encoding(img)
    loaded = LoadedImage(np.zeros((1, 1, 3), np.uint8), None, fmt, icc, exif, source_mode, [], None, orientation)
    loaded.jpeg_tables, loaded.jpeg_subsampling = tables, subsampling
    deep = _sixteen_bit_colour(img, path)
    if deep is not None:  # Pillow would hand these over reduced to 8 bits
        from editree.engine.jpeg_keep import upright

        deep = upright(deep, orientation)
        loaded.rgb = np.ascontiguousarray(deep[..., 2::-1])  # OpenCV's BGR(A) to RGB
        loaded.alpha = np.ascontiguousarray(deep[..., 3]) if deep.shape[2] == 4 else None
        loaded.gray = fmt == "PNG" and path is not None and _png_depth(path)[1] == 4  # grey + alpha
        return loaded
    img = ImageOps.exif_transpose(img) or img
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N") or (img.mode == "I" and fmt in ("PNG", "TIFF")):
        arr = np.asarray(img)
        if arr.dtype != np.uint16 and arr.size and (arr.min() < 0 or arr.max() > 65535):
            return _reduced(img, loaded)
        loaded.rgb, loaded.gray = np.repeat(arr.astype(np.uint16)[..., None], 3, axis=2), True
        return loaded
    if img.mode in ("I", "F"):
        return _reduced(img, loaded)
    if img.mode == "P":
        loaded.palette = img.getpalette()
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.mode in ("1", "L", "LA", "La"):
        loaded.gray = True
        if img.mode in ("LA", "La"):
            loaded.alpha = np.array(img.getchannel("A"))
        gray = np.array(img.convert("L"))
        loaded.rgb = np.repeat(gray[..., None], 3, axis=2)
        return loaded
    if img.mode in ("RGBA", "PA", "RGBa"):
        rgba = img.convert("RGBA")
        loaded.alpha = np.array(rgba.getchannel("A"))
        loaded.rgb = np.ascontiguousarray(np.array(rgba)[..., :3])
        return loaded
    if img.mode == "CMYK":
        loaded.notes.append("CMYK input converted to RGB")
    loaded.rgb = np.array(img) if img.mode == "RGB" else np.array(img.convert("RGB"))
    return loaded


def _load_frames(img: Image.Image, loaded: LoadedImage, path: Path, max_pixels: int) -> None:
    """Every frame of an animation as RGB (+ alpha when any frame is transparent), with its duration."""
    width, height = img.size
    if width * height * loaded.frame_count > max_pixels:
        raise ImageError(
            f"{path}: {loaded.frame_count} frames of {width}x{height} are "
            f"{width * height * loaded.frame_count / 1e6:.0f} MP in all, above the limit of {max_pixels / 1e6:.0f} MP; "
            "pass --first-frame to edit the first frame only, or --max-pixels N if you trust this file"
        )
    pictures = []
    for index in range(loaded.frame_count):
        img.seek(index)
        loaded.durations.append(int(img.info.get("duration") or 100))
        pictures.append(np.array(img.convert("RGBA")))
    if loaded.orientation != 1:
        from editree.engine.jpeg_keep import upright

        pictures = [np.ascontiguousarray(upright(picture, loaded.orientation)) for picture in pictures]
    loaded.loop = img.info.get("loop")
    transparent = any(picture[..., 3].min() < 255 for picture in pictures)
    loaded.rgb = np.ascontiguousarray(pictures[0][..., :3])
    loaded.alpha = np.ascontiguousarray(pictures[0][..., 3]) if transparent else None
    loaded.gray = loaded.gray and all(is_gray(picture[..., :3]) for picture in pictures)
    loaded.palette = None
    loaded.frames = [
        (np.ascontiguousarray(p[..., :3]), np.ascontiguousarray(p[..., 3]) if transparent else None)
        for p in pictures[1:]
    ]


def _reduced(img: Image.Image, loaded: LoadedImage) -> LoadedImage:
    """32-bit integer or float greyscale: scaled into 8 bits, and said so."""
    arr = np.asarray(img, dtype=np.float64)
    peak = 65535.0 if arr.size and arr.max() > 255 else 255.0
    gray = np.clip(np.round(arr / peak * 255.0), 0, 255).astype(np.uint8)
    loaded.notes.append(f"{loaded.source_mode} input reduced to 8 bits per channel")
    loaded.rgb, loaded.gray = np.repeat(gray[..., None], 3, axis=2), True
    return loaded


def _sixteen_bit_colour(img: Image.Image, path: Path | None) -> np.ndarray | None:
    """The pixels of a 16-bit colour (or grey with alpha) PNG or TIFF, as OpenCV reads them (BGR/BGRA uint16,
    stored orientation), or None for any other file."""
    if path is None or img.format not in ("PNG", "TIFF"):
        return None
    if img.format == "PNG":
        depth, colour = _png_depth(path)
        if depth != 16 or colour not in (2, 4, 6):
            return None
    else:
        bits = img.tag_v2.get(258) if hasattr(img, "tag_v2") else None
        if not bits or max(bits) != 16 or len(bits) < 2:
            return None
    import cv2

    arr = cv2.imdecode(np.fromfile(path, np.uint8), cv2.IMREAD_UNCHANGED)
    if arr is None or arr.dtype != np.uint16 or arr.ndim != 3 or arr.shape[2] not in (3, 4):
        return None
    return arr


def _png_depth(path: Path) -> tuple[int, int]:
    """(bit depth, colour type) from a PNG's IHDR chunk."""
    with open(path, "rb") as handle:
        head = handle.read(26)
    return (head[24], head[25]) if len(head) == 26 and head[12:16] == b"IHDR" else (0, 0)


def _jpeg_encoding(img: Image.Image) -> tuple[dict[int, list[int]] | None, int | None]:
    if img.format != "JPEG":
        return None, None
    from PIL import JpegImagePlugin

    tables = getattr(img, "quantization", None)
    sampling = JpegImagePlugin.get_sampling(img)
    return (dict(tables) if tables else None), (sampling if sampling >= 0 else None)


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
    check_writable_folder(out.parent, f"output {str(out)!r}")
    return out


def check_writable_folder(folder: Path, what: str) -> None:
    """Create and remove a temporary file in `folder`, as save_image will: the only test that also catches
    read-only mounts, /proc and full quotas, which permission bits alone do not tell."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".editree-probe.", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(
            f"{what}: cannot write in {str(folder)!r} ({exc.strerror or exc}); choose a folder you can write to"
        ) from None


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
    reference: np.ndarray | None = None,
    frames: list[tuple[np.ndarray, np.ndarray | None]] | None = None,
    first_frame: bool = False,
) -> list[str]:
    """Write atomically; returns notes for the user (alpha dropped for JPEG, a lossy output that changed
    pixels the edits left alone). `rgb` may also be H×W, for greyscale pictures such as masks.

    `reference` is what unedited output pixels should equal: the input moved by any geometry op
    (EditResult.reference); None means `source`'s own pixels. A JPEG output of a JPEG input whose picture
    was not moved keeps the input's coefficients wherever the pixels are unedited (see jpeg_keep; `quality`
    is then unused: the input's tables are). For lossy outputs the written file is decoded again and the
    pixels the edits left alone are compared with the reference; `metadata["output"]` records the figures
    (the caller's dict is updated, so a sidecar carries them too).

    An animated source needs its other `frames` (each edited like the first) or `first_frame=True`, which writes
    the first frame alone; without either it is refused rather than silently cut to one frame."""
    path = Path(path)
    fmt = SAVE_FORMATS[path.suffix.lower()]
    notes: list[str] = []
    if frames:
        return _save_animation(path, fmt, [(rgb, alpha), *frames], source, metadata, quality)
    if source is not None and source.frame_count > 1:
        if not first_frame:
            raise UsageError(
                f"{source.path.name if source.path else 'the input'} is an animation of {source.frame_count} "
                "frames and this writes one picture; `editree edit` edits every frame, or only the first with "
                "--first-frame"
            )
        notes.append(
            f"{path.name}: only the first of {source.frame_count} frames was edited and written (--first-frame)"
        )
    if rgb.dtype not in (np.uint8, np.uint16) or not (rgb.ndim == 2 or (rgb.ndim == 3 and rgb.shape[2] == 3)):
        raise ValueError(f"expected uint8 or uint16 H×W×3 or H×W, got {rgb.dtype} {rgb.shape}")
    if source is not None and source.gray and rgb.ndim == 3 and is_gray(rgb):
        rgb = rgb[..., 0]  # greyscale in, greyscale out, as long as every step kept it grey
    if rgb.dtype == np.uint16:
        if fmt in ("PNG", "TIFF"):
            return _save_16bit(path, fmt, rgb, alpha, source, metadata, notes)
        from editree.engine.depth import to_8bit

        notes.append(f"{path.name}: {fmt} holds 8 bits per channel, so the 16-bit picture was rounded to 8 bits "
                     "(PNG and TIFF outputs keep 16)")  # fmt: skip
        rgb, alpha = to_8bit(rgb), None if alpha is None else to_8bit(alpha)
        reference = None if reference is None else to_8bit(reference)
        if source is not None:
            source = dataclasses.replace(source, rgb=to_8bit(source.rgb), path=None)
    elif alpha is not None and alpha.dtype == np.uint16:
        from editree.engine.depth import to_8bit

        alpha = to_8bit(alpha)
    gray = rgb.ndim == 2
    img = Image.fromarray(rgb, "L" if gray else "RGB")
    if fmt == "PNG" and source is not None and source.palette and not gray:
        on_palette = _on_palette(rgb, alpha, source.palette)
        if on_palette is not None:
            img, alpha = on_palette, None
        else:
            why = "it has transparency" if alpha is not None else "the edits made colours its palette does not have"
            notes.append(f"{path.name}: the palette input is written as a full-colour PNG ({why})")
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
    if fmt == "JPEG":
        data, record, note = _encode_jpeg(img, rgb, source, reference, quality, kwargs)
    elif fmt == "WEBP":
        data, record, note = _encode_webp(img, rgb, source, reference, quality, kwargs)
    elif fmt == "GIF":
        data = _encoded(img, "GIF")
        record, note = _lossy_record("GIF", data, img.mode, rgb, source, reference, "GIF holds 256 colours")
    else:
        data, record, note = None, {"format": fmt, "lossy": False}, None
    if note:
        notes.append(f"{path.name}: {note}")
    if metadata is not None:
        metadata["output"] = record
    text = json.dumps(metadata, ensure_ascii=False, separators=(",", ":")) if metadata else None
    if fmt == "JPEG" and text:
        from editree.engine.jpeg_keep import with_xmp

        data = with_xmp(data, _xmp_packet(text))
    elif fmt == "WEBP" and text:
        data = _encoded(img, "WEBP", **kwargs, quality=quality, xmp=_xmp_packet(text), **_webp_mode(source))
    elif fmt == "PNG" and text:
        info = PngImagePlugin.PngInfo()
        info.add_itxt(METADATA_KEY, text)
        kwargs["pnginfo"] = info
    elif text and fmt not in ("PNG", "JPEG", "WEBP"):
        notes.append(f"{fmt} output cannot carry editree's provenance; use --sidecar to keep it beside the file")
    if data is not None:
        _write_atomically(path, lambda handle: handle.write(data))
    else:
        _write_atomically(path, lambda handle: img.save(handle, format=fmt, **kwargs))
    return notes


def _save_animation(
    path: Path,
    fmt: str,
    pictures: list[tuple[np.ndarray, np.ndarray | None]],
    source: LoadedImage | None,
    metadata: dict[str, Any] | None,
    quality: int,
) -> list[str]:
    """Every frame, with the source's durations and loop count: GIF and WebP animations, or an animated PNG
    (exact). The written frames are decoded again and compared with what was asked, as for lossy stills."""
    from editree.engine.depth import to_8bit

    if fmt not in ANIMATED_FORMATS:
        raise UsageError(
            f"{path.name}: {fmt} holds one picture, not {len(pictures)} frames; write GIF, WebP or PNG (animated), "
            "or pass --first-frame to edit the first frame only"
        )
    images = []
    for rgb, alpha in pictures:
        rgb = to_8bit(rgb if rgb.ndim == 3 else np.repeat(rgb[..., None], 3, axis=2))
        img = Image.fromarray(rgb, "RGB")
        if alpha is not None:
            img.putalpha(Image.fromarray(to_8bit(alpha), "L"))
        images.append(img)
    options: dict[str, Any] = {"save_all": True, "append_images": images[1:]}
    if source is not None and source.durations:
        options["duration"] = source.durations[: len(images)]
    if source is not None and source.loop is not None:
        options["loop"] = source.loop
    if fmt == "WEBP":
        options.update(quality=quality, **_webp_mode(source))
    if fmt == "GIF":
        options["disposal"] = 2  # each frame is a whole picture
    data = _encoded(images[0], fmt, **options)
    lossy = fmt == "GIF" or (fmt == "WEBP" and not options.get("lossless"))
    record: dict[str, Any] = {"format": fmt, "frames": len(images), "lossy": lossy}
    notes: list[str] = []
    if record["lossy"]:
        changed = level = 0
        with Image.open(io.BytesIO(data)) as written:
            for index, img in enumerate(images):
                written.seek(index)
                diff = cv2_absdiff(np.asarray(written.convert("RGB")), np.asarray(img.convert("RGB")))
                changed += int(np.count_nonzero(diff))
                level = max(level, int(diff.max()) if diff.size else 0)
        record.update(changed_pixels=changed, max_level=level)
        if changed:
            notes.append(
                f"{path.name}: {fmt} changed {changed:,} pixels of the {len(images)} frames by up to {level} levels "
                f"({'GIF holds 256 colours' if fmt == 'GIF' else 'WebP is lossy'}); {LOSSY_ADVICE}"
            )
    if metadata is not None:
        metadata["output"] = record
    text = json.dumps(metadata, ensure_ascii=False, separators=(",", ":")) if metadata else None
    if text and fmt in ("PNG", "WEBP"):
        if fmt == "PNG":
            info = PngImagePlugin.PngInfo()
            info.add_itxt(METADATA_KEY, text)
            options["pnginfo"] = info
        else:
            options["xmp"] = _xmp_packet(text)
        data = _encoded(images[0], fmt, **options)
    elif text:
        notes.append(f"{fmt} output cannot carry editree's provenance; use --sidecar to keep it beside the file")
    _write_atomically(path, lambda handle: handle.write(data))
    return notes


def cv2_absdiff(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pixel, the largest channel difference of two uint8 pictures."""
    import cv2

    diff = cv2.absdiff(a, b)
    return np.maximum(np.maximum(diff[..., 0], diff[..., 1]), diff[..., 2]) if diff.ndim == 3 else diff


def _on_palette(rgb: np.ndarray, alpha: np.ndarray | None, palette: list[int]) -> Image.Image | None:
    """`rgb` as a palette image with the input's palette, when every colour in it is one of the palette's
    (an edit that only moved pixels, or painted with the palette's own colours); None otherwise."""
    if alpha is not None:
        return None
    entries = np.asarray(palette, np.uint32).reshape(-1, 3)[:256]
    codes = (entries[:, 0] << 16) | (entries[:, 1] << 8) | entries[:, 2]
    order = np.argsort(codes, kind="stable")  # the first index of a colour listed twice
    pixels = (rgb[..., 0].astype(np.uint32) << 16) | (rgb[..., 1].astype(np.uint32) << 8) | rgb[..., 2]
    at = np.clip(np.searchsorted(codes[order], pixels), 0, len(codes) - 1)
    if not np.array_equal(codes[order][at], pixels):
        return None
    img = Image.fromarray(order[at].astype(np.uint8), "P")
    img.putpalette(palette)
    return img


def _save_16bit(
    path: Path,
    fmt: str,
    rgb: np.ndarray,
    alpha: np.ndarray | None,
    source: LoadedImage | None,
    metadata: dict[str, Any] | None,
    notes: list[str],
) -> list[str]:
    """A 16-bit PNG or TIFF (Pillow writes 16-bit greyscale only, and reads 16-bit colour as 8 bits): PNG through
    OpenCV, with the ICC profile, EXIF and provenance chunks added; TIFF through tifffile, with the ICC profile."""
    import cv2

    from editree.engine.depth import to_16bit

    if alpha is not None and alpha.dtype == np.uint8:
        alpha = to_16bit(alpha)
    record = {"format": fmt, "lossy": False, "bits": 16}
    if metadata is not None:
        metadata["output"] = record
    icc = source.icc_profile if source is not None else None
    if fmt == "PNG":
        planes = rgb[..., ::-1] if rgb.ndim == 3 else rgb  # OpenCV writes BGR
        if alpha is not None:
            colour = planes if planes.ndim == 3 else np.repeat(planes[..., None], 3, axis=2)
            planes = np.dstack([colour, alpha])
        ok, encoded = cv2.imencode(".png", np.ascontiguousarray(planes))
        if not ok:
            raise ImageError(f"{path}: cannot encode the 16-bit PNG")
        chunks = []
        if icc:
            chunks.append((b"iCCP", b"ICC Profile\x00\x00" + zlib.compress(icc)))
        if source is not None and source.exif:
            exif = Image.Exif()
            exif.load(source.exif)
            exif[0x0112] = 1
            chunks.append((b"eXIf", exif.tobytes().removeprefix(b"Exif\x00\x00")))
        if metadata:
            text = json.dumps(metadata, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            chunks.append((b"iTXt", METADATA_KEY.encode() + b"\x00\x00\x00\x00\x00" + text))
        data = _with_png_chunks(encoded.tobytes(), chunks)
        _write_atomically(path, lambda handle: handle.write(data))
        return notes
    import tifffile

    planes = rgb if alpha is None else np.dstack([rgb, alpha])
    extra = [(34675, "B", len(icc), icc, True)] if icc else []
    options: dict[str, Any] = {"photometric": "rgb" if rgb.ndim == 3 else "minisblack", "extratags": extra}
    if alpha is not None:
        options["extrasamples"] = ["unassalpha"]
    buffer = io.BytesIO()  # tifffile wants a named file or a buffer, not a bare descriptor
    tifffile.imwrite(buffer, planes, compression="zlib", **options)
    _write_atomically(path, lambda handle: handle.write(buffer.getvalue()))
    if source is not None and source.exif:
        notes.append(f"{path.name}: a 16-bit TIFF output does not carry the input's EXIF data (a PNG does)")
    if metadata:
        notes.append(f"{fmt} output cannot carry editree's provenance; use --sidecar to keep it beside the file")
    return notes


def _with_png_chunks(data: bytes, chunks: list[tuple[bytes, bytes]]) -> bytes:
    """A PNG file with `chunks` (type, body) put before its first IDAT chunk."""
    pos = 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        if data[pos + 4 : pos + 8] == b"IDAT":
            break
        pos += 12 + length
    made = b"".join(
        len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big") for kind, body in chunks
    )
    return data[:pos] + made + data[pos:]


LOSSY_ADVICE = "write a PNG instead (an output named .png, or --format png) to keep them exact"


def _encode_jpeg(
    img: Image.Image,
    rgb: np.ndarray,
    source: LoadedImage | None,
    reference: np.ndarray | None,
    quality: int,
    kwargs: dict[str, Any],
) -> tuple[bytes, dict[str, Any], str | None]:
    """The JPEG file (without provenance), what its pixels lost, and a note when the keep guarantee did not
    hold. Blocks are copied from a JPEG input when its picture was not moved; otherwise everything is encoded
    anew (with the input's tables and subsampling when it was a JPEG)."""
    from editree.engine import jpeg_keep

    reason = _why_not_copied(rgb, source, reference)
    if reason is None:
        assert source is not None and source.path is not None
        coefficients, reason = jpeg_keep.read(source.path)
    if reason is None:
        assert source is not None
        orientation = source.orientation
        out = jpeg_keep.stored(rgb, orientation)
        decoded = jpeg_keep.stored(source.rgb, orientation)
        if source.source_mode == "L":  # a greyscale JPEG: one component, while every step kept it grey
            out, decoded = (out if out.ndim == 2 else out[..., 0]), decoded[..., 0]
        spliced = jpeg_keep.splice(coefficients, decoded, out)
        written = _decoded(spliced.data, "L" if out.ndim == 2 else "RGB")
        record = _fidelity("JPEG", written, out, decoded)
        record.update(method="copied blocks", blocks=spliced.blocks, blocks_kept=spliced.blocks_kept)
        return spliced.data, record, None
    if source is not None and source.jpeg_tables:
        options: dict[str, Any] = {"qtables": source.jpeg_tables}
        if source.jpeg_subsampling is not None:
            options["subsampling"] = source.jpeg_subsampling
    else:
        options = {"quality": quality}
    data = _encoded(img.convert("L") if img.mode == "L" else img.convert("RGB"), "JPEG", **kwargs, **options)
    return data, *_lossy_record("JPEG", data, img.mode, rgb, source, reference, reason)


def _why_not_copied(rgb: np.ndarray, source: LoadedImage | None, reference: np.ndarray | None) -> str | None:
    """Why a JPEG output cannot copy the input's blocks, or None when it can."""
    if source is None:
        return "there is no input image"
    if source.format != "JPEG" or source.path is None:
        return f"the input is {source.format or 'not a file'}, not a JPEG"
    if rgb.shape[:2] != source.rgb.shape[:2]:
        return "a geometry op changed the picture's size"
    if reference is not None and reference is not source.rgb and not np.array_equal(reference, source.rgb):
        return "a geometry op moved the pixels"
    if source.source_mode == "L" and rgb.ndim == 3 and not is_gray(rgb):
        return "the edits gave colour to a greyscale JPEG"
    return None


def is_gray(rgb: np.ndarray) -> bool:
    """True when every pixel of an H×W×3 picture has equal channels."""
    return bool(np.array_equal(rgb[..., 0], rgb[..., 1]) and np.array_equal(rgb[..., 0], rgb[..., 2]))


def _encode_webp(
    img: Image.Image,
    rgb: np.ndarray,
    source: LoadedImage | None,
    reference: np.ndarray | None,
    quality: int,
    kwargs: dict[str, Any],
) -> tuple[bytes, dict[str, Any], str | None]:
    mode = _webp_mode(source)
    data = _encoded(img, "WEBP", **kwargs, quality=quality, **mode)
    if mode.get("lossless"):
        return data, {"format": "WEBP", "lossy": False}, None
    return data, *_lossy_record("WEBP", data, img.mode, rgb, source, reference, "WebP is lossy")


def _webp_mode(source: LoadedImage | None) -> dict[str, Any]:
    """A lossless WebP input gives a lossless WebP output; any other becomes lossy WebP."""
    if source is not None and source.format == "WEBP" and source.path is not None and _webp_is_lossless(source.path):
        return {"lossless": True}
    return {}


def _webp_is_lossless(path: Path) -> bool:
    """A WebP file's image chunk is VP8L (lossless) or VP8 (lossy); read the RIFF chunk headers only."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
            if head[:4] != b"RIFF" or head[8:12] != b"WEBP":
                return False
            while chunk := handle.read(8):
                if len(chunk) < 8:
                    return False
                kind, size = chunk[:4], int.from_bytes(chunk[4:], "little")
                if kind in (b"VP8L", b"VP8 "):
                    return kind == b"VP8L"
                handle.seek(size + (size & 1), os.SEEK_CUR)
    except OSError:
        return False
    return False


def _lossy_record(
    fmt: str,
    data: bytes,
    mode: str,
    rgb: np.ndarray,
    source: LoadedImage | None,
    reference: np.ndarray | None,
    reason: str,
) -> tuple[dict[str, Any], str | None]:
    """What encoding `rgb` as `data` lost among the pixels the edits left as the reference, and the one note
    that says so (none when there is no input to compare with)."""
    baseline = reference if reference is not None else (source.rgb if source is not None else None)
    if baseline is None or baseline.shape[:2] != rgb.shape[:2]:
        return {"format": fmt, "lossy": True, "method": "encoded", "reason": reason}, None
    written = _decoded(data, "L" if rgb.ndim == 2 else "RGB")
    record = _fidelity(fmt, written, rgb, baseline if baseline.ndim == rgb.ndim else _as(baseline, rgb))
    record.update(method="encoded", reason=reason)
    if not record["changed_pixels"]:
        return record, None
    note = (
        f"{fmt} output encodes every pixel anew ({reason}): {record['changed_pixels']:,} of the "
        f"{record['unedited_pixels']:,} pixels the edits left alone differ from the input by up to "
        f"{record['max_level']} levels; {LOSSY_ADVICE}"
    )
    return record, note


def _as(baseline: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    return baseline[..., 0] if rgb.ndim == 2 else np.repeat(baseline[..., None], 3, axis=2)


def _fidelity(fmt: str, written: np.ndarray, wanted: np.ndarray, baseline: np.ndarray) -> dict[str, Any]:
    """Among pixels where `wanted` equals `baseline` (the edits left them alone), how many the written file
    decodes differently, and by how many levels at most."""
    import cv2

    def channel_max(diff: np.ndarray) -> np.ndarray:
        return np.maximum(np.maximum(diff[..., 0], diff[..., 1]), diff[..., 2]) if diff.ndim == 3 else diff

    unedited = channel_max(cv2.absdiff(wanted, baseline)) == 0
    moved = channel_max(cv2.absdiff(written, wanted))
    moved[~unedited] = 0
    return {
        "format": fmt,
        "lossy": True,
        "unedited_pixels": int(np.count_nonzero(unedited)),
        "changed_pixels": int(np.count_nonzero(moved)),
        "max_level": int(moved.max()) if moved.size else 0,
    }


def fidelity_line(record: dict[str, Any] | None) -> str | None:
    """One line for the run summary about what a lossy output kept, or None for lossless outputs."""
    if not record or not record.get("lossy") or "unedited_pixels" not in record:
        return None
    lost = (
        f"{record['changed_pixels']:,} of {record['unedited_pixels']:,} unedited pixels differ from the input "
        f"(up to {record['max_level']} levels)"
    )
    if record.get("method") == "copied blocks":
        share = record["blocks_kept"] / max(1, record["blocks"])
        return f"JPEG: {share:.0%} of the 8x8 blocks copied from the input unchanged; {lost}, all next to edits"
    return f"{record['format']}: every pixel encoded anew ({record.get('reason')}); {lost}"


def _encoded(img: Image.Image, fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _decoded(data: bytes, mode: str) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(img.convert(mode))


def _write_atomically(path: Path, write: Any) -> None:
    """`write(handle)` into a temporary file beside `path`, then rename: no partial output, ever."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600; give it the mode any new file would get (umask applied).
        os.fchmod(fd, _new_file_mode())
        with os.fdopen(fd, "wb") as handle:
            write(handle)
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
