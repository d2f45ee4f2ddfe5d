"""preserve_identity from the command line, on scikit-image's astronaut and cameraman: the distances in the run
summary, the output's metadata and `inspect`; --identity-strict's exit code with nothing written; `editree identity`
for scripts; and the one-line error, naming the extra to install, when dlib or its models are missing."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import read_metadata
from editree.errors import ExitCode
from tests.identity.conftest import FACE, pixelate

INSTALL_HINT = "pip install 'editree[face]'"


def one_error_line(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def photo(tmp_path: Path, astronaut: np.ndarray) -> Path:
    path = tmp_path / "astronaut.png"
    Image.fromarray(astronaut).save(path)
    return path


def test_an_edit_reports_her_face_distance_in_the_summary_metadata_and_inspect(cli, photo: Path, tmp_path: Path):
    out = tmp_path / "fog.png"
    result = cli("edit", str(photo), "keep her identity, blur the background and add fog", "-o", str(out))
    assert result.code == ExitCode.OK, result.err
    assert "identity preserved (measured with face): face 1 distance 0." in result.out
    meta = read_metadata(out)
    assert meta is not None
    for step in meta["steps"]:  # each step touched her (the fog covers everything) and was measured
        ((score),) = step["identity"]
        assert score["embedder"] == "face" and score["distance"] < 0.3 and score["pass"] is True
    summary = meta["identity"]
    assert summary["passed"] is True and summary["measured_after"] == ["steps[0]", "steps[1]"]
    assert summary["scores"] == meta["steps"][-1]["identity"]
    face_model = meta["models"]["identity"]["face_model"]
    assert face_model["model"] == "dlib_face_recognition_resnet_model_v1" and face_model["dlib"]
    shown = cli("inspect", str(out))
    assert shown.code == ExitCode.OK
    distance = summary["scores"][0]["distance"]
    assert f"face 1 distance {distance:.3f} (threshold 0.6) pass" in shown.out
    assert "identity measured with face, face threshold 0.6" in shown.out


def test_a_blurred_face_warns_and_strict_makes_it_exit_1_with_nothing_written(cli, photo: Path, tmp_path: Path):
    warned = tmp_path / "warned.png"
    result = cli("edit", str(photo), "keep her identity and blur her face a lot", "-o", str(warned))
    assert result.code == ExitCode.OK and warned.is_file()
    assert "warning: identity after steps[0] blur(" in result.err and "FAIL" in result.err
    assert "identity NOT preserved" in result.out
    assert read_metadata(warned)["identity"]["passed"] is False

    strict = tmp_path / "strict.png"
    result = cli(
        "edit", str(photo), "keep her identity and blur her face a lot", "-o", str(strict), "--identity-strict"
    )
    assert result.code == ExitCode.RUNTIME
    line = one_error_line(result.err)
    assert "identity not preserved (--identity-strict): after steps[0] blur(" in line
    assert "face 1: distance" in line and "nothing was written" in line
    assert sorted(tmp_path.iterdir()) == sorted([photo, warned])  # no output, no temporary file left behind
    # A looser threshold lets the same edit through.
    result = cli(
        "edit",
        str(photo),
        "keep her identity and blur her face a lot",
        "-o",
        str(strict),
        "--identity-strict",
        "--face-threshold",
        "0.95",
    )
    assert result.code == ExitCode.OK and strict.is_file()


def test_identity_compares_two_pictures_face_by_face(cli, photo: Path, tmp_path: Path, astronaut, cameraman):
    brighter = tmp_path / "brighter.png"
    Image.fromarray(np.clip(astronaut.astype(np.int16) + 25, 0, 255).astype(np.uint8)).save(brighter)
    result = cli("identity", str(photo), str(brighter), "--json")
    assert result.code == ExitCode.OK, result.err
    comparison = json.loads(result.out)
    ((score),) = comparison["scores"]
    assert comparison["passed"] is True and score["subject"] == "face 1" and score["distance"] < 0.3
    assert tuple(score["box_a"]) == FACE

    pixelated = tmp_path / "pixelated.png"
    Image.fromarray(pixelate(astronaut, FACE)).save(pixelated)
    other = tmp_path / "cameraman.png"
    Image.fromarray(cameraman).save(other)
    for b in (pixelated, other):
        result = cli("identity", str(photo), str(b))
        assert result.code == ExitCode.RUNTIME
        line = one_error_line(result.err)
        assert line.startswith(f"error: {b}: face 1 of astronaut.png is not the same person (distance 0.")
        assert "FAIL" in result.out  # the table is printed before the verdict


def test_a_missing_face_model_is_one_line_naming_the_extra(cli, photo: Path, tmp_path: Path, monkeypatch):
    from editree.engine import face_identity

    find_spec = face_identity.importlib.util.find_spec
    monkeypatch.setattr(
        face_identity.importlib.util, "find_spec", lambda name, *a: None if name == "dlib" else find_spec(name, *a)
    )
    out = tmp_path / "out.png"
    result = cli("edit", str(photo), "keep her identity and add fog", "-o", str(out), "--identity-model", "face")
    assert result.code == ExitCode.MISSING_DEPENDENCY and not out.exists()
    line = one_error_line(result.err)
    assert "face identity needs dlib, which is not installed" in line and INSTALL_HINT in line
    result = cli("identity", str(photo), str(photo))
    assert result.code == ExitCode.MISSING_DEPENDENCY
    assert INSTALL_HINT in one_error_line(result.err)
    # Not asked for by name, the missing model is a note in the summary and the edit is written.
    result = cli("edit", str(photo), "keep her identity and add fog", "-o", str(out))
    assert result.code == ExitCode.OK and out.is_file()
    assert "identity: preserve_identity(" in result.out and INSTALL_HINT in result.out


def test_a_batch_manifest_gives_each_images_identity_outcome(cli, photo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    photo.rename(folder / "her.png")
    out = tmp_path / "out"
    result = cli("batch", str(folder), "keep her identity and add fog", "-o", str(out))
    assert result.code == ExitCode.OK, result.err
    from editree.engine.batch import MANIFEST_NAME

    records = {r["input"]: r for r in map(json.loads, (out / MANIFEST_NAME).read_text().splitlines()) if "input" in r}
    her = records["her.png"]["identity"]
    assert her["passed"] is True and her["scores"][0]["distance"] < 0.3
    assert her == read_metadata(out / "her.png")["identity"]
    plain = cli("batch", str(folder), "add fog", "-o", str(tmp_path / "plain"))
    assert plain.code == ExitCode.OK, plain.err
    lines = (tmp_path / "plain" / MANIFEST_NAME).read_text().splitlines()
    assert all("identity" not in json.loads(line) for line in lines)  # no identity asked, none recorded
