"""The Chinese grammar planner: `zh.lark` (LALR) parses, `ChineseTransformer` gives clauses meaning.

Region words and prompts are translated to English through the bilingual lexicon (text for models
is English); the words as written are kept beside them (`source`, `prompt_source`). What the lexicon
cannot translate stays as written and the plan gets a warning.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from lark import Lark, Token, v_args
from lark.exceptions import UnexpectedInput, VisitError

from editree.ops import ALL, BACKGROUND, MinusRegion, NotRegion, PhraseRegion, Qualifiers, Region, UnionRegion
from editree.ops.conditions import AndCond, Cond, Exists, ImageIs, NotCond, OrCond
from editree.ops.steps import Edit
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clause_builder import ClauseBuilder
from editree.planner.clause_builder import first as _first
from editree.planner.clause_builder import regions as _regions
from editree.planner.clauses import Clause, EditClause, FallbackClause, IfClause, KeepClause, KeepRestClause
from editree.planner.grammar_cache import load_grammar
from editree.planner.semantics import NotUnderstood
from editree.planner.translate import chinese_number, translate


@lru_cache(maxsize=1)
def chinese_parser() -> Lark:
    return load_grammar("zh", parser="lalr", start="instruction", propagate_positions=True)


def parse_chinese(text: str, offset: int = 0, warnings: list[str] | None = None) -> list[Clause]:
    transformer = ChineseTransformer(text, offset)
    try:
        clauses = transformer.transform(chinese_parser().parse(_keep_lists(text)))
    except VisitError as exc:
        if not isinstance(exc.orig_exc, NotUnderstood):
            raise
        targeted = targeted_edit(text, offset)
        if targeted is None:
            raise exc.orig_exc from None
        clauses = targeted
    except UnexpectedInput:
        targeted = targeted_edit(text, offset)
        if targeted is None:
            raise
        clauses = targeted
    if warnings is not None:
        warnings.extend(transformer.warnings)
    return clauses


_CONDS = (Exists, ImageIs, NotCond, AndCond, OrCond)
_CLAUSE_TYPES = (KeepClause, EditClause, IfClause, KeepRestClause, FallbackClause)
_CANVAS_OPS = frozenset({"crop", "rotate", "flip", "resize", "extend", "upscale"})
_BW = "black and white"
_REST_MARK = "\x00rest"  # a "其余" met before any edit named a region; resolved once the clauses are known


def _clauses(children: list[Any]) -> list[Clause]:
    out: list[Clause] = []
    for child in children:
        if isinstance(child, list):
            out.extend(child)
        elif isinstance(child, _CLAUSE_TYPES):
            out.append(child)
    return out


def _union(regions: list[Region]) -> Region:
    unique = list(dict.fromkeys(regions))
    return unique[0] if len(unique) == 1 else UnionRegion(regions=tuple(unique))


# ---- what a keep names --------------------------------------------------------------------------------
# "不要改变人物身份、五官和发型": a list after a keep verb is one region list (、 and 或 read as 和, same length).
_KEEP_LIST = re.compile(
    r"(?:保持|保留|维持|不要改变|不要修改|不要更改|别改变|别改|不改变|不能改变)[^，,。；;！!？?\n]*"
)
# Words for who someone is: keeping them keeps the subject recognisable, not its pixels.
_IDENTITY = re.compile(
    r"^(?P<owner>.*?)的?(?:本来|原本|原来|原有)?的?"
    r"(?:身份|长相|样貌|容貌|相貌|外貌|面貌|形象|五官比例|五官|面部特征|脸部特征|特征|脸型|面容|神态|神情|气质|面部表情|表情)+$"
)
# Qualities of the picture, not regions of it: "保留细节" asks the edit to be careful, it protects no pixels.
ZH_IMAGE_ASPECTS = frozenset(
    """构图 细节 质感 真实感 真实性 整体真实感 整体感 风格 画风 艺术风格 线条 光影 色调 氛围 比例 透视 姿势 姿态 动作
    清晰度 画质 分辨率 光线 视角 布局 结构 协调 和谐 一致性 原貌 原样 感觉""".split()
)


def _keep_lists(text: str) -> str:
    if "、" not in text and "或" not in text:
        return text
    return _KEEP_LIST.sub(lambda m: re.sub(r"[、或]", "和", m.group(0)), text)


# ---- a free-form edit that still has a target ----------------------------------------------------------
# "让左边的人笑": no rule says what "笑" does, but the clause names whom it is for. Only a single clause
# (no separator, no connective) that opens with a causative or disposal verb and a noun the lexicon knows.
_CAUSE = re.compile(r"^\s*(?:请你?|帮我|麻烦你?)?(?:让|使|令|把|将|给)")
_SEPARATED = re.compile(r"[，,。；;！!？?、\n]|然后|并且|同时|接着|否则|如果|要是")
_TARGET_CATEGORIES = frozenset({"people", "animal", "object", "body", "clothing", "scene", "cedict"})


def targeted_edit(text: str, offset: int) -> list[Clause] | None:
    body = text.strip().rstrip("。！!？?；;，, ")
    match = _CAUSE.match(body)
    if match is None or _SEPARATED.search(body):
        return None
    rest = body[match.end() :]
    quals: dict[str, Any] = {}
    for word in sorted(lex.ZH_QUALIFIERS, key=len, reverse=True):
        if rest.startswith(word):
            key, value = lex.ZH_QUALIFIERS[word]
            quals[key] = value
            rest = rest[len(word) :].removeprefix("的")
            break
    region: Region | None = None
    source = ""
    if rest[:1] in ("他", "她") and not rest.startswith(("他们", "她们")):
        region, source = PhraseRegion(text="person", qualifiers=Qualifiers(**quals)), rest[:1]
    else:
        for size in range(min(10, len(rest) - 1), 0, -1):
            source = rest[:size]
            if source.endswith("的") or "的的" in source:
                continue
            result = translate(source, articles=False)
            if result.complete and result.categories and result.categories[-1] in _TARGET_CATEGORIES:
                if result.text in lex.WHOLE_IMAGE_NOUNS:
                    return None  # "让画面更好看": the whole image, as a plain fallback says
                english = BACKGROUND if result.text == "background" else None
                region = english or PhraseRegion(text=result.text, source=source, qualifiers=Qualifiers(**quals))
                break
    if region is None or not rest[len(source) :].strip():
        return None
    start = offset + text.index(body)
    return [FallbackClause(body, (start, start + len(body)), target=region)]


def _prompt(children: list[Any]) -> tuple[str, str] | None:
    return next((c for c in children if isinstance(c, tuple) and len(c) == 2 and isinstance(c[0], str)), None)


@v_args(meta=True)
class ChineseTransformer(ClauseBuilder):
    def __init__(self, text: str, offset: int = 0) -> None:
        super().__init__(text, offset)
        self.warnings: list[str] = []
        self.named: list[Region] = []  # regions earlier clauses named, for "其余部分"
        self.rest_regions: list[Region] = []
        self.selection: Region | None = None
        self.greyed = False  # an earlier clause made something black and white
        self.identity_owner: Region | None = None  # whose identity an ownerless "五官" means

    def _edit(self, meta: Any, op: str, target: Region | None, args: dict[str, Any]) -> EditClause:
        if target is None and self.selection is not None and op not in _CANVAS_OPS:
            target = self.selection  # "选中天空然后调亮"
        clause = super()._edit(meta, op, target, args)
        if clause.explicit_target and clause.target != ALL and not any(clause.target is r for r in self.rest_regions):
            self.named.append(clause.target)
        if op == "restyle" and args.get("style") == _BW:
            self.greyed = True
        return clause

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
        clauses = _clauses(children)
        if any(isinstance(r, NotRegion) and r.region == PhraseRegion(text=_REST_MARK) for r in self.rest_regions):
            later = [r for r in self.named if r not in self.rest_regions]
            if not later:
                raise NotUnderstood("'其余/其他' needs a region named elsewhere in the instruction")
            clauses = [self._resolve_rest(c, NotRegion(region=_union(later))) for c in clauses]
        out: list[Clause] = []
        for clause in clauses:  # "人物保留彩色，其余变成黑白" says one thing twice
            if isinstance(clause, EditClause) and any(_same_edit(clause, o) for o in out):
                continue
            out.append(clause)
        return out

    def _resolve_rest(self, clause: Clause, rest: Region) -> Clause:
        if isinstance(clause, EditClause) and clause.target == NotRegion(region=PhraseRegion(text=_REST_MARK)):
            return dataclasses.replace(clause, target=rest)
        if isinstance(clause, IfClause):
            then = [self._resolve_rest(c, rest) for c in clause.then]
            return dataclasses.replace(clause, then=then, else_=[self._resolve_rest(c, rest) for c in clause.else_])
        return clause

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
        result = translate(source, articles=False)
        if result.clause:
            raise NotUnderstood(f"{source!r} reads as a clause, not as a region")
        english = self._english(source, articles=False)
        if english in lex.WHOLE_IMAGE_NOUNS:
            return ALL
        if english in ("background", "backdrop", "surroundings", "environment"):
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

    def region_rest(self, meta: Any, children: list[Any]) -> Region:
        """ "其余部分": everything outside the regions named before it (or, if none is, after it)."""
        named = [r for r in self.named if r != ALL]
        region = NotRegion(region=_union(named) if named else PhraseRegion(text=_REST_MARK))
        self.rest_regions.append(region)
        return region

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
    def keep(self, meta: Any, children: list[Any]) -> list[Clause]:
        region = _regions(children)[0]
        span = self._span(meta)
        if any(region is r for r in self.rest_regions):  # "其他地方不要动": keep what no edit touches
            return [KeepRestClause(span)]
        if region == ALL:
            raise NotUnderstood("keeping the whole image unchanged leaves nothing to edit")
        members = region.regions if isinstance(region, UnionRegion) else (region,)
        out: list[Clause] = []
        for member in members:
            kept = self._kept(member, span)
            if kept is not None and all((k.kind, k.region) != (kept.kind, kept.region) for k in out):
                out.append(kept)
        if not out:
            raise NotUnderstood(f"{self._raw(meta)!r} names qualities of the picture, not regions to keep")
        return out

    def _kept(self, region: Region, span: tuple[int, int]) -> KeepClause | None:
        """One kept region: the identity of its owner, nothing (a quality of the picture), or its pixels."""
        written = region.source or region.text if isinstance(region, PhraseRegion) else None
        if written is not None:
            if written.split("的")[-1] in ZH_IMAGE_ASPECTS:
                self.warnings.append(f"{written!r} is a quality of the picture, not a region; nothing is kept for it")
                return None
            match = _IDENTITY.match(written)
            if match is not None:  # "不要改变人物身份": the person may change, but stays recognisable
                return KeepClause(self._owner(match.group("owner")), span, kind="preserve_identity")
        subject = sem.identity_subject(region)
        if subject is not None:  # "保持人物的长相不变"
            if subject.text.split()[-1] in lex.PERSON_NOUNS:
                self.last_person = subject.text
            return KeepClause(subject, span, kind="preserve_identity")
        return KeepClause(region, span)

    def _owner(self, written: str) -> Region:
        """Whose identity: the owner written before the identity word, else the last person mentioned."""
        written = re.sub(r"^(?:图\s*\d+|图[一二三四]|画面|图片|照片)?(?:中|里)?的?", "", written).strip()
        if not written:
            return self.identity_owner or PhraseRegion(text=self.last_person or "person")
        english = self._english(written, articles=False)
        if english.split()[-1] in lex.PERSON_NOUNS:
            self.last_person = english
        self.identity_owner = PhraseRegion(text=english, source=written if english != written else None)
        return self.identity_owner

    def color_keep(self, meta: Any, children: list[Any]) -> Clause:
        """ "人物保留彩色": after a clause that greys something, X is kept; alone, everything else is greyed."""
        prop = _first(children, "PROPERTY")
        if prop is not None and str(prop) not in ("颜色", "色彩"):
            raise NotUnderstood(f"keeping only the {prop} of a region is not an edit")
        region = _regions(children)[0]
        if region == ALL:
            raise NotUnderstood("the colour kept on the whole image leaves nothing to grey")
        if self.greyed:
            return KeepClause(region, self._span(meta))
        self.named.append(region)
        clause = EditClause("restyle", NotRegion(region=region), {"style": _BW}, self._span(meta))
        self.last_target = region
        self.greyed = True
        return clause

    def vignette(self, meta: Any, children: list[Any]) -> Clause:
        """ "加暗角": the vignette op where the IR has it, else a free-form edit that says so."""
        amount = self._scale(children, lex.BASE_ATMOSPHERE)
        if "vignette" in Edit.by_op:
            try:
                Edit.make("vignette", ALL, {"amount": amount})
            except ValueError:
                pass
            else:
                return self._edit(meta, "vignette", None, {"amount": amount})
        return FallbackClause(self._raw(meta), self._span(meta))

    def select(self, meta: Any, children: list[Any]) -> list[Clause]:
        self.selection = _regions(children)[0]
        self.last_target = self.selection
        return []

    def add_on_it(self, meta: Any, children: list[Any]) -> EditClause:
        """ "…，然后在上面放一个花瓶": on the previous target."""
        english, source = _prompt(children)
        where = self.last_target if self.last_target is not None else ALL
        op, target, args = sem.added(where, english)
        return self._edit(meta, *self._with_source(op, target, args, source))

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
        effect = lex.ZH_EFFECTS.get(re.sub(r"^(?:一点点|一点儿|一点|一些|些许|少许|少量|些|点儿|点)", "", source))
        if effect is not None:  # "加些雨" where the lexer saw a prompt: an atmosphere all the same
            target = self._target(children)
            return self._edit(meta, "atmosphere", target, {"effect": effect, "amount": lex.BASE_ATMOSPHERE})
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


def _same_edit(a: EditClause, b: Clause) -> bool:
    if not isinstance(b, EditClause) or (a.op, a.target) != (b.op, b.target):
        return False
    drop = ("style_source", "prompt_source", "color_source")
    return {k: v for k, v in a.args.items() if k not in drop} == {k: v for k, v in b.args.items() if k not in drop}
