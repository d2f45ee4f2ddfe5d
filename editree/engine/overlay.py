"""Pictures that let a person check what was found before a long run: coloured masks with labels."""

from __future__ import annotations

import numpy as np

PALETTE = [
    (230, 57, 70),
    (29, 161, 242),
    (46, 196, 102),
    (255, 183, 3),
    (155, 89, 182),
    (0, 200, 200),
    (255, 105, 180),
    (120, 120, 255),
]


def overlay(rgb: np.ndarray, masks: list[tuple[str, np.ndarray]], alpha: float = 0.45) -> np.ndarray:
    """`rgb` uint8 H×W×3 with each (label, float mask) tinted, outlined and labelled at its centre."""
    import cv2

    out = rgb.astype(np.float32)
    h, w = rgb.shape[:2]
    labels = []
    for index, (label, mask) in enumerate(masks):
        color = np.array(PALETTE[index % len(PALETTE)], np.float32)
        weight = (np.clip(mask, 0, 1) * alpha)[..., None]
        out = out * (1 - weight) + color * weight
        binary = (mask > 0.5).astype(np.uint8)
        if binary.any():
            # The label goes where the region is thickest: a ring's centroid can lie outside it.
            # Zero border: the image edge counts as the region's edge, or a region touching it gets its label there.
            depth = cv2.distanceTransform(
                cv2.copyMakeBorder(binary, 1, 1, 1, 1, cv2.BORDER_CONSTANT, 0), cv2.DIST_L2, 5
            )
            y, x = np.unravel_index(int(np.argmax(depth[1:-1, 1:-1])), binary.shape)
            labels.append((label, index + 1, (int(x), int(y)), tuple(int(c) for c in color), binary))
    out = np.clip(out, 0, 255).astype(np.uint8)
    scale = max(0.4, min(h, w) / 800)
    for label, number, (x, y), color, binary in labels:
        contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        cv2.drawContours(out, contours, -1, color, max(1, round(2 * scale)))
        # OpenCV's fonts are ASCII only: other labels are drawn as their number in the printed table.
        text = label if label.isascii() else f"#{number}"
        (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)
        bx, by, bw, bh = cv2.boundingRect(binary)
        if bw < tw or bh < 3 * th:
            # A small region (an eye, a sign) would vanish under its own label: put the label beside it.
            x, y = bx + bw // 2, (by - 8 if by - 8 >= th + 4 else min(h - 6, by + bh + th + 8))
        x0, y0 = max(0, min(w - tw - 4, x - tw // 2)), max(th + 4, y)
        cv2.rectangle(out, (x0 - 2, y0 - th - 4), (x0 + tw + 2, y0 + 4), color, -1)
        cv2.putText(out, text, (x0, y0), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), 1, cv2.LINE_AA)
    return out
