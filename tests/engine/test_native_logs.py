"""mediapipe's native logs go to /dev/null while editree's own messages still reach the user's stderr.

Run in a child process: only there is `sys.stderr` the process's real fd 2, as in the CLI (pytest replaces it)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _stderr_of(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stderr


def test_silencing_twice_keeps_editree_messages() -> None:
    stderr = _stderr_of(
        """
        import os, sys
        from editree.engine.segmenters import mediapipe_seg as m
        m._silence_native_logs_for_good()
        m._silence_native_logs_for_good()
        os.write(2, b"native chatter\\n")
        print("editree: error: the message the user must see", file=sys.stderr)
        """
    )
    assert stderr == "editree: error: the message the user must see\n"


def test_face_mesh_loaded_in_a_quiet_block_keeps_editree_messages() -> None:
    stderr = _stderr_of(
        """
        import os, sys
        import numpy as np
        from editree.engine.segmenters import mediapipe_seg as m
        m._mesh_points(np.zeros((64, 64, 3), np.uint8))
        os.write(2, b"native chatter\\n")
        print("editree: error: still visible", file=sys.stderr)
        """
    )
    assert stderr.endswith("editree: error: still visible\n")
    assert "native chatter" not in stderr
