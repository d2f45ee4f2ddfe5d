"""The Chinese grammar planner: `zh.lark` (LALR) parses, `ChineseTransformer` gives clauses meaning.

Region words and prompts are translated to English through the bilingual lexicon (text for models
is English); the words as written are kept beside them (`source`, `prompt_source`). What the lexicon
cannot translate stays as written and the plan gets a warning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lark import Lark, Token, v_args
from lark.exceptions import VisitError

from editree.ops import ALL, BACKGROUND, MinusRegion, NotRegion, PhraseRegion, Qualifiers, Region, UnionRegion
from editree.ops.conditions import AndCond, Cond, Exists, ImageIs, NotCond, OrCond
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clause_builder import ClauseBuilder
from editree.planner.clause_builder import clauses as _clauses
from editree.planner.clause_builder import first as _first
from editree.planner.clause_builder import regions as _regions
from editree.planner.clauses import Clause, EditClause, IfClause, KeepClause, KeepRestClause
from editree.planner.grammar_cache import load_grammar
from editree.planner.semantics import NotUnderstood
from editree.planner.translate import chinese_number, translate


@lru_cache(maxsize=1)
def chinese_parser() -> Lark:
    return load_grammar("zh", parser="lalr", start="instruction", propagate_positions=True)


def parse_chinese(text: str, offset: int = 0, warnings: list[str] | None = None) -> list[Clause]:
    tree = chinese_parser().parse(text)
    transformer = ChineseTransformer(text, offset)
    try:
        clauses = transformer.transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, NotUnderstood):
            raise exc.orig_exc from None
        raise
    if warnings is not None:
        warnings.extend(transformer.warnings)
    return clauses


_CONDS = (Exists, ImageIs, NotCond, AndCond, OrCond)


def _prompt(children: list[Any]) -> tuple[str, str] | None:
    return next((c for c in children if isinstance(c, tuple) and len(c) == 2 and isinstance(c[0], str)), None)


@v_args(meta=True)
class ChineseTransformer(ClauseBuilder):
    def __init__(self, text: str, offset: int = 0) -> None:
        super().__init__(text, offset)
        self.warnings: list[str] = []

    # ---- helpers ---------------------------------------------------------------------------------
    def _english(self, source: str, articles: bool) -> str:
        result = translate(source, articles=articles)
        if result.untranslated:
            self.warnings.append(
                f"no English for {'、'.join(result.untranslated)!r} in {source!r}; it is kept as written, which "
                "English-only models may not understand"
            )
        return result.text or source

    def _scale(self, children: list[Any], base: float) -> float:
        amount = base
        for child in children:
            if isinstance(child, Token) and child.type in ("DEGREE", "DEGREE_POST"):
                if child in lex.ZH_MILD:
                    amount *= lex.MILD
                elif child in lex.ZH_STRONG:
                    amount *= lex.STRONG
            elif isinstance(child, Token) and child.type == "PERCENT":
                digits = re.sub(r"[%％\s]|百分之", "", child)
                amount = chinese_number(digits) / 100
            elif isinstance(child, list):
                amount = self._scale_from(child, amount)
        return round(min(1.0, max(0.01, amount)), 4)

    def _scale_from(self, tokens: list[Any], amount: float) -> float:
        return self._scale(tokens, amount) if tokens else amount

    def _adjust(self, meta: Any, children: list[Any], prop: str, sign: int, target: Region | None) -> EditClause:
        amount = self._scale(children, lex.BASE_ADJUST) * sign
        return self._edit(meta, "adjust", target, {"property": prop, "amount": round(amount, 4)})

    # ---- top level ---------------------------------------------------------------------------------
    def instruction(self, meta: Any, children: list[Any]) -> list[Clause]:
        return _clauses(children)

    def clause(self, meta: Any, children: list[Any]) -> list[Clause]:
        return _clauses(children)

    def if_then(self, meta: Any, children: list[Any]) -> IfClause:
        cond = next(c for c in children if isinstance(c, _CONDS))
        split = next((i for i, c in enumerate(children) if isinstance(c, Token) and c.type == "ELSE_SEP"), None)
        then = _clauses(children if split is None else children[:split])
        other = [] if split is None else _clauses(children[split:])
        return IfClause(cond, then, other, self._span(meta))

    def cond_image_is(self, meta: Any, children: list[Any]) -> Cond:
        cond: Cond = ImageIs(property=lex.ZH_IMAGE_PROPERTIES[str(_first(children, "IMG_PROP"))])
        return NotCond(cond=cond) if _first(children, "NOT_ZH") else cond

    def cond_and(self, meta: Any, children: list[Any]) -> Cond:
        return AndCond(conds=tuple(c for c in children if isinstance(c, _CONDS)))

    def cond_or(self, meta: Any, children: list[Any]) -> Cond:
        return OrCond(conds=tuple(c for c in children if isinstance(c, _CONDS)))

    def cond_atom(self, meta: Any, children: list[Any]) -> Cond:
        return children[0]

    # ---- amounts and regions -------------------------------------------------------------------------
    def amount_degree(self, meta: Any, children: list[Any]) -> list[Any]:
        return list(children)

    amount_percent = amount_degree

    def noun_part(self, meta: Any, children: list[Any]) -> str:
        return self._raw(meta)

    def noun(self, meta: Any, children: list[Any]) -> str:
        return self._raw(meta)

    def qualifier(self, meta: Any, children: list[Any]) -> tuple[str, Any]:
        return lex.ZH_QUALIFIERS[str(children[0])]

    def region_phrase(self, meta: Any, children: list[Any]) -> Region:
        source = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        quals = dict(c for c in children if isinstance(c, tuple))
        english = self._english(source, articles=False)
        if english in lex.WHOLE_IMAGE_NOUNS:
            return ALL
        if english in ("background", "backdrop"):
            return BACKGROUND
        if english.split()[-1] in lex.PERSON_NOUNS:
            self.last_person = english
        return PhraseRegion(text=english, source=source if english != source else None, qualifiers=Qualifiers(**quals))

    def region_in_background(self, meta: Any, children: list[Any]) -> Region:
        """ "背景中的人": those people, where the background is."""
        inner = self.region_phrase(meta, [c for c in children if not isinstance(c, Token)])
        return MinusRegion(region=inner, exclude=NotRegion(region=BACKGROUND))

    def region_located(self, meta: Any, children: list[Any]) -> Region:
        """ "桌子上的杯子": the cup on the table."""
        nouns = [c for c in children if isinstance(c, str) and not isinstance(c, Token)]
        loc = str(_first(children, "LOC_DE"))
        where = self._english(nouns[0], articles=False)
        what = self._english(nouns[1], articles=False)
        prep = "in" if loc[0] in "中里内" else "on"
        return PhraseRegion(text=f"{what} {prep} the {where}", source=self._raw(meta))

    def region_pronoun_poss(self, meta: Any, children: list[Any]) -> Region:
        """ "她的头发": that person's hair."""
        owner = str(_first(children, "PRONOUN"))
        noun = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        english = self._english(noun, articles=False)
        if owner in lex.ZH_PERSON_PRONOUNS:
            possessor = self.last_person or "person"
        else:
            target = self.last_target
            possessor = target.text if isinstance(target, PhraseRegion) else None
        return PhraseRegion(text=f"{possessor}'s {english}" if possessor else english, source=self._raw(meta))

    def recolor_property(self, meta: Any, children: list[Any]) -> EditClause:
        english, source = _prompt(children)
        if str(_first(children, "PROPERTY")) not in ("颜色", "色彩"):
            raise NotUnderstood("only a colour can be changed into another")
        op, target, args = sem.recolor_or_fill(_regions(children)[0], english)
        return self._edit(meta, *self._with_source(op, target, args, source))

    def region_all(self, meta: Any, children: list[Any]) -> Region:
        return ALL

    def region_background(self, meta: Any, children: list[Any]) -> Region:
        return BACKGROUND

    def region_pronoun(self, meta: Any, children: list[Any]) -> Region:
        word = str(children[0])
        if word in lex.ZH_PERSON_PRONOUNS:
            return PhraseRegion(text=self.last_person or "person")
        return self.last_target if self.last_target is not None else ALL

    def region_list(self, meta: Any, children: list[Any]) -> Region:
        regions = list(dict.fromkeys(_regions(children)))
        if ALL in regions:
            return ALL
        return regions[0] if len(regions) == 1 else UnionRegion(regions=tuple(regions))

    def region_except(self, meta: Any, children: list[Any]) -> Region:
        return NotRegion(region=_regions(children)[0])

    def region_only(self, meta: Any, children: list[Any]) -> Region:
        return _regions(children)[0]

    def prompt_part(self, meta: Any, children: list[Any]) -> str:
        return self._raw(meta)

    def prompt(self, meta: Any, children: list[Any]) -> tuple[str, str]:
        source = self._raw(meta).strip().strip("\"'“”「」")
        return self._english(source, articles=True), source

    # ---- clauses -----------------------------------------------------------------------------------
    def keep(self, meta: Any, children: list[Any]) -> KeepClause:
        region = _regions(children)[0]
        if region == ALL:
            raise NotUnderstood("keeping the whole image unchanged leaves nothing to edit")
        subject = sem.identity_subject(region)
        if subject is not None:  # "保持人物的长相不变": the person may change, but stay recognisable
            if subject.text.split()[-1] in lex.PERSON_NOUNS:
                self.last_person = subject.text
            return KeepClause(subject, self._span(meta), kind="preserve_identity")
        return KeepClause(region, self._span(meta))

    def keep_rest(self, meta: Any, children: list[Any]) -> KeepRestClause:
        return KeepRestClause(self._span(meta))

    def blur(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "blur", self._target(children), {"amount": self._scale(children, lex.BASE_BLUR)})

    def adjust_verb(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = lex.ZH_ADJUST_VERBS[str(_first(children, "ADJ_VERB"))]
        return self._adjust(meta, children, prop, sign, self._target(children))

    def adjust_updown(self, meta: Any, children: list[Any]) -> EditClause:
        prop = lex.ZH_PROPERTIES[str(_first(children, "PROPERTY"))]
        sign = -1 if str(_first(children, "UPDOWN")) in lex.ZH_DOWN else 1
        return self._adjust(meta, children, prop, sign, self._target(children))

    def adjust_adj(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = lex.ZH_ADJECTIVES[str(_first(children, "ADJ"))]
        return self._adjust(meta, children, prop, sign, self._target(children))

    def atmosphere(self, meta: Any, children: list[Any]) -> EditClause:
        word = str(_first(children, "EFFECT", "EFFECT_ADJ"))
        amount = self._scale(children, lex.BASE_ATMOSPHERE)
        if word in lex.ZH_EFFECT_STRONG:
            amount = min(1.0, amount * 1.6)
        elif word in lex.ZH_EFFECT_MILD:
            amount *= 0.6
        return self._edit(
            meta, "atmosphere", self._target(children), {"effect": lex.ZH_EFFECTS[word], "amount": round(amount, 4)}
        )

    def _with_source(self, op: str, target: Region | None, args: dict[str, Any], source: str) -> tuple:
        key = {"replace": "prompt", "add": "prompt", "recolor": "color", "restyle": "style"}.get(op)
        if key and args.get(key) and args[key] != source:
            args = {**args, f"{key}_source": source}
        return op, target, args

    def change_into(self, meta: Any, children: list[Any]) -> EditClause:
        english, source = _prompt(children)
        region = self._target(children)
        op, target, args = sem.change_into(region, english)
        return self._edit(meta, *self._with_source(op, target, args, source))

    def become_color(self, meta: Any, children: list[Any]) -> EditClause:
        """ "把天空变红": a verb and a one-character colour, read as "变成红色"."""
        written = str(_first(children, "BECOME_COLOR"))[1]
        op, target, args = sem.change_into(self._target(children), self._english(written + "色", articles=False))
        return self._edit(meta, *self._with_source(op, target, args, written))

    def replace_with(self, meta: Any, children: list[Any]) -> EditClause:
        english, source = _prompt(children)
        return self._edit(meta, *self._with_source("replace", _regions(children)[0], {"prompt": english}, source))

    def remove(self, meta: Any, children: list[Any]) -> EditClause:
        what = _regions(children)[0]
        if re.search(r"颜色|色彩", self._raw(meta)):  # "去掉颜色": make it black and white
            return self._edit(meta, "restyle", None, {"style": "black and white"})
        if isinstance(what, PhraseRegion) and what.text in lex.ENHANCE_KINDS:
            return self._edit(meta, "enhance", None, {"kind": lex.ENHANCE_KINDS[what.text]})
        if isinstance(what, PhraseRegion) and what.text in ("color", "colors"):
            return self._edit(meta, "restyle", None, {"style": "black and white"})
        return self._edit(meta, "remove", what, {})

    def add(self, meta: Any, children: list[Any]) -> EditClause:
        english, source = _prompt(children)
        op, target, args = sem.added(self._target(children), english)
        return self._edit(meta, *self._with_source(op, target, args, source))

    def restyle_hua(self, meta: Any, children: list[Any]) -> EditClause:
        word = str(_first(children, "STYLE_HUA")).removesuffix("化")
        english = self._english(word, articles=False)
        op, target, args = sem.styled(self._target(children), english)
        return self._edit(meta, *self._with_source(op, target, args, word))

    def enhance(self, meta: Any, children: list[Any]) -> EditClause:
        kind = lex.ZH_ENHANCE.get(str(_first(children, "ENHANCE")), "auto")
        return self._edit(meta, "enhance", self._target(children), {"kind": kind})

    def crop(self, meta: Any, children: list[Any]) -> EditClause:
        raw = str(_first(children, "ASPECT")).replace("的比例", "").replace("比例", "")
        match = re.match(r"(\d{1,4})\s*[:：比]\s*(\d{1,4})", raw)
        aspect = f"{int(match.group(1))}:{int(match.group(2))}" if match else lex.ZH_ASPECTS[raw]
        if "0" in aspect.split(":"):
            raise NotUnderstood(f"aspect {aspect} has a zero side")
        return self._edit(meta, "crop", None, {"aspect": aspect})

    def rotate(self, meta: Any, children: list[Any]) -> EditClause:
        degrees = chinese_number(str(_first(children, "NUMBER", "NUMBER_WORD")))
        direction = str(_first(children, "ROT_DIR", "DIR_ZH") or "")
        sign = 1 if direction in ("逆时针", "向左", "往左") else -1
        if not 0 < degrees < 360:
            raise NotUnderstood(f"cannot rotate by {degrees} degrees")
        return self._edit(meta, "rotate", None, {"degrees": sign * degrees})

    def rotate_dir(self, meta: Any, children: list[Any]) -> EditClause:
        left = str(_first(children, "ROT_DIR", "DIR_ZH")) in ("逆时针", "向左", "往左")
        return self._edit(meta, "rotate", None, {"degrees": 90.0 if left else -90.0})

    def rotate_180(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "rotate", None, {"degrees": 180.0})

    def flip(self, meta: Any, children: list[Any]) -> EditClause:
        vertical = str(_first(children, "FLIP")) in ("垂直翻转", "上下翻转")
        return self._edit(meta, "flip", None, {"direction": "vertical" if vertical else "horizontal"})

    def _resize_sign(self, children: list[Any]) -> bool:
        return "缩" in str(_first(children, "RESIZE"))

    def resize_factor(self, meta: Any, children: list[Any]) -> EditClause:
        factor = chinese_number(str(_first(children, "NUMBER", "NUMBER_WORD")))
        scale = 1 / factor if self._resize_sign(children) else factor
        return self._edit(meta, "resize", None, {"scale": round(scale, 4)})

    def resize_half(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "resize", None, {"scale": 0.5 if self._resize_sign(children) else 1.5})

    def resize_percent(self, meta: Any, children: list[Any]) -> EditClause:
        value = chinese_number(re.sub(r"[%％\s]|百分之", "", str(_first(children, "PERCENT"))))
        return self._edit(meta, "resize", None, {"scale": value / 100})

    def resize_wh(self, meta: Any, children: list[Any]) -> EditClause:
        numbers = [int(chinese_number(str(c))) for c in children if isinstance(c, Token) and c.type == "NUMBER"]
        return self._edit(meta, "resize", None, {"width": numbers[0], "height": numbers[1]})

    def extend(self, meta: Any, children: list[Any]) -> EditClause:
        side = str(_first(children, "SIDE", "DIR_ZH") or "四周")
        sides = {"左": ("left",), "右": ("right",), "上": ("top",), "下": ("bottom",)}
        chosen = next((v for k, v in sides.items() if k in side), None)
        if chosen is None:
            chosen = ("left", "right") if side in ("两侧", "两边") else ("left", "right", "top", "bottom")
        return self._edit(meta, "extend", None, {**dict.fromkeys(chosen, 0.25), "units": "fraction"})
