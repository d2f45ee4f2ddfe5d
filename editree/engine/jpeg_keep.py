"""JPEG outputs that keep what was kept: unedited blocks copy the input's quantised DCT coefficients.

Decoding a JPEG and encoding it again moves almost every pixel by a few levels (the quantisation is
done twice), so an edit that leaves most of a photo alone would still change all of it. Instead the
output starts from the input's own coefficients (read and written with jpeglib, which wraps libjpeg):
every 8×8 block of every component whose pixels the edit left exactly as the decoder showed them keeps
its coefficients bit for bit, and only the other blocks are encoded anew, with the input's quantisation
tables and chroma subsampling. A chroma block covers 16×16 pixels at 4:2:0 (8×16 at 4:2:2).

What a decoder then shows (`Spliced.exception` marks it; tested exactly):
- pixels whose blocks were all copied decode to the input's decoded pixels, except
- the one-pixel edge of a copied region next to a re-encoded chroma block: decoders interpolate chroma
  across block edges ("fancy upsampling", libjpeg's default), so those pixels mix in a new chroma sample
  (measured on the astronaut: a ring of about 460 pixels, up to 11 levels); and
- unedited pixels that share a block with edited ones, which are re-encoded with the edited block.

Luma blocks are decided alone, so a luma block copied next to a re-encoded chroma block keeps its
lightness exactly. Progressive inputs are written as baseline JPEGs with the same coefficients.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

XMP_PREFIX = b"http://ns.adobe.com/xap/1.0/\x00"
_UPRIGHT_K = {3: 2, 6: 3, 8: 1}
"""np.rot90 turns that bring a stored picture upright, by EXIF orientation (as Pillow's exif_transpose)."""


def upright(arr: np.ndarray, orientation: int) -> np.ndarray:
    """The stored picture as a viewer shows it (EXIF orientation 1-8, like PIL.ImageOps.exif_transpose)."""
    if orientation in (2, 4):
        return np.flip(arr, axis=1 if orientation == 2 else 0)
    if orientation == 5:
        return np.swapaxes(arr, 0, 1)
    if orientation == 7:
        return np.rot90(np.swapaxes(arr, 0, 1), 2)
    return np.rot90(arr, _UPRIGHT_K.get(orientation, 0))


def stored(arr: np.ndarray, orientation: int) -> np.ndarray:
    """The inverse of `upright`: an upright picture laid out as the file stores it."""
    if orientation == 6:
        return np.rot90(arr, 1)
    if orientation == 8:
        return np.rot90(arr, 3)
    return upright(arr, orientation)  # the other transforms are their own inverses


@dataclass
class Spliced:
    data: bytes
    """The JPEG file, without editree's XMP (see `with_xmp`)."""
    blocks: int
    blocks_kept: int
    exception: np.ndarray
    """Boolean H×W (stored orientation): where decoded pixels may differ from the input's decoded pixels."""


def read(path: Path) -> tuple[Any, str | None]:
    """The JPEG at `path` as jpeglib coefficients (read lazily), or None and why its coefficients cannot be kept."""
    try:
        import jpeglib
    except ImportError:
        return None, "jpeglib is not installed (pip install jpeglib==1.0.2)"
    try:
        src = jpeglib.read_dct(str(path))
    except Exception as exc:  # libjpeg reports what it cannot read as IOError or RuntimeError
        return None, f"its coefficients cannot be read ({exc})"
    space = str(getattr(src.jpeg_color_space, "name", src.jpeg_color_space))
    if space not in ("JCS_YCbCr", "JCS_GRAYSCALE"):
        return None, f"it is a {space.removeprefix('JCS_')} JPEG"
    return src, None


def changed_pixels(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Boolean H×W: where two uint8 pictures (H×W or H×W×3) differ in any channel."""
    import cv2

    diff = cv2.absdiff(a, b)
    if diff.ndim == 3:
        diff = np.maximum(np.maximum(diff[..., 0], diff[..., 1]), diff[..., 2])
    return diff > 0


def _footprints(blocks: tuple[int, int], scale: tuple[int, int], changed: np.ndarray) -> np.ndarray:
    """Which blocks of a component (rows × cols of 8×8 samples, each sample `scale` = (sy, sx) pixels) hold a
    changed pixel: area averaging of a 0/65535 map by whole blocks is non-zero exactly there (and fast)."""
    import cv2

    rows, cols = blocks
    sy, sx = scale
    h, w = changed.shape
    padded = np.zeros((rows * 8 * sy, cols * 8 * sx), np.uint16)
    ph, pw = min(h, padded.shape[0]), min(w, padded.shape[1])
    padded[:ph, :pw] = changed[:ph, :pw]
    padded *= 65535
    return cv2.resize(padded, (cols, rows), interpolation=cv2.INTER_AREA) > 0


def _footprint_pixels(touched: np.ndarray, scale: tuple[int, int], shape: tuple[int, int], reach: int) -> np.ndarray:
    """The pixels that touched blocks cover, grown by `reach` pixels along each subsampled axis."""
    import cv2

    sy, sx = scale
    rows, cols = touched.shape
    pixels = cv2.resize(touched.astype(np.uint8), (cols * 8 * sx, rows * 8 * sy), interpolation=cv2.INTER_NEAREST)
    pixels = pixels[: shape[0], : shape[1]]
    if reach and (sy > 1 or sx > 1):
        kernel = np.ones((2 * reach + 1 if sy > 1 else 1, 2 * reach + 1 if sx > 1 else 1), np.uint8)
        pixels = cv2.dilate(pixels, kernel)
    return pixels.astype(bool)


def splice(src: Any, decoded: np.ndarray, output: np.ndarray) -> Spliced:
    """The JPEG of `output` (uint8 H×W×3, or H×W for a greyscale JPEG; stored orientation) that copies every
    block of `src` (a source from `read`) whose pixels equal `decoded` (what the decoder made of it) and encodes
    the others with the source's tables and subsampling, carrying the source's markers over (see `_markers`)."""
    gray = not src.has_chrominance
    changed = changed_pixels(output, decoded)
    factors = np.asarray(src.samp_factor).reshape(-1, 2)  # (vertical, horizontal) per component
    vmax, hmax = int(factors[:, 0].max()), int(factors[:, 1].max())
    names = ["Y"] if gray else ["Y", "Cb", "Cr"]
    scales = [(vmax // int(factors[i, 0]), hmax // int(factors[i, 1])) for i in range(len(names))]
    touched = [_footprints(getattr(src, n).shape[:2], scales[i], changed) for i, n in enumerate(names)]
    encoded = _encoded_like(src, output, gray) if any(t.any() for t in touched) else None
    exception = np.zeros(changed.shape, bool)
    for name, scale, hit in zip(names, scales, touched, strict=True):
        if encoded is not None:
            setattr(src, name, np.where(hit[..., None, None], getattr(encoded, name), getattr(src, name)))
        exception |= _footprint_pixels(hit, scale, changed.shape, reach=1)
    src.markers = _markers(src)
    out_fd, out_path = tempfile.mkstemp(suffix=".jpg")
    os.close(out_fd)
    try:
        src.write_dct(out_path)
        data = Path(out_path).read_bytes()
    finally:
        os.unlink(out_path)
    blocks = sum(t.size for t in touched)
    return Spliced(data, blocks, blocks - int(sum(t.sum() for t in touched)), exception)


def _encoded_like(src: Any, output: np.ndarray, gray: bool) -> Any:
    """`output` encoded with `src`'s quantisation tables and subsampling, read back as coefficients."""
    import jpeglib

    fd, path = tempfile.mkstemp(suffix=".jpg")
    os.close(fd)
    try:
        fresh = jpeglib.from_spatial(output[..., None] if gray else output)
        fresh.samp_factor = src.samp_factor
        fresh.write_spatial(path, qt=src.qt, quant_tbl_no=src.quant_tbl_no)
        encoded = jpeglib.read_dct(path)
        encoded.load()
        return encoded
    finally:
        os.unlink(path)


def _markers(src: Any) -> list:
    """The source's APPn and COM segments worth carrying over: EXIF (orientation unchanged, since the output
    keeps the stored layout), the ICC profile and the rest; not the JFIF header (libjpeg writes its own) and
    not an XMP packet (editree writes its provenance there)."""
    kept = []
    for marker in src.markers or []:
        kind = int(marker.type)
        body = bytes(marker.content or b"")
        if (kind == 0xE0 and body.startswith(b"JFIF")) or (kind == 0xE1 and body.startswith(XMP_PREFIX)):
            continue
        kept.append(marker)
    return kept


def with_xmp(data: bytes, packet: bytes) -> bytes:
    """`data` (a JPEG file) with an APP1 XMP segment carrying `packet`, after its leading APP0/APP1 segments."""
    payload = XMP_PREFIX + packet
    if len(payload) + 2 > 0xFFFF:
        raise ValueError(f"the provenance is {len(payload)} bytes, more than one JPEG segment holds (65533)")
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF and data[pos + 1] in (0xE0, 0xE1):
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    return data[:pos] + segment + data[pos:]
