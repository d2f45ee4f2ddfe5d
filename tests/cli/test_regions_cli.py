"""Seeing regions before a long run: `editree segment`, `plan --image` and `edit --save-masks`."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image


@pytest.fixture
def astronaut_png(tmp_path: Path, astronaut: np.ndarray) -> Path:
    path = tmp_path / "astronaut.png"
    Image.fromarray(astronaut).save(path)
    return path


def _gray(path: Path) -> np.ndarray:
    """A written mask: one greyscale channel (a third of an RGB file's size, and what tools expect)."""
    with Image.open(path) as img:
        assert img.mode == "L", img.mode
        return np.array(img)


def test_segment_writes_the_mask_and_overlay(cli, astronaut_png: Path, astronaut: np.ndarray) -> None:
    mask, picture = astronaut_png.with_name("person.png"), astronaut_png.with_name("check.png")
    result = cli("segment", str(astronaut_png), "the person", "-o", str(mask), "--overlay", str(picture))
    assert result.code == 0, result.err
    assert result.out.startswith('"person": ') and "mediapipe" in result.out
    gray = _gray(mask)
    assert gray.shape == astronaut.shape[:2]
    area = (gray > 127).mean()
    assert 0.2 < area < 0.7, area
    assert f"{gray.mean() / 255:.1%}" in result.out, "the printed area is the written mask's"
    tinted = np.array(Image.open(picture))
    assert tinted.shape == astronaut.shape
    inside = gray == 255
    assert not np.array_equal(tinted[inside], astronaut[inside]), "the region is tinted"


def test_segment_reads_chinese_and_boxes(cli, astronaut_png: Path, tmp_path: Path) -> None:
    en, zh = tmp_path / "en.png", tmp_path / "zh.png"
    assert cli("segment", str(astronaut_png), "the person", "-o", str(en)).code == 0
    assert cli("segment", str(astronaut_png), "人物", "-o", str(zh)).code == 0
    assert np.array_equal(_gray(en), _gray(zh))

    box = tmp_path / "box.png"
    result = cli("segment", str(astronaut_png), "the logo", "--region", "logo=0,0,0.25,0.5", "-o", str(box))
    assert result.code == 0, result.err
    gray = _gray(box)
    expected = np.zeros_like(gray)
    expected[:256, :128] = 255
    assert np.array_equal(gray, expected)


def test_segment_errors(cli, astronaut_png: Path, tmp_path: Path) -> None:
    result = cli("segment", str(astronaut_png), "the unicorn", "-o", str(tmp_path / "u.png"))
    assert result.code == 5 and "unicorn" in result.err and "--region" in result.err
    assert not (tmp_path / "u.png").exists()
    result = cli("segment", str(astronaut_png), "the person", "-o", str(astronaut_png))
    assert result.code == 2 and "is the input image" in result.err
    result = cli("segment", str(astronaut_png), "the second face")
    assert result.code == 0 and result.out.startswith('"face"[#2]: 0.0% of the image')
    assert "asked for instance #2 (in reading order) but only 1 was found" in result.err
    result = cli("segment", str(astronaut_png), "the largest face", "--overlay", str(tmp_path / "[x].png"))
    assert (
        result.code == 0
        and result.out.startswith('"face"[largest]: ')
        and "wrote " + str(tmp_path / "[x].png") in result.out
    )
    result = cli("segment", str(astronaut_png), "  ")
    assert result.code == 2 and "PHRASE is empty" in result.err
    result = cli("segment", str(tmp_path / "missing.png"), "the person")
    assert result.code != 0 and "missing.png" in result.err and "Traceback" not in result.err


def test_plan_image_reports_regions_without_editing(cli, astronaut_png: Path) -> None:
    before = sorted(p.name for p in astronaut_png.parent.iterdir())
    result = cli("plan", "keep the person unchanged and blur the background", "--image", str(astronaut_png))
    assert result.code == 0, result.err
    assert "regions on astronaut.png" in result.out
    assert '"person"' in result.out and "background" in result.out and "complement of the subjects" in result.out
    written = astronaut_png.with_name("astronaut_regions.png")
    assert f"wrote {written}" in result.out
    assert sorted(p.name for p in astronaut_png.parent.iterdir()) == sorted([*before, written.name])


def test_plan_image_keeps_json_on_stdout_clean(cli, astronaut_png: Path, tmp_path: Path) -> None:
    picture = tmp_path / "regions.jpg"
    result = cli("plan", "blur the background", "-f", "json", "--image", str(astronaut_png), "--overlay", str(picture))
    assert result.code == 0, result.err
    assert json.loads(result.out)["steps"][0]["op"] == "blur"
    assert "background" in result.err and picture.exists()
    assert cli("plan", "--file", str(picture), "--image", str(astronaut_png)).code == 2
    result = cli("plan", "blur the sign", "--region", "sign=0,0,10,10")
    assert result.code == 2 and "--region only applies with --image" in result.err


def test_edit_save_masks(cli, astronaut_png: Path, astronaut: np.ndarray, tmp_path: Path) -> None:
    out, folder = tmp_path / "out.png", tmp_path / "masks"
    result = cli(
        "edit",
        str(astronaut_png),
        "keep the person unchanged, blur the background",
        "-o",
        str(out),
        "--save-masks",
        str(folder),
    )
    assert result.code == 0, result.err
    assert f"wrote 2 masks to {folder}" in result.out
    assert sorted(p.name for p in folder.iterdir()) == ["background.png", "person.png"]
    person, background = _gray(folder / "person.png"), _gray(folder / "background.png")
    assert np.abs(person.astype(int) + background.astype(int) - 255).max() <= 1, "background is the complement"
    kept = person == 255
    assert kept.mean() > 0.2
    assert np.array_equal(np.array(Image.open(out))[kept], astronaut[kept]), "the saved mask is what was kept"


def test_save_masks_never_replaces_an_input(cli, astronaut_png: Path, tmp_path: Path) -> None:
    folder = tmp_path / "masks"
    folder.mkdir()
    user_mask = folder / "sky.png"
    Image.fromarray(np.full((512, 512), 255, np.uint8)).save(user_mask)
    before = user_mask.read_bytes()
    out = tmp_path / "out.png"
    argv = ["edit", str(astronaut_png), "blur the sky", "--mask", f"sky={user_mask}", "-o", str(out)]
    result = cli(*argv, "--save-masks", str(folder))
    assert result.code == 2 and "would replace the input" in result.err
    assert user_mask.read_bytes() == before and not out.exists()

    clash = folder / "sky.png"
    result = cli(
        "edit",
        str(astronaut_png),
        "blur the background",
        "-o",
        str(folder / "background.png"),
        "--save-masks",
        str(folder),
    )
    assert result.code == 2 and "over the output" in result.err and not (folder / "background.png").exists()
    assert clash.read_bytes() == before

    result = cli(*argv, "--save-masks", str(astronaut_png))
    assert result.code == 2 and "is a file" in result.err


def test_mask_file_names_are_safe_and_distinct() -> None:
    from editree.cli.regions import mask_file_names

    names = mask_file_names(['"the car on the left"', '"The car on the left!"', '"人物"', "box(0,0,1,1)", '"../.."'])
    assert list(names.values()) == [
        "the_car_on_the_left.png",
        "The_car_on_the_left_2.png",
        "人物.png",
        "box_0_0_1_1.png",
        "region.png",
    ]


def test_a_chinese_region_name_matches_the_words_as_written(
    cli, astronaut_png: Path, astronaut: np.ndarray, tmp_path: Path
) -> None:
    """招牌 plans as the English phrase "signboard"; --region 招牌=… and --region signboard=… both name it."""
    outputs = []
    for name in ("招牌", "signboard"):
        out = tmp_path / f"{name}.png"
        result = cli(
            "edit", str(astronaut_png), "把招牌变成黑白", "--region", f"{name}=100,100,200,200", "-o", str(out)
        )
        assert result.code == 0, result.err
        outputs.append(np.asarray(Image.open(out)))
    assert np.array_equal(outputs[0], outputs[1])
    changed = np.any(outputs[0] != astronaut, axis=2)
    assert changed[100:200, 100:200].any() and not changed[:100].any() and not changed[200:].any()


def test_plan_shows_a_saved_plan_and_its_regions(cli, astronaut_png: Path, tmp_path: Path) -> None:
    """Before `editree apply plan.json photos/`, check what the plan finds on one photo."""
    import json

    saved = tmp_path / "plan.json"
    saved.write_text(cli("plan", "keep the person unchanged and blur the background", "-f", "json").out)
    shown = cli("plan", "--plan", str(saved), "-f", "json")
    assert shown.code == 0 and json.loads(shown.out) == json.loads(saved.read_text())
    picture = tmp_path / "regions.png"
    checked = cli("plan", "--plan", str(saved), "--image", str(astronaut_png), "--overlay", str(picture))
    assert checked.code == 0, checked.err
    assert "person" in checked.out and "mediapipe-person" in checked.out and picture.exists()

    both = cli("plan", "blur it", "--plan", str(saved))
    assert both.code == 2 and "one of an INSTRUCTION, --file FILE or --plan PLAN.json" in both.err
    missing = cli("plan", "--plan", str(tmp_path / "nope.json"))
    assert missing.code == 2 and "--plan" in missing.err and "cannot read it" in missing.err
    saved.write_text('{"version": 1, "steps": "x"}')
    broken = cli("plan", "--plan", str(saved))
    assert broken.code == 4 and str(saved) in broken.err


def test_a_region_named_but_not_in_the_plan_is_warned_about(cli, astronaut_png: Path, tmp_path: Path) -> None:
    result = cli(
        "edit", str(astronaut_png), "blur the person", "--region", "persn=0,0,10,10", "-o", str(tmp_path / "o.png")
    )
    assert result.code == 0, result.err
    assert "the region 'persn' you named is not in the plan, so it is not used (the plan names 'person')" in result.err
    quiet = cli(
        "edit", str(astronaut_png), "blur the person", "--region", "person=0,0,10,10", "-o", str(tmp_path / "p.png")
    )
    assert quiet.code == 0 and "not in the plan" not in quiet.err
