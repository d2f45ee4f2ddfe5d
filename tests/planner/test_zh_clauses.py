"""Chinese clause meanings the case tables cannot pin alone: free-form edits that keep their target, the
vignette (an op only where the IR has one), "其余" as the complement of what was named, selections."""

from __future__ import annotations

import pytest

from editree.errors import InstructionError
from editree.ops import ALL, MinusRegion, NotRegion, PhraseRegion, UnionRegion, iter_edits
from editree.ops.steps import Edit
from editree.planner import parse
from editree.planner.clauses import FallbackClause
from editree.planner.grammar_zh import parse_chinese


@pytest.mark.parametrize(
    ("instruction", "target", "position"),
    [
        ("让左边的人笑", "person", "left"),
        ("让右边的女孩闭上眼睛", "girl", "right"),
        ("让小狗坐下", "puppy", None),
        ("把人物的头发吹乱", "person's hair", None),
    ],
)
def test_a_free_form_edit_keeps_the_region_it_names(instruction: str, target: str, position: str | None) -> None:
    [clause] = parse_chinese(instruction)
    assert isinstance(clause, FallbackClause) and clause.text == instruction
    assert isinstance(clause.target, PhraseRegion) and clause.target.text == target
    assert clause.target.qualifiers.position == position
    assert clause.span == (0, len(instruction))


def test_a_free_form_edit_of_a_pronoun_is_an_edit_of_the_person() -> None:
    [step] = parse("让她微笑").steps
    assert step.op == "edit" and step.fallback and step.target == PhraseRegion(text="person", source="她")


@pytest.mark.parametrize("instruction", ["让画面更有故事感", "把照片修得更高级"])
def test_the_whole_image_is_no_target_worth_naming(instruction: str) -> None:
    [step] = parse(instruction).steps
    assert step.op == "edit" and step.target == ALL and step.fallback


def test_a_free_form_piece_in_a_compound_keeps_its_target_and_the_rest_stays_structured() -> None:
    plan = parse("把背景虚化，让左边的人挥手")
    blur, edit = plan.steps
    assert blur.op == "blur"
    assert edit.op == "edit" and (edit.target.text, edit.target.qualifiers.position) == ("person", "left")
    assert edit.args.instruction == "让左边的人挥手" and edit.span == (6, 13)
    assert any("让左边的人挥手" in w and "free-form" in w for w in plan.warnings)


@pytest.mark.parametrize("instruction", ["添加暗角", "加一点晕影", "给照片加上暗角效果"])
def test_a_vignette_is_the_vignette_op_where_the_ir_has_one(instruction: str) -> None:
    [step] = parse(instruction).steps
    if "vignette" in Edit.by_op:
        assert step.op == "vignette" and 0 < step.args.amount <= 1 and not step.fallback
    else:
        assert step.op == "edit" and step.fallback and step.args.instruction == instruction
        assert any("free-form" in w for w in parse(instruction).warnings)


def test_the_rest_is_the_complement_of_every_region_named_before_it() -> None:
    plan = parse("调亮人物，虚化汽车，其余部分变成黑白")
    *_, rest = plan.steps
    assert rest.op == "restyle" and isinstance(rest.target, NotRegion)
    assert isinstance(rest.target.region, UnionRegion)
    assert [r.text for r in rest.target.region.regions] == ["person", "car"]


def test_the_rest_named_first_is_the_complement_of_what_comes_after() -> None:
    first, _ = parse("其余部分虚化，提亮小狗").steps
    assert first.target == NotRegion(region=PhraseRegion(text="puppy", source="小狗"))


def test_the_rest_with_nothing_named_is_a_clear_refusal_not_a_crash() -> None:
    plan = parse("其余部分虚化")
    assert [s.fallback for s in iter_edits(plan.steps)] == [True]
    with pytest.raises(InstructionError):
        parse("其余部分虚化", strict=True)


def test_a_selection_targets_the_clauses_after_it_but_not_the_canvas() -> None:
    plan = parse("选中天空，调亮一点，然后裁剪成16:9")
    adjust, crop = plan.steps
    assert adjust.target == PhraseRegion(text="sky", source="天空")
    assert crop.op == "crop" and crop.target == ALL


def test_colour_kept_alone_greys_everything_else_and_after_a_greying_clause_spares_the_region() -> None:
    balloon = PhraseRegion(text="balloon", source="气球")
    alone = parse("只保留气球的颜色")
    assert [(s.op, s.target) for s in alone.steps] == [("restyle", NotRegion(region=balloon))]
    # after a clause that greys, the colour kept narrows that clause; it freezes nothing (no keep)
    after = parse("把画面变成黑白，气球保留彩色")
    assert not after.constraints
    assert [(s.op, s.target) for s in after.steps] == [("restyle", NotRegion(region=balloon))]
    sky = parse("把天空变成黑白，气球保留彩色")
    assert [(s.op, s.target) for s in sky.steps] == [
        ("restyle", MinusRegion(region=PhraseRegion(text="sky", source="天空"), exclude=balloon))
    ]


@pytest.mark.parametrize(
    ("instruction", "identity", "kept"),
    [
        ("不要改变女孩的身份", ["girl"], []),
        ("保持男人的五官、脸型和表情不变", ["man"], []),  # one subject, however many identity words
        ("保留老人原本的相貌", ["old person"], []),
        ("不要改变小孩的长相或背景", ["child"], ["background"]),
        ("保持人物的姿势和背景不变", [], ["background"]),  # a pose is no region: nothing is kept for it
    ],
)
def test_identity_words_keep_the_subject_recognisable(instruction: str, identity: list[str], kept: list[str]) -> None:
    plan = parse(instruction)
    assert [c.region.text for c in plan.constraints if c.kind == "preserve_identity"] == identity
    assert [getattr(c.region, "text", c.region.kind) for c in plan.constraints if c.kind == "keep"] == kept


@pytest.mark.parametrize("instruction", ["保留细节", "保持构图不变", "不要改变画面的光影"])
def test_a_quality_of_the_picture_is_no_keep_region(instruction: str) -> None:
    plan = parse(instruction)
    assert not plan.constraints and [s.fallback for s in plan.steps] == [True]


def test_a_keep_inside_a_long_description_is_still_a_keep() -> None:
    text = "把这张照片改成复古的胶片质感，色调偏暖，带一点颗粒感。不要改变人物的身份，背景保持原样。"
    plan = parse(text)
    assert {(c.kind, getattr(c.region, "text", c.region.kind)) for c in plan.constraints} == {
        ("preserve_identity", "person"),
        ("keep", "background"),
    }


def test_a_condition_across_pieces_ends_with_its_sentence_and_spans_its_branches() -> None:
    text = "如果桌上有杯子，就把杯子去掉，否则加一个杯子。最后加点雾"
    cond, fog = parse(text).steps
    assert cond.kind == "if" and [s.op for s in cond.then] == ["remove"] and [s.op for s in cond.else_] == ["add"]
    assert cond.span == (0, text.index("。"))
    assert fog.op == "atmosphere" and fog.span == (text.index("加点雾"), len(text))


def test_joining_and_request_words_are_no_part_of_a_step() -> None:
    text = "请把背景虚化，然后顺便调亮人物吧"
    blur, brighten = parse(text).steps
    assert text[blur.span[0] : blur.span[1]] == "把背景虚化"
    assert text[brighten.span[0] : brighten.span[1]] == "调亮人物"


@pytest.mark.parametrize(
    ("instruction", "ops"),
    [
        ("花瓶太暗了", [("adjust", "vase", 0.3)]),  # alone, the complaint is its fix
        ("花瓶太暗了，把它换成台灯", [("replace", "vase", None)]),  # a request says what to do instead
        ("花瓶太暗了，锐化一下", [("adjust", "vase", 0.3)]),  # and the complaint's region is its topic
    ],
)
def test_a_complaint_names_a_region_and_is_a_step_only_when_no_request_follows(
    instruction: str, ops: list[tuple[str, str, float | None]]
) -> None:
    steps = parse(instruction).steps
    assert [(s.op, s.target.text, getattr(s.args, "amount", None)) for s in steps] == ops


def test_an_exclusion_narrows_the_step_before_it_and_an_exception_the_one_after() -> None:
    (snow,) = parse("加点雪，但是屋顶上不要加").steps
    assert snow.target == NotRegion(region=PhraseRegion(text="roof", source="屋顶"))
    (blur,) = parse("除了招牌以外，把画面虚化").steps
    assert blur.target == NotRegion(region=PhraseRegion(text="signboard", source="招牌"))
