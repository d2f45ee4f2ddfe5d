"""The Chinese grammar planner: `zh.lark` (LALR) parses a clause, `ChineseTransformer` gives it meaning.

The clause skeleton (zh_skeleton.py) cuts an instruction into pieces and hands each to the grammar with
ONE transformer, so that what a piece names ("它", "其余", a selection, a colour kept) carries over to
the pieces after it. Region words and prompts are translated to English through the bilingual lexicon
(text for models is English); the words as written are kept beside them (`source`, `prompt_source`).
What the lexicon cannot translate stays as written and the plan gets a warning.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from lark import Lark, Token, v_args

from editree.ops import (
    ALL,
    BACKGROUND,
    BoxRegion,
    MinusRegion,
    NotRegion,
    PhraseRegion,
    Qualifiers,
    Region,
    UnionRegion,
)
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
from editree.planner.translate import chinese_number, segment, translate

START_SYMBOLS = ("instruction", "condition", "np")


@lru_cache(maxsize=1)
def chinese_parser() -> Lark:
    return load_grammar("zh", parser="lalr", start=list(START_SYMBOLS), propagate_positions=True)


def parse_chinese(text: str, offset: int = 0, warnings: list[str] | None = None) -> list[Clause]:
    """The clauses of one Chinese instruction (the skeleton's reading of it); spans are shifted by `offset`."""
    from editree.planner.zh_skeleton import parse_chinese_instruction

    out: list[str] = []
    clauses = parse_chinese_instruction(text, out, offset=offset)
    if warnings is not None:
        warnings.extend(out)
    return clauses


class OnlyQualities(NotUnderstood):
    """ "保留细节": what is to be kept are qualities of the picture, no region; nothing is kept."""


@dataclasses.dataclass(frozen=True)
class OnlyKept:
    """ "只保留X": X kept, unless the rest is then greyed ("…，其他都变成黑白"), which makes it a colour pop."""

    region: Region
    span: tuple[int, int]


@dataclasses.dataclass(frozen=True)
class ColorKept:
    """ "人物保留彩色" after a clause that made something black and white: that clause spares the region."""

    region: Region
    span: tuple[int, int]


_CONDS = (Exists, ImageIs, NotCond, AndCond, OrCond)
_CLAUSE_TYPES = (KeepClause, EditClause, IfClause, KeepRestClause, FallbackClause, ColorKept, OnlyKept)
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


# ---- what the newer keywords mean (the older ones are the ZH_ tables of lexicon_en) ----------------------
# Adjectives beyond lexicon_en.ZH_ADJECTIVES: "云白一点" is brighter clouds, "树叶更黄" warmer leaves.
ADJECTIVES: dict[str, tuple[str, int]] = {
    **lex.ZH_ADJECTIVES,
    "亮堂": ("brightness", 1),
    "清澈": ("contrast", 1),
    "红润": ("saturation", 1),
    "浓": ("saturation", 1),  # of an effect ("雾再浓一点"), more of it: see adjust_adj
    "清楚": ("sharpness", 1),
    "艳丽": ("saturation", 1),
    "鲜亮": ("saturation", 1),
    "柔和": ("contrast", -1),
    "白": ("brightness", 1),
    "浅": ("brightness", 1),
    "淡": ("brightness", 1),
    "黑": ("brightness", -1),
    "深": ("brightness", -1),
    "黄": ("warmth", 1),
    "红": ("warmth", 1),
    "紫": ("tint", 1),
    "橙": ("warmth", 1),  # "三文鱼更橙一点": warmer
}
PROPERTIES: dict[str, str] = {**lex.ZH_PROPERTIES, "白平衡": "warmth", "色调": "warmth", "对比": "contrast"}
ADJUST_VERBS: dict[str, tuple[str, int]] = {
    **lex.ZH_ADJUST_VERBS,
    "往暖调": ("warmth", 1),
    "往暖": ("warmth", 1),
    "往冷调": ("warmth", -1),
    "往冷": ("warmth", -1),
    # "弄亮点", "搞暗一些": a verb of doing with the result
    "弄亮": ("brightness", 1),
    "搞亮": ("brightness", 1),
    "弄暗": ("brightness", -1),
    "搞暗": ("brightness", -1),
}
DOWN = lex.ZH_DOWN | {"往下调", "往下压", "往下降", "往下拉", "往低调", "拉低"}
EFFECTS: dict[str, str] = {
    **lex.ZH_EFFECTS,
    **dict.fromkeys(("晨雾", "水雾", "山雾", "云雾", "轻雾", "淡雾"), "fog"),
    **dict.fromkeys(("小雨", "大雨", "细雨", "毛毛雨"), "rain"),
    **dict.fromkeys(("小雪", "大雪"), "snow"),
    # "加上雨天的效果": the weather of such a day
    **{"雨天": "rain", "雪天": "snow", "雾天": "fog", "雨景": "rain", "雪景": "snow"},
}
# A colour made deeper or paler ("把天空的颜色调得更深") is more or less saturated, not darker.
_COLOR_ADJECTIVES: dict[str, tuple[str, int]] = {
    "深": ("brightness", -1),  # "头发颜色再深一点": darker
    "浅": ("brightness", 1),
    "淡": ("saturation", -1),
    "浓": ("saturation", 1),
}
_TONAL = frozenset({"shadows", "highlights", "exposure", "brightness"})
# Tones: "加点暖光", "整体加暖色调", "调成冷色调" are warmth adjustments, not things to add.
TONES: dict[str, int] = {
    "暖色调": 1,
    "暖色系": 1,
    "暖黄色调": 1,
    "暖调": 1,
    "暖色": 1,
    "暖黄光": 1,
    "暖光": 1,
    "暖意": 1,
    "冷色调": -1,
    "冷色系": -1,
    "冷调": -1,
    "冷色": -1,
    "冷光": -1,
    "蓝调": -1,
}
# Verbs that swap a region for something else: with a region named, what it becomes is a new thing
# ("把天空换成晚霞" is a sky of sunset glow), not an effect over it ("把白天变成夜景" stays an effect).
SWAP_VERBS = frozenset({"替换为", "替换成", "换成", "换为", "改成", "改为", "替换", "更换", "代替", "取代", "替代"})
# Chinese marks a style in the word itself ("水彩画", "油画风格", "复古色", "卡通效果"); a plain noun is a thing.
_STYLE_MARK = re.compile(r"(?:风格|风|效果|滤镜|画风|质感|色调|调子|化|画|色|感|style|look)$", re.IGNORECASE)
_CJK_CHAR = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")  # a Chinese character, by category (compiles fast)
_THIS_PICTURE = re.compile(
    r"^(?:这|那|该)(?:一)?(?:张|幅|个)?.{0,4}(?:照片|照|图片|图|相片|画|拍|合影|自拍|写真|截图)$"
)
# A scan or a screenshot is the picture itself, whatever it shows ("发票扫描件"); so are 图 and 画布 alone.
_PICTURE_ITSELF = re.compile(
    r"^(?:这|那)?(?:一)?(?:张|幅|份)?[^\W\d_a-zA-Z]{0,6}?(?:扫描件|扫描图|截图)$|^(?:图|画布|整图)$"
)
_ACTION = re.compile(r"的?(?:样子|姿势|动作|表情|状态)$")
# What a quoted text is said to be: "加上一行字“生日快乐”", "添加中文标题「春日物语」".
_TEXT_NOUN = r"(?:一行|一句|几个|一段|一个|中文|英文|大|小)*(?:文字|字样|字|标题|标语|文案|话|口号|签名|题字|名字)?的?"
_BARE_COUNT = re.compile(
    r"^(?:一|两|几)?(?:个|只|件|张|辆|座|顶|副|朵|棵|盏|艘|匹|幅|盆|瓶|根|条|双|份|道|束|块|片|把|杯|本|对|串|位|头|枚|支|台|轮|颗)$"
)
_COUNT_PREFIX = re.compile(_BARE_COUNT.pattern.removesuffix("$"))
# What levelling the picture straightens: "把地平线拉直", "把海平面扶正".
_LEVELLED = frozenset({"horizon", "skyline", "horizon line", "sea level", "the horizon", "waterline"})
# What cleaning takes away: "把污渍擦干净" removes the stain.
_DIRT = re.compile(
    r"\b(?:stains?|spots?|dirt|dust|marks?|smudges?|fingerprints?|graffiti|mud|trash|garbage|litter|grease|"
    r"scratch(?:es)?|water spots?|oil stains?|blemish(?:es)?)\b"
)
_HAN_RE = re.compile(r"[^\W\d_a-zA-Z]")
_COMPLEMENT = re.compile(r"(?:上去|进去|上来|下来|出来|过去|进来)$")
_LOOK_MARK = re.compile(r"(?:风格|风|效果|滤镜|画风|质感|色调|调子|感)的?$")
_STYLE_CATEGORIES = frozenset({"style", "look", "color", "adjective"})
# Where a moved object goes: sides of the picture, or places beside another object.
_PLACE_WORDS: tuple[tuple[str, str], ...] = (
    ("左上角", "top left"),
    ("右上角", "top right"),
    ("左下角", "bottom left"),
    ("右下角", "bottom right"),
    ("正中间", "center"),
    ("中间", "center"),
    ("中央", "center"),
    ("中心", "center"),
    ("左边", "left"),
    ("左侧", "left"),
    ("左面", "left"),
    ("右边", "right"),
    ("右侧", "right"),
    ("右面", "right"),
    ("上方", "top"),
    ("上面", "top"),
    ("顶部", "top"),
    ("下方", "bottom"),
    ("下面", "bottom"),
    ("底部", "bottom"),
    ("旁边", "next to"),
    ("边上", "next to"),
    ("附近", "next to"),
    ("前面", "in front of"),
    ("前方", "in front of"),
    ("后面", "behind"),
    ("后方", "behind"),
    ("上", "onto"),
)
_BESIDE = {"left": "left of", "right": "right of", "top": "above", "bottom": "below", "center": "next to"}
_PICTURE_WORDS = frozenset({"", "画面", "图片", "照片", "图像", "图", "整张图", "整个画面", "这张图", "这张照片"})
IMAGE_PARTS: dict[str, tuple[float, float, float, float]] = {
    "左上角": (0.0, 0.0, 0.3, 0.3),
    "右上角": (0.7, 0.0, 1.0, 0.3),
    "左下角": (0.0, 0.7, 0.3, 1.0),
    "右下角": (0.7, 0.7, 1.0, 1.0),
    "左半边": (0.0, 0.0, 0.5, 1.0),
    "左半部分": (0.0, 0.0, 0.5, 1.0),
    "右半边": (0.5, 0.0, 1.0, 1.0),
    "右半部分": (0.5, 0.0, 1.0, 1.0),
    "上半部分": (0.0, 0.0, 1.0, 0.5),
    "上半部": (0.0, 0.0, 1.0, 0.5),
    "下半部分": (0.0, 0.5, 1.0, 1.0),
    "下半部": (0.0, 0.5, 1.0, 1.0),
    "顶部": (0.0, 0.0, 1.0, 0.25),
    "底部": (0.0, 0.75, 1.0, 1.0),
}
_SIDES: dict[str, tuple[float, float, float, float]] = {
    "左边": (0.0, 0.0, 0.5, 1.0),
    "左侧": (0.0, 0.0, 0.5, 1.0),
    "最左边": (0.0, 0.0, 0.3, 1.0),
    "右边": (0.5, 0.0, 1.0, 1.0),
    "右侧": (0.5, 0.0, 1.0, 1.0),
    "最右边": (0.7, 0.0, 1.0, 1.0),
    "上方": (0.0, 0.0, 1.0, 0.5),
    "下方": (0.0, 0.5, 1.0, 1.0),
    "中间": (0.25, 0.25, 0.75, 0.75),
    "中央": (0.25, 0.25, 0.75, 0.75),
}
"""A side said alone, with no noun before it to leave out ("在左边加一棵树"): that side of the picture."""
_IMAGE_STATES = {"糊": "blurry"}
"""States of the picture said in a spoken word the shared table leaves out ("照片有点糊")."""
_OLD_PLACE = re.compile(r"^(?:原来|原先|原本|之前)?的?(?:位置|地方|那个位置)$")
_COLOURED = {"彩色的", "彩色"}
"""A colour picture is said as the opposite of a black-and-white one."""
_THERE = {"里面", "里头", "上面", "上头", "旁边", "边上", "这里", "那里", "这儿", "那儿"}
"""A place word said alone after a thing was named ("在里面加两条金鱼"): in, on or by that thing."""
_LOC_PREPS = {
    "后面": "behind",
    "后方": "behind",
    "前面": "in front of",
    "前方": "in front of",
    "对面": "opposite",
    "周围": "around",
    "旁边": "next to",
    "边": "next to",
    "附近": "near",
    "下面": "under",
    "门口": "at",
    "前": "in front of",
    "后": "behind",
    "下": "under",
    "外": "outside",
}
MOVE_STEP = 0.2
"""How far "往左移" moves an object, as a fraction of the picture; "一点" halves it."""


def _keep_lists(text: str) -> str:
    if "、" not in text and "或" not in text:
        return text
    return _KEEP_LIST.sub(lambda m: re.sub(r"[、或]", "和", m.group(0)), text)


# ---- a free-form edit that still has a target ----------------------------------------------------------
# "让左边的人笑": no rule says what "笑" does, but the clause names whom it is for. Only a single clause
# (no separator, no connective) that opens with a causative or disposal verb and a noun the lexicon knows.
_CAUSE = re.compile(r"^\s*(?:请你?|帮我|麻烦你?)?(?:让|使|令|把|将|给|帮)")
_SEPARATED = re.compile(r"[，,。；;！!？?、\n]|然后|并且|同时|接着|否则|如果|要是")
_TARGET_CATEGORIES = frozenset({"people", "animal", "object", "body", "clothing", "scene", "cedict"})


def targeted_edit(
    text: str, offset: int, last_target: Region | None = None, last_person: str | None = None
) -> list[Clause] | None:
    """ "让左边的人笑": a free-form edit of the region it names ("让它…": of `last_target`), or None."""
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
        who = last_person or "person"  # "让骑车的男孩…，让他看起来更专注": the boy
        region, source = PhraseRegion(text=who, source=rest[:1], qualifiers=Qualifiers(**quals)), rest[:1]
    elif rest[:1] == "它" and last_target is not None and last_target != ALL:
        source = "它们" if rest.startswith("它们") else "它"
        region = last_target
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


_PLACING = re.compile(r"[晾挂停放摆贴堆插站坐躺趴睡靠立挤种养写画印长泊](?:着|满)?$")  # "阳台上晾的": where it is
_PLACE_END = re.compile(r"(?:上面|里面|下面|旁边|前面|后面|上|里|中|下|边|旁|前|后|外|内)$")


def relative_head(source: str) -> str | None:
    """ "骑车的男孩" -> "boy", "阳台上晾的衣服" -> "clothes on the balcony": a thing named by what it does.

    A region has to be found, not described to a model: a modifier with a verb in it (which has no English
    here) is left out, or cut to the place it starts with; the words as written stay the region's source."""
    parts = [p for p in source.split("的") if p.strip()]
    if len(parts) < 2 or translate(parts[-1], articles=False).clause:
        return None
    kept: list[str] = []
    for part in parts[:-1]:
        if _noun_phrase(part):
            kept.append(part)
            continue
        place = next(
            (
                part[:cut]
                for cut in range(len(part) - 1, 1, -1)
                if _PLACE_END.search(part[:cut]) and _noun_phrase(part[:cut] + "的" + parts[-1])
            ),
            None,
        )
        if place is not None:
            kept.append(place)
    result = translate("的".join([*kept, parts[-1]]), articles=False)
    return result.text if result.complete and not result.clause else None


def _noun_phrase(source: str) -> bool:
    result = translate(source, articles=False)
    return result.complete and not result.clause


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
        self.cond_place: Region | None = None  # "如果天空里没有云，就加几朵白云": where the branch adds
        self.mentioned: Region | None = None  # the last thing named, even one said to be absent
        self.added: Region | None = None  # what the last add put in the picture
        self.last_op: str | None = None
        self.asked: Region | None = None  # what the last condition asked the picture to have
        self.topics: list[Region] = []  # what was named, in order, for "它" once the last thing is removed

    _STATE = (
        "last_target",
        "last_person",
        "selection",
        "greyed",
        "identity_owner",
        "cond_place",
        "last_op",
        "mentioned",
        "added",
        "asked",
    )

    def state(self) -> tuple:
        """What reading a piece may change, so that a piece that fails leaves no trace."""
        return (
            tuple(getattr(self, name) for name in self._STATE),
            list(self.named),
            list(self.rest_regions),
            len(self.warnings),
            list(self.topics),
        )

    def restore(self, state: tuple) -> None:
        values, named, rest, warned, topics = state
        for name, value in zip(self._STATE, values, strict=True):
            setattr(self, name, value)
        self.named, self.rest_regions, self.topics = named, rest, topics
        del self.warnings[warned:]

    def read(self, parser: Lark, piece: str, offset: int, start: str = "instruction") -> Any:
        """Parse and transform one piece (or part) of the instruction; raises UnexpectedInput or VisitError."""
        self.text, self.offset = piece, offset
        return self.transform(parser.parse(_keep_lists(piece), start=start))

    def _edit(self, meta: Any, op: str, target: Region | None, args: dict[str, Any]) -> EditClause:
        if target is None and self.selection is not None and op not in _CANVAS_OPS:
            target = self.selection  # "选中天空然后调亮"
        clause = super()._edit(meta, op, target, args)
        self.last_op = op
        if clause.explicit_target and clause.target != ALL and not any(clause.target is r for r in self.rest_regions):
            self.named.append(clause.target)
            self.topics.append(clause.target)
        if op == "restyle":  # a style over a region: "…，人物保留彩色" then spares the person from it
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
                if re.match(r"[两二三几](?:个)?(?:档|级|色号)", child):  # "调亮两档": a clear step
                    amount *= lex.STRONG
                elif re.match(r"一(?:丢丢|咪咪|丁点|小点)", child):  # "拉高一丢丢": a little
                    amount *= lex.MILD
                elif child in lex.ZH_MILD:
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

    def unresolved_rest(self) -> bool:
        """A "其余" read before any region was named (its complement is of what comes after)."""
        return any(isinstance(r, NotRegion) and r.region == PhraseRegion(text=_REST_MARK) for r in self.rest_regions)

    def finish(self, clauses: list[Clause]) -> list[Clause]:
        """Once every piece is read: "其余" named first becomes the complement of what came after; an edit
        said twice ("人物保留彩色，其余变成黑白") is one."""
        if self.unresolved_rest():
            later = [r for r in self.named if r not in self.rest_regions]
            if not later:
                raise NotUnderstood("'其余/其他' needs a region named elsewhere in the instruction")
            clauses = [self._resolve_rest(c, NotRegion(region=_union(later))) for c in clauses]
        out: list[Clause] = []
        for clause in clauses:
            if isinstance(clause, EditClause) and any(_same_edit(clause, o) for o in out):
                continue
            out.append(clause)
        return out

    def condition(self, meta: Any, children: list[Any]) -> Cond:
        return next(c for c in children if isinstance(c, _CONDS))

    def np(self, meta: Any, children: list[Any]) -> Region:
        return _regions(children)[0]

    def _resolve_rest(self, clause: Clause, rest: Region) -> Clause:
        if isinstance(clause, EditClause) and clause.target == NotRegion(region=PhraseRegion(text=_REST_MARK)):
            return dataclasses.replace(clause, target=rest)
        if isinstance(clause, IfClause):
            then = [self._resolve_rest(c, rest) for c in clause.then]
            return dataclasses.replace(clause, then=then, else_=[self._resolve_rest(c, rest) for c in clause.else_])
        return clause

    def clause(self, meta: Any, children: list[Any]) -> list[Any]:
        clauses = _clauses(children)
        if _first(children, "ONLY") is not None:  # "只保留蓝色的伞": a keep that a colour pop may turn out to mean
            return [
                OnlyKept(c.region, c.span) if isinstance(c, KeepClause) and c.kind == "keep" else c for c in clauses
            ]
        return clauses

    def if_then(self, meta: Any, children: list[Any]) -> IfClause:
        cond = next(c for c in children if isinstance(c, _CONDS))
        split = next((i for i, c in enumerate(children) if isinstance(c, Token) and c.type == "ELSE_SEP"), None)
        then = _clauses(children if split is None else children[:split])
        other = [] if split is None else _clauses(children[split:])
        return IfClause(cond, then, other, self._span(meta))

    def cond_image_is(self, meta: Any, children: list[Any]) -> Cond:
        word = str(_first(children, "IMG_PROP"))
        negated = bool(_first(children, "NOT_ZH"))
        if word in _COLOURED:  # "如果是彩色的": not black and white
            word, negated = "黑白", not negated
        cond: Cond = ImageIs(property=_IMAGE_STATES.get(word) or lex.ZH_IMAGE_PROPERTIES[word])
        return NotCond(cond=cond) if negated else cond

    def cond_and(self, meta: Any, children: list[Any]) -> Cond:
        return AndCond(conds=tuple(c for c in children if isinstance(c, _CONDS)))

    def cond_or(self, meta: Any, children: list[Any]) -> Cond:
        return OrCond(conds=tuple(c for c in children if isinstance(c, _CONDS)))

    def cond_atom(self, meta: Any, children: list[Any]) -> Cond:
        return children[0]

    def cond_exists(self, meta: Any, children: list[Any]) -> Cond:
        self.asked = _regions(children)[0]
        return super().cond_exists(meta, children)

    def cond_exists_in(self, meta: Any, children: list[Any]) -> Cond:
        """ "天空里有云": clouds, and the sky is where the branch adds what it adds."""
        self._cond_place(meta, children)
        return self.cond_exists(meta, _regions(children))

    def cond_not_exists_in(self, meta: Any, children: list[Any]) -> Cond:
        self._cond_place(meta, children)
        return self.cond_not_exists(meta, _regions(children))

    def _cond_place(self, meta: Any, children: list[Any]) -> None:
        noun = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        mentioned = self.mentioned  # the thing said to be there, not the place, is what "补一个" means
        place = self.region_phrase(meta, [noun])
        self.mentioned = mentioned
        self.cond_place = place if place != ALL else None

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
        if _THIS_PICTURE.match(source) or _PICTURE_ITSELF.match(source):  # "这张街拍", "合同扫描件": the picture
            return ALL
        if source in _THERE and not quals:
            return self.last_target if isinstance(self.last_target, PhraseRegion) else ALL
        result = translate(source, articles=False)
        headed = relative_head(source) if not result.complete else None
        if headed is not None:  # "骑车的男孩", "拿着伞的女孩": the boy, the girl
            english = headed
        elif result.clause:
            raise NotUnderstood(f"{source!r} reads as a clause, not as a region")
        else:
            english = self._english(source, articles=False)
        if english in lex.WHOLE_IMAGE_NOUNS:
            return ALL
        if english in ("background", "backdrop", "surroundings", "environment") or source.endswith("背景"):
            return BACKGROUND  # "人像的背景": the background
        self.mentioned = PhraseRegion(text=english)
        self._note_person(english)
        return PhraseRegion(text=english, source=source if english != source else None, qualifiers=Qualifiers(**quals))

    def _note_person(self, english: str) -> None:
        """Who "他"/"她" means next: the person named, or the owner in "女人的脸", "balloon in the girl's hand"."""
        if english.split()[-1] in lex.PERSON_NOUNS:
            self.last_person = english
        elif "'s " in english:
            owner = re.split(r"\b(?:in|on|of|at|the|by|under)\s+", english.split("'s ")[0])[-1]
            if owner.split() and owner.split()[-1] in lex.PERSON_NOUNS:
                self.last_person = owner

    def region_other(self, meta: Any, children: list[Any]) -> Region:
        """ "其他的人": the people other than those named before (the bride of "把新娘提亮")."""
        inner = self.region_phrase(meta, [c for c in children if not (isinstance(c, Token) and c.type == "REST")])
        named = [r for r in self.named if r != ALL]
        return MinusRegion(region=inner, exclude=_union(named)) if named else inner

    def region_image_part(self, meta: Any, children: list[Any]) -> Region:
        """ "画面右上角", "下半部分": that part of the picture, as a box in fractions."""
        return BoxRegion(box=IMAGE_PARTS[str(_first(children, "IMAGE_PART"))], units="fraction")

    def region_in_image_part(self, meta: Any, children: list[Any]) -> Region:
        """ "右下角的日期": the date, where the bottom right corner is (the date less what is outside it)."""
        inner = self.region_phrase(meta, [c for c in children if not isinstance(c, Token)])
        return MinusRegion(region=inner, exclude=NotRegion(region=self.region_image_part(meta, children)))

    def region_elided(self, meta: Any, children: list[Any]) -> Region:
        """ "把左边的杯子改成蓝色，右边的改成绿色": the noun left out is the one of the clause before."""
        before = self.last_target
        words = [str(c) for c in children if isinstance(c, Token)] or [self._raw(meta)]
        if not isinstance(before, PhraseRegion) and len(words) == 1 and words[0] in _SIDES:
            return BoxRegion(box=_SIDES[words[0]], units="fraction")
        if not isinstance(before, PhraseRegion):
            raise NotUnderstood(f"{self._raw(meta)!r} leaves out a noun no clause before it named")
        quals = {**before.qualifiers.model_dump(exclude_none=True), **dict(c for c in children if isinstance(c, tuple))}
        return PhraseRegion(text=before.text, source=before.source, qualifiers=Qualifiers(**quals))

    def region_behind(self, meta: Any, children: list[Any]) -> Region:
        """ "在他身后": behind the subject is the background."""
        return BACKGROUND

    def region_behind_of(self, meta: Any, children: list[Any]) -> Region:
        """ "它身后的晾衣架", "狗背后的墙": the thing behind the one named (or the one "它" means)."""
        nouns = [c for c in children if isinstance(c, str) and not isinstance(c, Token)]
        pronoun = _first(children, "PRONOUN")
        if pronoun is not None:
            person = str(pronoun) in lex.ZH_PERSON_PRONOUNS
            it = PhraseRegion(text=self.last_person or "person") if person else self.it()
            if not isinstance(it, PhraseRegion):
                raise NotUnderstood(f"{self._raw(meta)!r}: behind what is not said")
            owner = it.text
        else:
            owner = self._english(nouns[0], articles=False)
        thing = self._english(nouns[-1], articles=False)
        self.mentioned = PhraseRegion(text=thing)
        return PhraseRegion(text=f"{thing} behind the {owner}", source=self._raw(meta))

    def region_in_background(self, meta: Any, children: list[Any]) -> Region:
        """ "背景中的人": those people, where the background is."""
        inner = self.region_phrase(meta, [c for c in children if not isinstance(c, Token)])
        return MinusRegion(region=inner, exclude=NotRegion(region=BACKGROUND))

    def region_located(self, meta: Any, children: list[Any]) -> Region:
        """ "桌子上的杯子", "桌上那两个瓶子": the cup on the table."""
        nouns = [c for c in children if isinstance(c, str) and not isinstance(c, Token)]
        whole = translate(self._raw(meta), articles=False)
        if whole.complete:  # "室内的灯光": the lexicon reads the place word with its noun ("lights indoors")
            self._note_person(whole.text)
            return PhraseRegion(text=whole.text, source=self._raw(meta))
        loc = _PLACING.sub("", str(_first(children, "LOC_DE", "LOC_DEM")).removesuffix("的"))
        where = self._english(nouns[0], articles=False)
        what = self._english(nouns[1], articles=False)
        prep = _LOC_PREPS.get(loc, "in" if loc[:1] in "中里内" else "on")
        self._note_person(where)  # "女孩手里的气球": "她" next is the girl
        return PhraseRegion(text=f"{what} {prep} the {where}", source=self._raw(meta))

    def region_pronoun_poss(self, meta: Any, children: list[Any]) -> Region:
        """ "她的头发": that person's hair."""
        owner = str(_first(children, "PRONOUN"))
        noun = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        if _OLD_PLACE.match(noun) and isinstance(self.last_target, PhraseRegion):
            # "把垃圾桶去掉，在它原来的位置放盆花": where it was; after a move the thing is found in its new
            # place, so its old one is no region a detector finds: the whole picture
            return ALL if self.last_op == "move" else self.last_target
        if noun in ("本人", "自己") and owner in lex.ZH_PERSON_PRONOUNS:  # "她本人保持不变": that person
            return PhraseRegion(text=self.last_person or "person")
        if _first(children, "DE") is None and translate(noun).categories[-1:] not in (["people"], ["body"]):
            raise NotUnderstood(f"{self._raw(meta)!r}: only kin and body parts follow a pronoun without 的")
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
        found = _regions(children)
        if not found and not isinstance(self.last_target, PhraseRegion):
            raise NotUnderstood("'颜色换成…' names no thing whose colour changes")
        # "这套西装，颜色换成藏青": the colour of the thing just named
        op, target, args = sem.recolor_or_fill(found[0] if found else self.last_target, english)
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
        return self.it()

    def it(self) -> Region:
        """What "它" means: the last thing named, except one just removed ("把划痕修掉，然后给它打个蜡": the
        scratch is gone, so the car named before it)."""
        if self.last_op == "remove" and isinstance(self.last_target, PhraseRegion):
            removed = self.last_target.text
            earlier = [r for r in self.topics if isinstance(r, PhraseRegion) and r.text != removed]
            if earlier and removed.split()[-1] != earlier[-1].text.split()[-1]:
                return earlier[-1]
        if self.last_target in (None, ALL) and self.topics:  # "狗狗不要动，把它身后的…": the dog kept
            return self.topics[-1]
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
        raw = self._raw(meta).strip()
        quoted = re.search(r"[“\"「'](.+?)[”\"」']", raw)
        if quoted and re.fullmatch(_TEXT_NOUN, raw[: quoted.start()]):
            return f'the text "{quoted.group(1)}"', raw  # "加上一行字“生日快乐”": the words as written
        source = raw.strip("\"'“”「」")
        return self._english(source, articles=True), source

    # ---- clauses -----------------------------------------------------------------------------------
    def keep(self, meta: Any, children: list[Any]) -> list[Any]:
        region = _regions(children)[0]
        if self.greyed and isinstance(region, PhraseRegion) and sem.is_color(region.text):
            return [ColorKept(region, self._span(meta))]  # "把照片转成黑白，只保留红色": the red stays in colour
        return self.keep_region(region, self._span(meta), self._raw(meta))

    def keep_region(self, region: Region, span: tuple[int, int], raw: str) -> list[Clause]:
        if isinstance(region, PhraseRegion):
            self.topics.append(region)
        """What "保持X不变" keeps: pixels, an identity, or nothing (a quality of the picture)."""
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
            raise OnlyQualities(f"{raw!r} names qualities of the picture, not regions to keep")
        self.named.extend(k.region for k in out if isinstance(k, KeepClause) and k.kind == "keep")
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
        if self.greyed:  # "把照片调成黑白，人物保留彩色": the greying spares the person (no keep: later steps may)
            self.named.append(region)
            return ColorKept(region, self._span(meta))
        self.named.append(region)
        clause = EditClause("restyle", NotRegion(region=region), {"style": _BW}, self._span(meta))
        self.last_target = region
        self.greyed = True
        return clause

    def colorize(self, meta: Any, children: list[Any]) -> Clause:
        """ "先变成黑白，再给红色的花上色": the flowers keep their colour; on a colour photo it means nothing."""
        if not self.greyed:
            raise NotUnderstood(f"{self._raw(meta)!r} colours a region of a picture no clause made black and white")
        if not _regions(children):
            raise NotUnderstood(
                f"{self._raw(meta)!r}: colouring the whole picture needs an instruction-following model"
            )
        region = _regions(children)[0]
        self.named.append(region)
        return ColorKept(region, self._span(meta))

    def vignette(self, meta: Any, children: list[Any]) -> Clause:
        """ "加暗角": the vignette op where the IR has it, else a free-form edit that says so."""
        amount = self._scale(children, lex.BASE_ATMOSPHERE)
        how = str(_first(children, "SOFTLY") or "")
        if re.search(r"[淡轻浅]|一点点", how):  # "淡淡的暗角": a light one
            amount = round(amount * 0.6, 4)
        elif re.search(r"明显|重|深", how):
            amount = round(min(1.0, amount * 1.4), 4)
        if "vignette" in Edit.by_op:
            try:
                Edit.make("vignette", ALL, {"amount": amount})
            except ValueError:
                pass
            else:
                return self._edit(meta, "vignette", None, {"amount": amount})
        return FallbackClause(self._raw(meta), self._span(meta))

    def new_background(self, source: str, span: tuple[int, int]) -> EditClause:
        """ "一片薰衣草花田做背景": that as the background."""
        english = self._english(source, articles=True)
        args = {"prompt": english, **({"prompt_source": source} if english != source else {})}
        self.last_target, self.last_op = BACKGROUND, "replace"
        return EditClause("replace", BACKGROUND, args, span)

    def look(self, source: str, span: tuple[int, int]) -> EditClause:
        """ "做出暗角的感觉", "营造出雾蒙蒙的氛围", "做出复古感": a vignette, an effect or a style."""
        source = source.strip().removesuffix("的")
        if re.search(r"暗角|晕影|暗边", source):
            return EditClause("vignette", ALL, {"amount": lex.BASE_ATMOSPHERE}, span, explicit_target=False)
        effect = EFFECTS.get(source)
        if effect is not None:
            args = {"effect": effect, "amount": lex.BASE_ATMOSPHERE}
            return EditClause("atmosphere", ALL, args, span, explicit_target=False)
        op, target, args = sem.styled(None, self._english(source, articles=False))
        op, target, args = self._with_source(op, target, args, source)
        return EditClause(op, target or ALL, args, span, explicit_target=False)

    def keep_it(self, meta: Any, children: list[Any]) -> list[Clause]:
        """ "她的发型我很满意，别动": keep what the piece before named."""
        if self.last_target in (None, ALL):
            raise NotUnderstood(f"{self._raw(meta)!r} names nothing to keep")
        return self.keep_region(self.last_target, self._span(meta), self._raw(meta))

    def desaturate_rest(self, meta: Any, children: list[Any]) -> EditClause:
        """ "其余黑白": the regions not named before, in black and white."""
        return self._edit(meta, "restyle", self.region_rest(meta, []), {"style": _BW})

    def desaturate(self, meta: Any, children: list[Any]) -> EditClause:
        """ "别的地方全部去色": black and white."""
        return self._edit(meta, "restyle", self._target(children), {"style": _BW})

    def scale_adj(self, meta: Any, children: list[Any]) -> EditClause:
        """ "让我的脸小一点": the region smaller (larger for 大)."""
        mild = any(str(t) in lex.ZH_MILD for t in _tokens(children, "DEGREE_POST"))
        small = str(_first(children, "SIZE_ADJ")).startswith("小")
        factor = (0.8 if mild else 0.67) if small else (1.25 if mild else 1.5)
        return self._edit(meta, "scale", _regions(children)[0], {"factor": factor})

    def swap_background(self, meta: Any, children: list[Any]) -> EditClause:
        """ "换一个大理石台面的背景": a new background."""
        _, source = _prompt(children)
        match = re.fullmatch(r"(?:一个|一张|个|张)?(?P<what>.+?)的?背景", source)
        if match is None:  # "换个金色的画框": the frame there becomes a gold one
            words = [w for w in segment(source.split("的")[-1]) if w.category != "article"]
            head = words[-1] if words and words[-1].english else None
            english = translate(source, articles=True)
            if head is None or not english.complete or english.clause:
                raise NotUnderstood(f"{source!r}: what is swapped is not said")
            target = PhraseRegion(text=head.english, source=head.text)
            source = re.sub(r"^(?:个|张|件|把|只)", "", source)
            return self._edit(meta, *self._with_source("replace", target, {"prompt": english.text}, source))
        what = match.group("what")
        return self._edit(meta, *self._with_source("replace", BACKGROUND, {"prompt": self._english(what, True)}, what))

    def remove_it(self, meta: Any, children: list[Any]) -> EditClause:
        """ "…太碍眼了，去掉吧", "有行人的话全部P掉": what was named before."""
        if self.last_target in (None, ALL):
            raise NotUnderstood(f"{self._raw(meta)!r} names nothing to remove")
        return self._edit(meta, "remove", self.last_target, {})

    def select(self, meta: Any, children: list[Any]) -> list[Clause]:
        self.selection = _regions(children)[0]
        self.last_target = self.selection
        return []

    def add_on_it(self, meta: Any, children: list[Any]) -> EditClause:
        """ "…，然后在上面放一个花瓶": on the previous target."""
        english, source = _prompt(children)
        where = self.last_target if self.last_target is not None else ALL
        if self.last_op == "add" and self.added is not None:  # "桌上加个蛋糕，上面再插几根蜡烛": on the cake
            where = self.added
        op, target, args = sem.added(where, english)
        return self._edit(meta, *self._with_source(op, target, args, source))

    def blur(self, meta: Any, children: list[Any]) -> EditClause:
        if re.search(r"码|马赛克", str(_first(children, "BLUR") or "")):  # "打码": hidden, so a full blur
            return self._edit(meta, "blur", self._target(children), {"amount": 1.0})
        return self._edit(meta, "blur", self._target(children), {"amount": self._scale(children, lex.BASE_BLUR)})

    def adjust_verb(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = ADJUST_VERBS[str(_first(children, "ADJ_VERB"))]
        return self._adjust(meta, children, prop, sign, self._target(children))

    def adjust_updown(self, meta: Any, children: list[Any]) -> list[Clause]:
        """ "提高亮度和对比度": one adjust per property named."""
        sign = -1 if str(_first(children, "UPDOWN") or "") in DOWN else 1
        target = self._target(children)
        props = dict.fromkeys(PROPERTIES[str(t)] for t in _tokens(children, "PROPERTY"))
        return [self._mild_if_counted(self._adjust(meta, children, prop, sign, target), children) for prop in props]

    def adjust_added(self, meta: Any, children: list[Any]) -> list[Clause]:
        """ "加一点对比度": more of the property (a little more with 一点)."""
        props = [str(t) for t in _tokens(children, "PROPERTY")]
        if any(p in ("颜色", "色彩") for p in props):
            raise NotUnderstood("adding colour to a picture is a colourisation, not an adjustment")
        props = list(dict.fromkeys(PROPERTIES[p] for p in props))
        return [self._mild_if_counted(self._adjust(meta, children, prop, 1, None), children) for prop in props]

    def adjust_adj(self, meta: Any, children: list[Any], target: Region | None = None) -> list[Clause]:
        """ "让画面更亮更暖": one adjust per adjective."""
        target = target if target is not None else self._target(children)
        effect = self._effect_of(target)
        if effect is not None and any(str(t) in ("浓", "深") for t in _tokens(children, "ADJ")):
            amount = min(1.0, lex.BASE_ATMOSPHERE * 1.6)  # "远处的雾再浓一点": more of that fog
            return [self._edit(meta, "atmosphere", None, {"effect": effect, "amount": amount})]
        meanings = dict.fromkeys(ADJECTIVES[str(t)] for t in _tokens(children, "ADJ"))
        return [self._adjust(meta, children, prop, sign, target) for prop, sign in meanings]

    def adjust_less(self, meta: Any, children: list[Any]) -> list[Clause]:
        """ "墙面别那么黄": the adjective's property the other way ("没那么亮" darkens)."""
        target = self._target(children)
        meanings = dict.fromkeys(ADJECTIVES[str(t)] for t in _tokens(children, "ADJ"))
        return [self._adjust(meta, children, prop, -sign, target) for prop, sign in meanings]

    def adjust_tonal(self, meta: Any, children: list[Any]) -> EditClause:
        """ "把阴影提亮一点", "压暗高光": the tonal range the verb brightens or darkens."""
        prop = PROPERTIES[str(_first(children, "PROPERTY"))]
        verb_prop, sign = ADJUST_VERBS[str(_first(children, "ADJ_VERB"))]
        if verb_prop == prop == "warmth":  # "把整体色调调暖"
            return self._adjust(meta, children, prop, sign, self._target(children))
        if verb_prop != "brightness" or prop not in _TONAL:
            raise NotUnderstood(f"{self._raw(meta)!r}: {prop} cannot be made brighter or darker")
        return self._adjust(meta, children, prop, sign, self._target(children))

    def adjust_prop_adj(self, meta: Any, children: list[Any]) -> list[Clause]:
        """ "把天空的颜色调得更深一点": the region's colour deeper (more saturated)."""
        target = self._target(children)
        word = str(_first(children, "PROPERTY"))
        out: list[Clause] = []
        for adj in dict.fromkeys(str(t) for t in _tokens(children, "ADJ")):
            prop, sign = ADJECTIVES[adj]
            if word in ("颜色", "色彩"):
                prop, sign = _COLOR_ADJECTIVES.get(adj, (prop, sign))
            elif PROPERTIES[word] in _TONAL and prop == "brightness":  # "阴影部分再亮一点"
                prop = PROPERTIES[word]
            elif PROPERTIES[word] != prop:
                raise NotUnderstood(f"{self._raw(meta)!r} says a {word} {adj}, which is no adjustment")
            out.append(self._adjust(meta, children, prop, sign, target))
        return out

    def lessen(self, meta: Any, children: list[Any]) -> EditClause:
        """ "降低噪点", "减少雾霾": less of a flaw is an enhancement."""
        region = _regions(children)[0]
        kind = lex.ENHANCE_KINDS.get(region.text) if isinstance(region, PhraseRegion) else None
        if kind is None or str(_first(children, "UPDOWN")) not in DOWN:
            raise NotUnderstood(f"{self._raw(meta)!r} raises or lowers no property")
        return self._edit(meta, "enhance", None, {"kind": kind})

    def _effect_of(self, region: Region | None) -> str | None:
        """The weather a region names ("远处的雾" is fog), if it names one."""
        if not isinstance(region, PhraseRegion):
            return None
        written = (region.source or region.text).split("的")[-1]
        return EFFECTS.get(written) or sem.effect_of(region.text.split(" in ")[0])

    def vignette_edges(self, meta: Any, children: list[Any]) -> Clause:
        """ "四周压暗一点", "边缘再压暗一圈": a vignette."""
        prop, sign = ADJUST_VERBS[str(_first(children, "ADJ_VERB"))]
        if (prop, sign) != ("brightness", -1):
            raise NotUnderstood(f"{self._raw(meta)!r}: only darker edges are a vignette")
        return self.vignette(meta, children)

    def adjust_bare(self, meta: Any, children: list[Any]) -> list[Clause]:
        """ "…调亮一点，再暖一点": an adjective with no subject goes on with what the adjust before it changed."""
        target = self.last_target if self.last_op == "adjust" and self.last_target != ALL else None
        if target is None and self.selection is not None:
            target = self.selection
        clauses = self.adjust_adj(meta, children, target)
        if target is not None:
            clauses = [dataclasses.replace(c, explicit_target=False) for c in clauses if isinstance(c, EditClause)]
        return clauses

    def adjust_tone(self, meta: Any, children: list[Any]) -> EditClause:
        """ "加点暖光", "整体加暖色调", "降低冷色调": warmth."""
        sign = TONES[str(_first(children, "TONE"))]
        if str(_first(children, "UPDOWN") or "") in DOWN:
            sign = -sign
        return self._mild_if_counted(self._adjust(meta, children, "warmth", sign, self._target(children)), children)

    def _mild_if_counted(self, clause: EditClause, children: list[Any]) -> EditClause:
        """ "加一点冷色调": a little (the 一点 of 加一点 is a count the lexer sees before the word)."""
        if not _tokens(children, "QUANT"):
            return clause
        return dataclasses.replace(clause, args={**clause.args, "amount": round(clause.args["amount"] * lex.MILD, 4)})

    def atmosphere(self, meta: Any, children: list[Any]) -> EditClause:
        word = str(_first(children, "EFFECT", "EFFECT_ADJ"))
        amount = self._scale(children, lex.BASE_ATMOSPHERE)
        if word in lex.ZH_EFFECT_STRONG:
            amount = min(1.0, amount * 1.6)
        elif word in lex.ZH_EFFECT_MILD:
            amount *= 0.6
        return self._edit(
            meta, "atmosphere", self._target(children), {"effect": EFFECTS[word], "amount": round(amount, 4)}
        )

    def _with_source(self, op: str, target: Region | None, args: dict[str, Any], source: str) -> tuple:
        key = {"replace": "prompt", "add": "prompt", "recolor": "color", "restyle": "style"}.get(op)
        if key and args.get(key) and args[key] != source:
            args = {**args, f"{key}_source": source}
        return op, target, args

    def change_into(self, meta: Any, children: list[Any]) -> EditClause:
        english, source = _prompt(children)
        region = self._target(children)
        verb = str(_first(children, "CHANGE_TO", "REPLACE") or "")
        if region is None and verb in SWAP_VERBS and self.last_target not in (None, ALL):
            region = self.last_target  # "把建筑去掉，换成大海": what the clause before named
        bare = re.sub(r"^(?:一种|一个|一片|一点|有点)", "", source).removesuffix("的")
        if bare in TONES:  # "调成暖色调": a warmth adjustment
            return self._adjust(meta, children, "warmth", TONES[bare], region)
        if region not in (None, ALL) and _ACTION.search(source) and not translate(source, articles=True).complete:
            # "右边那个人能不能改成看镜头的样子": what it becomes is an action, a free-form edit of that region
            return self._edit(meta, "edit", region, {"instruction": self.text.strip()})
        if region is None and re.search(r"白底|白色背景|纯白背景", source):  # "换成白底商品主图": a white backdrop
            return self._edit(meta, *self._with_source("replace", BACKGROUND, {"prompt": "white"}, source))
        try:
            op, target, args = sem.change_into(region, english)
        except NotUnderstood:
            if not _LOOK_MARK.search(source):
                raise
            # "背景换成樱花色调": the words say it is a look, though no English style word names it
            op, target, args = "restyle", region, {"style": english}
        words = [w for w in segment(source.split("的")[-1]) if w.category != "article"]
        if op == "replace" and words and words[-1].category == "color":  # "换成酒红色": a colour the lexicon knows
            op, target, args = sem.recolor_or_fill(region, english)
        named = region is not None and region != ALL
        if named and op == "atmosphere" and verb in SWAP_VERBS and _CJK_CHAR.search(source):
            op, args = "replace", {"prompt": english}  # "把天空换成晚霞": a sky of sunset glow
        elif named and op == "restyle" and not self._marks_style(source):
            op, args = "replace", {"prompt": english}  # "把杯子换成玻璃杯": a glass, not a glass style
        return self._edit(meta, *self._with_source(op, target, args, source))

    def _marks_style(self, source: str) -> bool:
        """Whether the Chinese words say "a style": a style suffix, or a style word of the lexicon."""
        if _STYLE_MARK.search(source.removesuffix("的")):
            return True
        words = [w for w in segment(source.split("的")[-1]) if w.category != "article"]
        return bool(words) and words[-1].category in _STYLE_CATEGORIES

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
        verb = str(_first(children, "REMOVE") or "")
        dirt = isinstance(what, PhraseRegion) and _DIRT.search(what.text)
        if verb in ("擦干净", "擦净", "洗干净", "清洗干净") and not dirt:
            # "墙上的污渍擦干净" takes the stain away; "把车擦干净" cleans the car, which stays
            raise NotUnderstood(f"{self._raw(meta)!r} cleans a thing, it does not remove it")
        if re.search(r"颜色|色彩", self._raw(meta)):  # "去掉颜色": make it black and white
            return self._edit(meta, "restyle", None, {"style": "black and white"})
        if isinstance(what, PhraseRegion) and what.text in lex.ENHANCE_KINDS:
            return self._edit(meta, "enhance", None, {"kind": lex.ENHANCE_KINDS[what.text]})
        if isinstance(what, PhraseRegion) and what.text in ("color", "colors"):
            return self._edit(meta, "restyle", None, {"style": "black and white"})
        return self._edit(meta, "remove", what, {})

    def add(self, meta: Any, children: list[Any]) -> EditClause:
        english, source = _prompt(children)
        target = self._target(children)
        if source.endswith("了"):  # "那幅挂画歪了": a statement, not a thing to add
            raise NotUnderstood(f"{source!r} says what happened, not what to add")
        if _COMPLEMENT.search(source) and len(source) > 2:  # "放只猫上去": the direction says nothing more
            source = _COMPLEMENT.sub("", source)
            english = self._english(source, articles=True)
        counted = None
        if _BARE_COUNT.match(source) and self.last_op == "add" and self.added is not None:
            counted = self.added  # "女孩戴上墨镜，小狗也戴一副": one more of what was just added
        elif _BARE_COUNT.match(source) and isinstance(self.asked, PhraseRegion):
            counted = self.asked  # "要是盘子边上没有筷子，就放一双上去": a pair of what was asked about
        elif _BARE_COUNT.match(source) and isinstance(self.mentioned, PhraseRegion):
            counted = self.mentioned  # "天上没太阳的话，在左上角补一个": one of what was named
        if counted is not None:  # models that read Chinese get the count with the thing ("一个月亮")
            english = counted.text
            thing = _COUNT_PREFIX.sub("", counted.source or "")
            source = source + thing if _HAN_RE.search(thing) else english
        if target is None and self.cond_place is not None:
            target = self.cond_place  # "如果天空里没有云，就加几朵白云": in the sky
        effect = EFFECTS.get(re.sub(r"^(?:一点点|一点儿|一点|一些|些许|少许|少量|些|点儿|点)", "", source))
        if effect is not None:  # "加些雨" where the lexer saw a prompt: an atmosphere all the same
            return self._edit(meta, "atmosphere", target, {"effect": effect, "amount": lex.BASE_ATMOSPHERE})
        if target == BACKGROUND and source.endswith("景"):  # "在他身后放一片雪景": a new background
            return self._edit(meta, *self._with_source("replace", target, {"prompt": english}, source))
        if _LOOK_MARK.search(source) and not english.startswith("the text"):  # "套个胶片色调": a look
            try:
                op, target, args = sem.styled(target, english)
            except NotUnderstood:
                pass
            else:
                return self._edit(meta, *self._with_source(op, target, args, source))
        op, target, args = sem.added(target, english)
        if op == "add" and translate(source, articles=False).complete:
            self.added = PhraseRegion(text=sem.strip_article(english), source=source)
        return self._edit(meta, *self._with_source(op, target, args, source))

    def add_counted(self, meta: Any, children: list[Any]) -> EditClause:
        """ "没有猫的话，加一只": one of what the condition asked about (or the thing last named)."""
        counted = re.sub(r"^(?:加|放)", "", str(_first(children, "ADD")))
        thing = self.asked if isinstance(self.asked, PhraseRegion) else self.mentioned
        if not _BARE_COUNT.match(counted) or not isinstance(thing, PhraseRegion):
            raise NotUnderstood(f"{self._raw(meta)!r} says how many but not what to add")
        target = self._target(children)
        if target is None and self.cond_place is not None:
            target = self.cond_place
        op, target, args = sem.added(target, thing.text)
        source = counted + thing.source if thing.source and _HAN_RE.search(thing.source) else thing.text
        return self._edit(meta, *self._with_source(op, target, args, source))

    def give_swap(self, meta: Any, children: list[Any]) -> EditClause:
        """ "给她换一条红色的裙子": her dress becomes a red one."""
        english, source = _prompt(children)
        owner = _regions(children)[0]
        words = [w for w in segment(source.split("的")[-1]) if w.category != "article"]
        head = words[-1].english if words and words[-1].english else None
        if head is None or not isinstance(owner, PhraseRegion):
            raise NotUnderstood(f"{source!r} names no garment or thing of {owner!r} to swap")
        target = PhraseRegion(text=f"{owner.text}'s {head}", source=self._raw(meta))
        return self._edit(meta, *self._with_source("replace", target, {"prompt": english}, source))

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

    def rotate_auto(self, meta: Any, children: list[Any]) -> EditClause:
        """ "把地平线拉直": level the horizon; a thing in the picture set straight ("把那幅画扶正") is no
        rotation of the picture, but a free-form edit of the thing."""
        target = self._target(children)
        if isinstance(target, PhraseRegion) and target.text not in _LEVELLED:
            raise NotUnderstood(f"{self._raw(meta)!r} straightens a thing, not the picture")
        return self._edit(meta, "rotate", None, {"auto": True})

    def flip(self, meta: Any, children: list[Any]) -> EditClause:
        vertical = str(_first(children, "FLIP")) in ("垂直翻转", "上下翻转", "上下镜像", "垂直镜像", "上下镜像翻转")
        return self._edit(meta, "flip", None, {"direction": "vertical" if vertical else "horizontal"})

    def _resize_sign(self, children: list[Any]) -> bool:
        return "缩" in str(_first(children, "RESIZE"))

    def _resized(self, meta: Any, children: list[Any], factor: float) -> EditClause:
        """The picture resized, or an object in it scaled ("把月亮放大一倍")."""
        region = self._target(children)
        factor = round(factor, 4)
        if region is not None and region != ALL:
            if factor == 1:
                raise NotUnderstood("scaling by 1 changes nothing")
            return self._edit(meta, "scale", region, {"factor": factor})
        return self._edit(meta, "resize", None, {"scale": factor})

    def resize_factor(self, meta: Any, children: list[Any]) -> EditClause:
        factor = chinese_number(str(_first(children, "NUMBER", "NUMBER_WORD")))
        if factor == 1:  # "放大一倍" is twice the size, "缩小一倍" half
            factor = 2
        return self._resized(meta, children, 1 / factor if self._resize_sign(children) else factor)

    def resize_half(self, meta: Any, children: list[Any]) -> EditClause:
        return self._resized(meta, children, 0.5 if self._resize_sign(children) else 1.5)

    def resize_percent(self, meta: Any, children: list[Any]) -> EditClause:
        """ "放大到150%" is that size; "放大百分之二十" is bigger by a fifth, "缩小30%" smaller by 30%."""
        value = chinese_number(re.sub(r"[%％\s]|百分之", "", str(_first(children, "PERCENT")))) / 100
        if _first(children, "WEI") is None:
            value = 1 - value if self._resize_sign(children) else 1 + value
        if value <= 0:
            raise NotUnderstood("shrinking by 100% or more leaves nothing")
        return self._resized(meta, children, value)

    def resize_fraction(self, meta: Any, children: list[Any]) -> EditClause:
        """ "缩小到原来的三分之一": that fraction of the size."""
        whole, part = str(_first(children, "FRACTION")).split("分之")
        denominator, numerator = chinese_number(whole), chinese_number(part)
        if not denominator or not numerator:
            raise NotUnderstood("a fraction with a zero")
        return self._resized(meta, children, numerator / denominator)

    def _target(self, children: list[Any]) -> Region | None:
        found = super()._target(children)
        if found is None and _first(children, "RESIZE") is not None and self.last_op in ("move", "scale"):
            return self.last_target  # "把月亮往右上角挪一挪，再缩小一点": the moon again
        return found

    def resize_amount(self, meta: Any, children: list[Any]) -> EditClause:
        """ "把杯子缩小一点", "让月亮变大": an object; of the picture, a resize."""
        mild = any(str(t) in lex.ZH_MILD for t in _tokens(children, "DEGREE_POST"))
        shrink = "小" in str(_first(children, "RESIZE"))
        factor = (0.8 if mild else 0.67) if shrink else (1.25 if mild else 1.5)
        return self._resized(meta, children, factor)

    def move_dir(self, meta: Any, children: list[Any]) -> EditClause:
        """ "把台灯往左移一点": an offset, a fifth of the picture (a tenth for "一点")."""
        word = str(_first(children, "MOVE_DIR"))
        step = self._scale(children, MOVE_STEP)
        args: dict[str, Any] = {}
        if "左" in word or "右" in word:
            args["dx"] = step if "右" in word else -step
        if "上" in word[1:3] or "下" in word[1:3]:
            args["dy"] = step if "下" in word[1:3] else -step
        return self._edit(meta, "move", _regions(children)[0], args)

    def move_to(self, meta: Any, children: list[Any]) -> EditClause:
        """ "把杯子移到桌子的右边" (beside the table), "把猫移到画面左上角" (a corner of the picture)."""
        _, source = _prompt(children)
        if not _regions(children) and self.last_target in (None, ALL):
            raise NotUnderstood(f"{self._raw(meta)!r} names nothing to move")
        dest = re.sub(r"(?:去|来|那里|那儿|这里)$", "", source)
        place = next(((w, p) for w, p in _PLACE_WORDS if dest.endswith(w)), None)
        if place is None:
            raise NotUnderstood(f"{source!r} says no side or place to move to")
        owner = dest[: -len(place[0])].removesuffix("的")
        target = _regions(children)[0] if _regions(children) else self.last_target
        if owner in _PICTURE_WORDS:
            if place[1] not in ("top left", "top right", "bottom left", "bottom right", *_BESIDE):
                raise NotUnderstood(f"{source!r} is no side of the picture")
            return self._edit(meta, "move", target, {"to": place[1]})
        english = self._english(owner, articles=False)
        beside = BACKGROUND if english == "background" else PhraseRegion(text=english, source=owner)
        relation = "onto" if place[1] == "center" else _BESIDE.get(place[1], place[1])  # "挪到桌子中间"
        return self._edit(meta, "move", target, {"beside": beside, "relation": relation})

    def upscale(self, meta: Any, children: list[Any]) -> EditClause:
        """ "高清放大两倍": super-resolution by 2, 3 or 4."""
        number = _first(children, "NUMBER", "NUMBER_WORD")
        factor = int(chinese_number(str(number))) if number is not None else 2
        return self._edit(meta, "upscale", None, {"factor": min(4, max(2, factor))})

    def resize_dim(self, meta: Any, children: list[Any]) -> EditClause:
        """ "宽度改成800像素": that side to that many pixels, the other kept in proportion."""
        number = next(int(chinese_number(str(c))) for c in children if isinstance(c, Token) and c.type == "NUMBER")
        side = "height" if "高" in str(_first(children, "DIMENSION")) else "width"
        return self._edit(meta, "resize", None, {side: number})

    def resize_wh(self, meta: Any, children: list[Any]) -> EditClause:
        numbers = [int(chinese_number(str(c))) for c in children if isinstance(c, Token) and c.type == "NUMBER"]
        return self._edit(meta, "resize", None, {"width": numbers[0], "height": numbers[1]})

    def extend(self, meta: Any, children: list[Any]) -> EditClause:
        side = str(_first(children, "SIDE", "DIR_ZH", "EDGES") or "四周")
        sides = {"左": ("left",), "右": ("right",), "上": ("top",), "下": ("bottom",)}
        chosen = tuple(v[0] for k, v in sides.items() if k in side) or None  # "左右": both
        if chosen is None:
            chosen = ("left", "right") if side in ("两侧", "两边") else ("left", "right", "top", "bottom")
        box = next((r for r in _regions(children) if isinstance(r, BoxRegion)), None)
        if box is not None and _first(children, "SIDE", "DIR_ZH", "EDGES") is None:  # "底部再往外扩"
            x0, y0, x1, y1 = box.box
            chosen = (
                tuple(
                    side
                    for side, edge in (
                        ("left", x0 == 0 and x1 < 1),
                        ("right", x1 == 1 and x0 > 0),
                        ("top", y0 == 0 and y1 < 1),
                        ("bottom", y1 == 1 and y0 > 0),
                    )
                    if edge
                )
                or chosen
            )
        pixels = _first(children, "NUMBER")
        if pixels is not None:  # "向左扩展200像素"
            return self._edit(meta, "extend", None, {**dict.fromkeys(chosen, float(pixels)), "units": "px"})
        return self._edit(meta, "extend", None, {**dict.fromkeys(chosen, 0.25), "units": "fraction"})


def _tokens(children: list[Any], kind: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type == kind]


def _same_edit(a: EditClause, b: Clause) -> bool:
    if not isinstance(b, EditClause) or (a.op, a.target) != (b.op, b.target):
        return False
    drop = ("style_source", "prompt_source", "color_source")
    return {k: v for k, v in a.args.items() if k not in drop} == {k: v for k, v in b.args.items() if k not in drop}
