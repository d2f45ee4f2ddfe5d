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


def unsupported(path: Path) -> str | None:
    """Why the coefficients of the JPEG at `path` cannot be kept, or None when they can."""
    try:
        import jpeglib
    except ImportError:
        return "jpeglib is not installed (pip install jpeglib==1.0.2)"
    try:
        info = jpeglib.read_dct(str(path))
    except Exception as exc:  # libjpeg reports what it cannot read as IOError or RuntimeError
        return f"its coefficients cannot be read ({exc})"
    space = str(getattr(info.jpeg_color_space, "name", info.jpeg_color_space))
    if space not in ("JCS_YCbCr", "JCS_GRAYSCALE"):
        return f"it is a {space.removeprefix('JCS_')} JPEG"
    return None


def _footprints(blocks: tuple[int, int], scale: tuple[int, int], changed: np.ndarray) -> np.ndarray:
    """Which blocks of a component (rows × cols of 8×8 samples, each sample `scale` = (sy, sx) pixels) hold a
    changed pixel."""
    rows, cols = blocks
    sy, sx = scale
    h, w = changed.shape
    padded = np.zeros((rows * 8 * sy, cols * 8 * sx), bool)
    padded[: min(h, padded.shape[0]), : min(w, padded.shape[1])] = changed[: padded.shape[0], : padded.shape[1]]
    return padded.reshape(rows, 8 * sy, cols, 8 * sx).any(axis=(1, 3))


def _footprint_pixels(touched: np.ndarray, scale: tuple[int, int], shape: tuple[int, int], reach: int) -> np.ndarray:
    """The pixels that touched blocks cover, grown by `reach` pixels along each subsampled axis."""
    sy, sx = scale
    pixels = np.repeat(np.repeat(touched, 8 * sy, axis=0), 8 * sx, axis=1)[: shape[0], : shape[1]]
    if reach and (sy > 1 or sx > 1):
        import cv2

        kernel = np.ones((2 * reach + 1 if sy > 1 else 1, 2 * reach + 1 if sx > 1 else 1), np.uint8)
        pixels = cv2.dilate(pixels.astype(np.uint8), kernel).astype(bool)
    return pixels


def splice(source: Path, decoded: np.ndarray, output: np.ndarray, markers: list[tuple[int, bytes]]) -> Spliced:
    """The JPEG of `output` (uint8 H×W×3, or H×W for a greyscale JPEG; stored orientation) that copies every
    block of `source` whose pixels equal `decoded` (what the decoder made of `source`) and encodes the others
    with the source's tables and subsampling. `markers` are (APPn or COM marker byte, payload) to write."""
    import jpeglib

    src = jpeglib.read_dct(str(source))
    gray = not src.has_chrominance
    changed = output != decoded
    if changed.ndim == 3:
        changed = changed.any(axis=2)
    factors = np.asarray(src.samp_factor).reshape(-1, 2)  # (vertical, horizontal) per component
    vmax, hmax = int(factors[:, 0].max()), int(factors[:, 1].max())
    fd, fresh_path = tempfile.mkstemp(suffix=".jpg")
    os.close(fd)
    out_fd, out_path = tempfile.mkstemp(suffix=".jpg")
    os.close(out_fd)
    try:
        fresh = jpeglib.from_spatial(output[..., None] if gray else output)
        fresh.samp_factor = src.samp_factor
        fresh.write_spatial(fresh_path, qt=src.qt, quant_tbl_no=src.quant_tbl_no)
        encoded = jpeglib.read_dct(fresh_path)
        exception = np.zeros(changed.shape, bool)
        blocks = kept = 0
        for index, name in enumerate(["Y"] if gray else ["Y", "Cb", "Cr"]):
            original = getattr(src, name)
            scale = (vmax // int(factors[index, 0]), hmax // int(factors[index, 1]))
            touched = _footprints(original.shape[:2], scale, changed)
            setattr(src, name, np.where(touched[..., None, None], getattr(encoded, name), original))
            blocks += touched.size
            kept += int(touched.size - touched.sum())
            exception |= _footprint_pixels(touched, scale, changed.shape, reach=1)
        src.markers = [jpeglib.Marker(jpeglib.MarkerType(kind), len(body), body) for kind, body in markers]
        src.write_dct(out_path)
        data = Path(out_path).read_bytes()
    finally:
        for leftover in (fresh_path, out_path):
            try:
                os.unlink(leftover)
            except OSError:
                pass
    return Spliced(data, blocks, kept, exception)


def source_markers(source: Path) -> list[tuple[int, bytes]]:
    """The source's APPn and COM segments worth carrying over, as (marker byte, payload): EXIF (orientation
    unchanged, since the output keeps the stored layout), the ICC profile and the rest; not the JFIF header
    (libjpeg writes its own) and not an XMP packet (editree writes its provenance there)."""
    import jpeglib

    kept = []
    for marker in jpeglib.read_dct(str(source)).markers or []:
        kind = int(marker.type)
        body = bytes(marker.content or b"")
        if kind == 0xE0 and body.startswith(b"JFIF"):
            continue
        if kind == 0xE1 and body.startswith(XMP_PREFIX):
            continue
        kept.append((kind, body))
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
