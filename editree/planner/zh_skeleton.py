"""The clause skeleton of a Chinese instruction: sentences, pieces, conditions, side clauses.

An instruction is sentences (。！？；); a sentence is pieces (，). A piece opens with words that say how it
joins the others or that it is a request (然后, 同时, 顺便, 最后, 请, 帮我, 能不能 … 吗), not what it does; they
are stripped before the grammar (zh.lark) reads the piece. Pieces shape each other instead of each adding
a step:
- a condition piece ("如果照片里有狗", "假如图中有水印", "除非画面里有人", "有猫的话") opens an `If` whose
  branch is the pieces after it, to the end of the sentence; "否则", "不然", "如果没有" start its else, also
  at the start of the next sentence ("…；如果没有，就…");
- side clauses: "在不改变X的情况下" is keep(X); "除了X以外，…" narrows the next clause to not(X); "…，但是X上
  不要加" narrows the clause before it; "…，像秋天一样" says how the step before it should look; "做一个色彩
  保留效果" announces the colour pop the next piece names;
- statements name what "它" means and add no step: "门口有一辆自行车"; a complaint ("那只狗太暗了") also
  makes its region the topic of the pieces after it, and becomes the fix it implies (brighten the dog) only
  when no request follows.
One ChineseTransformer reads every piece, so "它", "其余", selections and colours kept carry across pieces.
A piece the grammar cannot read whole is retried with 、 read as 和, then cut at 、 and conjunctions; what
still fails becomes a free-form fallback, with the region it names where it names one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from lark.exceptions import UnexpectedInput, VisitError

from editree.ops import ALL, MinusRegion, NotRegion, PhraseRegion, Region, UnionRegion
from editree.ops.conditions import Cond, Exists, ImageIs, NotCond
from editree.planner import lexicon_en as lex
from editree.planner import long_prompts
from editree.planner import semantics as sem
from editree.planner.clauses import Clause, EditClause, FallbackClause, IfClause, KeepClause
from editree.planner.grammar_zh import (
    ChineseTransformer,
    ColorKept,
    OnlyKept,
    OnlyQualities,
    chinese_parser,
    targeted_edit,
)
from editree.planner.segment import is_filler
from editree.planner.semantics import NotUnderstood
from editree.planner.translate import translate

# A Chinese character: a letter that is no Latin letter. Written with categories, since a class with the
# 27,000-character range of the ideographs takes milliseconds to compile, every time.
_HAN = r"[^\W\d_a-zA-Z\u00c0-\u024f]"
_SENTENCE = re.compile(r"[。！!？?；;\n]+|[.](?=\s|$)")
# pieces: at a comma, and at a space between two Chinese words ("局部留色 那辆跑车保持彩色 其余去色": chat with no
# punctuation); a space next to a Latin word ("把 logo 放大") separates nothing
_PIECE = re.compile(r"[，,]|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
# Words that join a piece to the others or make it a request; they say nothing about the edit.
_LEAD = re.compile(
    r"(?:\s|然后再|然后|接着|接下来|完了|并且|而且|同时|顺便|顺带|最后|最终|首先|其次|再者|另外|此外|以及|随后|之后|还有|"
    r"还要|也要|还得|再来|再|先(?!生)|并(?!不)|也|还(?=[要把将让给在加])|那么|那就|就|直接|单独|分别|"
    r"但是|但|不过|可是|只是|"
    r"请你|请(?!勿)|麻烦你|麻烦|帮忙|帮我|给我(?=[把将])|能不能|能否|可不可以|可否|可以|你能|您能|你可以|能(?=[帮把将让给])|"
    r"我想要|我想|我需要|我希望|希望|我要|需要|要(?=[把将让给在])|能(?=\s|[帮把将让给])|"
    r"注意|记得|务必|一定要|千万(?=[别不])|帮(?:她|他|它)(?=[把将给])|"
    r"(?:给|为)(?:整张图片?|整个画面|画面|照片|图片|图像|这张图片?|这张照片)(?=添加|加上|增加|加|做|来|上|套|弄)|"
    r"(?:这|那)(?:张|幅)" + _HAN + r"{0,4}?(?:照片|图片|相片|街拍|自拍|合影|图)(?=\s|[能可帮请把将去删给调加让换]|$)|"
    r"(?:加|用|套|上)一?个滤镜(?=[让使]))+"
)
_TAIL = re.compile(
    r"(?:\s|吗|(?<![酒网书水氧陶琴茶贴])吧|呢|啊|呀|哦|嘛|呗|哈|啦|哟|喔|好吗|好不好|可以吗|行吗|行不行|就行了?|就好了?|就可以了?|即可|谢谢你?|谢了|多谢|"
    r"麻烦了)+$"
)
# Words inside a piece that carry nothing the grammar needs, blanked out (same length, so spans stay true):
# help ("衬衫帮她换成白色的"), modals ("海水要再蓝一些"), adverbs ("清晰度也加一些", "桌面顺便调亮"); and the
# second half of a doubled verb ("挪一挪", "去一去").
_VERBISH = (
    r"(?=[再更稍很加提调把将变换改去删让给放压降增减锐虚模保留弄染涂刷替移挪缩裁旋翻扩抠选Pp擦拿扔收撕搬剪抹拔摘扫拉"
    r"亮暗白蓝红绿黄暖冷深浅淡清大小])"
)
_AFTER_NOUN = r"(?<=" + _HAN + r")(?<![还也再就都并而那要需可能请以我你您想不别没])"
_BLANKS = (
    re.compile(
        r"(?<="
        + _HAN
        + r")(?:能不能|能否|可不可以|可以|能)?(?:帮我|帮忙)|"
        + _AFTER_NOUN
        + r"(?:能不能|能否|可不可以|帮(?:她们|他们|她|他|它)|麻烦你?|顺便|顺带|单独|直接)"
        + _VERBISH
    ),
    re.compile(r"多(?=[加补放])"),
    # "行李箱上的标签给撕掉": 给 before the verb says nothing more.
    re.compile(_AFTER_NOUN + r"(?<![把将对让使])给(?=[撕擦拿扔收搬剪抹拔摘扫去删Pp弄修清抠移挪])"),
    # "除非照片里已经有彩虹": that it is there already says nothing the condition needs.
    re.compile(r"已经(?=有|是|在)"),
    # "给这张夜景照片加个暗角": what kind of picture it is says nothing; the picture is the whole image.
    re.compile(r"(?:这|那)一?[张幅]" + _HAN + r"{1,4}?(?=照片|图片|相片)"),
    # "调得比现在暗一些": what it is now says nothing the adjustment needs.
    re.compile(r"比(?:现在|原来|原先|之前|原图)(?=[再更还稍]*[亮暗暖冷蓝绿红黄白黑深浅淡清鲜艳大小高低])"),
    re.compile(_AFTER_NOUN + r"(?:需要|应该|要|也|还)" + _VERBISH),
    # "室内整体提亮", "把画面统一调成冷色调": the thing as a whole is the thing.
    re.compile(_AFTER_NOUN + r"(?<![把将给让对使令])(?:整体上?|统一|一起)" + _VERBISH),
    # "两边各扩100像素", "两侧再各放一盆绿植": each side is what the side words already say.
    re.compile(r"(?<=[边侧右下再])各(?=\s*(?:往外|向外)?[扩延加放摆补种挂\d])"),
    # "裁成9:16做手机壁纸": what the picture is for says nothing the edit needs.
    re.compile(
        r"(?:用来)?(?:做|当|作为|用作|当作)(?:手机|电脑|桌面|朋友圈|微信)?(?:壁纸|头像|封面|屏保)(?=[，,。！!？?；;\s]|$)"
    ),
)
_DOUBLED = re.compile(r"(" + _HAN + r")一\1")
# "从红色改成黑色": what it was says nothing the edit needs.
_FROM = re.compile(r"从" + _HAN + r"{1,6}?(?=改成|换成|变成|调成|改为|换为|变为)")
# "右边往外扩200像素": the side of the canvas, said as a direction ("向右") the grammar reads for extend.
_SIDE_BEFORE_EXTEND = re.compile(r"([左右上下])(?:边|侧|面|方)(?=\s*再?(?:往外|向外)?(?:扩|延伸))")
_SOFT_THEN = re.compile(r"(?<=" + _HAN + r")就" + _VERBISH)
_IF = re.compile(r"^(?:如果说|如果|假如|假设|要是|若是|倘若|如若|万一|只要|当|若)")
# "沙发上要是趴着猫", "照片要是有点糊": the place or the picture said before the 要是 belongs to the condition.
_IF_AFTER_PLACE = re.compile(
    r"(?:(?<=[上里中下边旁])|(?<=照片)|(?<=画面)|(?<=图片)|(?<=图像))(?:如果|假如|要是|若是|倘若|万一)"
)
_UNLESS = re.compile(r"^除非")
_THEN = re.compile(
    r"(?:的话|的时候)\s*(?:那么就|那么|那就|就|则)?|时\s*(?:那么就|那么|那就|就|则)|(?:那么就|那么|那就|就|则)"
)
_COND_END = re.compile(r"(?:的话|的时候|时候|时)$")
_ELSE_LEAD = re.compile(
    r"^(?:否则的话|否则|不然的话|不然|要不然|要不|反之|(?:如果|要是|假如|若)?(?:没有|不是)的话)\s*(?:那么|那就|就|则)?"
)
# "不管有没有猫，都把整体调暖": whatever the picture holds, so no condition; the 都 after it says nothing more.
_REGARDLESS = re.compile(r"^(?:不管|无论|不论)(?:是不是|有没有|是否|有无)?" + _HAN + r"{0,8}$")
_ALL_THE_SAME = re.compile(r"^(?:最后|然后|也)?(?:都|也都|全都|一律)\s*")
_VERB_NOT_TOPIC = re.compile(r"上个?色|着色")
# the piece after a topic that refers back to it: "，把他…", "，让她…", "，给它…", "，他的…"
_PRONOUN_NEXT = re.compile(r"[，,]\s*(?:再|然后|请|帮我|麻烦)?(?:把|让|给|将|使|帮|替)?(?:他|她|它)")
# the head of a long description: what follows its last 的 or measure word ("戴红帽子的滑雪的人" -> 人)
_HEAD_AFTER = re.compile(r"(?:的|[个只位台辆件条张把头匹块座棵朵盏])(?P<x>[^的个只位台辆件条张把头匹块座棵朵盏]+)$")
# "桌上那个旧台灯，…": a phrase ending in a demonstrative, a measure word and a noun points at one thing, so it
# is the topic of what follows even when some of its words have no English (a verb phrase is read before this).
_POINTED = re.compile(
    r"[这那]一?(?:个|只|台|辆|盆|张|块|件|条|位|头|棵|把|瓶|盏|幅|本|座|艘|架|匹|朵|串|双|对)[^，,]{0,11}[^，,了]$"
)  # "那个男生闭眼了" says what it does: a statement
# "没有菜单的话…；有的话…": after a condition that something is absent, its presence is the else.
_ELSE_PRESENT = re.compile(r"^(?:如果|要是|假如|若)?(?:有|有的)(?:的话|时)\s*(?:那么|那就|就|则)?")
# In a branch, "就别动了", "不用扩了": nothing to do there.
_NOTHING = re.compile(
    r"^(?:就|那就|那)?(?:别|不要|不用|不必|不需要|无需)(?:再)?(?:动|改|管|处理|调|弄|修|扩|加|变)?" + _HAN + r"?了?$|"
    r"^(?:就|那就)?(?:保持原样|维持原样|保持不变|不变|算了|就这样)$"
)
_ELSE_WHOLE = re.compile(r"^(?:如果|要是|假如|若)(?:没有|不是|不|空着|是空的)$")
_KEEP_FRAME = re.compile(
    r"^在?(?:不改变|不改动|不修改|不影响|不动|保持|保留|维持)(?P<x>.+?)(?:不变|原样)?的?(?:情况|前提|基础|条件)之?下$"
)
_EXCEPT = re.compile(
    r"^除(?:了|开|去)?(?P<x>.+?)(?:(?:以外|之外)\s*[，,]?\s*的?(?:其他|其余|其它|别的|剩下)?|(?:其他|其余|其它|别的|剩下))"
    r"的?(?:部分|地方|区域)?(?:都|全部|全都|一律)?"
)
_EXCEPT_BARE = re.compile(r"^除(?:了|开)(?P<x>.+?)外?$")
# "…，但是汽车上不要加": the step before it, but not on the car.
_NOT_HERE = (
    re.compile(
        r"^(?P<x>.+?)(?:那块|这块|那一块|那片|那部分|这部分)?(?:身上|上面|上|里面|里|中|部分|那里|那边)?(?:就|也|都)?"
        r"(?:不要|别|不用|不需要|不必|不能)再?(?:加|添加|放|弄|处理|虚化|模糊|调|下|有|上|涂|画|套)?(?:了|上)?$"
    ),
    re.compile(
        r"^(?:不要|别|不用|不需要|不必)(?:在|给|对)(?P<x>.+?)(?:上面|上|里面|里|中)?(?:加|添加|放|弄|处理|涂|画|做).*$"
    ),
    re.compile(r"^(?:不要|别)(?:加|放|添加)(?:在|到)(?P<x>.+?)(?:上面|上|里面|里|中)?$"),
    re.compile(r"^(?P<x>.+?)(?:下面|下方|上面|上方|里面|旁边|周围|附近|上|里|中)?除外$"),
    re.compile(r"^(?:不包括|不含|排除)(?P<x>.+)$"),
    # "…都换成藤椅，只有主桌那几把不换": all of them but those
    re.compile(
        r"^(?:只有|只是|就|唯独|单单)(?P<x>.+?)(?:那|这)?(?:几|一|两)?(?:个|把|张|只|辆|棵|块|件|些|盏|扇|盆)?(?:就)?"
        r"(?:不|别|不要|不用)(?:换|改|变|动|加|处理|弄|调|虚化|去掉|删)了?$"
    ),
)
_MANNER = re.compile(
    r"^(?:让(?:它|画面|照片|整体|图片)?)?(?:看起来|看上去)?(?:像|好像|仿佛|如同|宛如|有如|就像)(?P<x>.+?)"
    r"(?:一样|似的|那样|一般|的感觉|的样子)?$"
)
# "我想要一片薰衣草花田做背景": that as the background.
_AS_BACKGROUND = re.compile(r"^(?:用|拿|以)?(?P<x>.+?)来?(?:做|作为|当作|当)背景$")
# "做出暗角的感觉", "营造出复古感": the look, the vignette or the weather it names.
_LOOK = re.compile(
    r"^(?:做出|做成|营造出?|打造出?|弄出|整出|带点|带有|带一点)(?P<x>.+?)的?(?:感觉|感|效果|氛围|风格|样子|味道|调调)$"
)
# Statements that name what the next piece is about: "她的发型我很满意", "看到窗边那只花瓶了吗".
_LIKED = re.compile(r"^(?P<np>.+?)(?:我|我们)(?:很|挺|比较|非常|都|还)?(?:满意|喜欢|觉得不错|觉得挺好|觉得很好)的?$")
_SEEN = re.compile(r"^你?(?:看到|看见|注意到|发现)了?(?P<np>.+?)了?(?:吗|没有|没)?$")
# Pieces that say what the picture is for or whom the request is to: no step.
_ADDRESS = re.compile(r"^(?:亲爱的|亲|您好|你好|老师|师傅|老板|大神|宝子?|hi|hello)$", re.IGNORECASE)
_PURPOSE = re.compile(r"(?:朋友圈|小红书|微博|抖音|公众号|淘宝|店铺|网店|电商|主页)")
# "调一下色，偏绿了": a request whose direction the complaint next to it gives.
_POP_ANNOUNCE = re.compile(
    r"^(?:做|加|添加|弄|来|制作|使用|用)?(?:一个|一下|个)?(?:色彩保留|颜色保留|保留色彩|局部彩色|局部上色|局部留色|色彩点缀|"
    r"色彩突出|留色)的?(?:效果|特效)?$"
)
_COMPLAINT = re.compile(
    r"^(?P<np>.*?)(?:看起来|看上去|看着|瞧着|显得)?(?:实在是?|真是?|也)?(?P<deg>太|过于|有点儿?|有些|偏|比较|很|非常|特别)"
    r"(?P<adj>" + _HAN + r"{1,3}?)(?P<le>了|啦|啊|呀)?$"
)
_THERE_IS = re.compile(
    r"^(?P<place>[^有]*?)(?<![没所])(?:有|站着|坐着|躺着|停着|放着|挂着|摆着)(?P<np>(?!点|些|一点|一些)[^有]+?)了?$"
)
_KEEPISH = re.compile(r"保持|保留|维持|不变|原样|不要改变|不要修改|别动|不要动|不改变|别改")
_CONJ = re.compile(r"、|并且|然后|同时|接着|之后|随后|还要|另外|并(?!不)|再(?=[把将让给在加调提降])")
# "照片偏黄，调整一下白平衡": a request with no direction takes the one the complaint before it implies.
_UNDIRECTED = re.compile(
    r"^(?:调整|调节|调|修正|校正|纠正|改善|处理|修)(?:一下|个)?(?:白平衡|色温|颜色|色彩|色|亮度|曝光)?$|^调色$"
)
_EFFECT_NOUN = re.compile(r"的?(?:效果|感觉|样子)$")
# What a complaint implies: "太暗了" asks for brighter.
_FIXES: dict[str, tuple[str, int] | None] = {
    "暗": ("brightness", 1),
    "黑": ("brightness", 1),
    "亮": ("brightness", -1),
    "刺眼": ("brightness", -1),
    "白": ("brightness", -1),
    "模糊": ("sharpness", 1),
    "糊": ("sharpness", 1),
    "灰": ("saturation", 1),
    "暗淡": ("saturation", 1),
    "淡": ("saturation", 1),
    "冷": ("warmth", 1),
    "蓝": ("warmth", 1),
    "暖": ("warmth", -1),
    "黄": ("warmth", -1),
    "红": ("warmth", -1),
    "绿": ("tint", 1),
    "紫": ("tint", -1),
    "艳": ("saturation", -1),
    "鲜艳": ("saturation", -1),
    "平": ("contrast", 1),
    "平淡": ("contrast", 1),
}
# Complaints whose fix is no adjustment: "有点歪" asks to level the picture.
_CANVAS_FIXES: dict[str, tuple[str, dict[str, Any]]] = {
    "歪": ("rotate", {"auto": True}),
    "斜": ("rotate", {"auto": True}),
}
# Complaints about an object's size: "那只猫有点小" asks for it bigger.
_OBJECT_FIXES: dict[str, tuple[str, dict[str, Any]]] = {
    "小": ("scale", {"factor": 1.25}),
    "大": ("scale", {"factor": 0.8}),
}
# What a thing is or does, said to name it for the pieces after it: "后排那个男生闭眼了", "照片拍歪了".
_STATE_END = re.compile(r"了$")
_STATE_FIXES: tuple[tuple[re.Pattern[str], dict[str, Any]], ...] = (
    (re.compile(r"歪|斜"), {"auto": True}),
    (re.compile(r"倒过来|颠倒|倒了|反了|倒着"), {"degrees": 180.0}),
)
# Where someone is: "奶奶坐在中间", "小狗趴在沙发上".
_POSITIONED = re.compile(r"^(?P<np>.+?)(?:正|就)?(?:坐在|站在|躺在|趴在|靠在|蹲在|待在|停在|在)(?P<place>.+)$")
_KEPT_ONLY = re.compile(r"^只(?:留下|保留|留|剩下)(?P<x>.+)$")
_WEAK_DEGREES = frozenset({"很", "非常", "特别", "比较"})


@dataclass
class _Open:
    """A condition being read: its branches fill as the pieces after it are read."""

    cond: Cond
    start: int
    end: int
    then: list[Any] = field(default_factory=list)
    else_: list[Any] = field(default_factory=list)
    in_else: bool = False
    unless: bool = False


@dataclass(frozen=True)
class _Said:
    """A statement or complaint: it names a region and adds no step, unless no request follows it."""

    region: Region
    span: tuple[int, int]
    text: str
    fix: EditClause | None = None


@dataclass(frozen=True)
class _Undirected:
    """ "调一下色": a request whose direction a complaint next to it gives; alone, a free-form edit."""

    span: tuple[int, int]
    text: str


@dataclass(frozen=True)
class _Quality:
    """ "保留细节" beside other requests: asks the edits to be careful, keeps no pixels; alone, a free-form edit."""

    span: tuple[int, int]
    text: str


@dataclass(frozen=True)
class _Announced:
    """ "做一个色彩保留效果": the colour pop a later piece names."""

    span: tuple[int, int]
    text: str


def parse_chinese_instruction(text: str, warnings: list[str], offset: int = 0) -> list[Clause]:
    """Clauses of a Chinese (or mixed) instruction; spans index into `text` (shifted by `offset`)."""
    return _Reader(text, offset, warnings).read()


class _Reader:
    def __init__(self, text: str, offset: int, warnings: list[str]) -> None:
        self.text = text
        self.norm = _blanked(text)  # what the grammar reads
        self.offset = offset
        self.warnings = warnings
        self.parser = chinese_parser()
        self.tf = ChineseTransformer(text, offset)
        self.out: list[Any] = []
        self.stack: list[_Open] = []  # open conditions, outermost first
        self.for_else: _Open | None = None  # a condition closed by a sentence end, which an else may reopen
        self.previous: list[Any] = []  # what the piece before this one added (for "但是X上不要加")
        self.excepted: tuple[Region, int, int] | None = None  # "除了X以外，" waiting for its clause
        self.sentence_start = 0  # where the current sentence's items begin in self.out
        self.regardless = False  # the piece before said "不管…": the one after it holds in any case
        self.failure: Exception | None = None  # why the last grammar reading failed

    # ---- reading ---------------------------------------------------------------------------------
    def read(self) -> list[Clause]:
        # A long description becomes one free-form edit (planner.py); of its pieces only the keeps count.
        descriptive = long_prompts.is_descriptive(self.text, [])
        sentences = list(_spans(_SENTENCE, self.text, 0, len(self.text)))
        for start, end in sentences:
            self.sentence_start = len(self.out)
            for index, (s, e) in enumerate(_spans(_PIECE, self.text, start, end)):
                if not descriptive or _KEEPISH.search(self.norm, s, e):
                    self.piece(s, e, first=index == 0)
            self.end_sentence()
        if descriptive:
            return [c for c in self.finish() if isinstance(c, KeepClause)]
        if self.excepted is not None:  # "除了天空以外" and nothing after it
            _, start, end = self.excepted
            self.excepted = None
            self.place([self.fallback(start, end)])
        return self.finish()

    def container(self) -> list[Any]:
        if not self.stack:
            return self.out
        top = self.stack[-1]
        return top.else_ if top.in_else else top.then

    def place(self, items: list[Any]) -> None:
        if self.excepted is not None and any(isinstance(i, EditClause) for i in items):
            region = self.excepted[0]
            items = [_narrow(i, region) for i in items]
            self.excepted = None
        box = self.container()
        at = _index(box, self.previous[0]) if len(items) == 1 and _replaces_removed(self.previous, items[0]) else None
        if at is not None:
            box[at] = items[0]  # "把建筑去掉，换成大海": one replace, not a removal first
            self.previous = items
            return
        grown = _filled_extension(self.previous, items)
        if grown is not None and (at := _index(box, self.previous[0])) is not None:
            box[at] = grown  # "底部往外扩300像素，多补一点草地出来": what the new margin shows
            self.previous = [grown]
            return
        box.extend(items)
        for open_ in self.stack:  # a branch piece extends every condition it is inside
            open_.end = max([open_.end, *(_end(i) for i in items)])
        self.previous = items

    def end_sentence(self) -> None:
        if self.stack:
            top = self.stack[0]
            at = _index(self.out, top)
            if top.unless and not top.then and not top.else_ and at is not None and at > self.sentence_start:
                # "加雾，除非有人": the steps before the condition are its branch
                top.then = self.out[self.sentence_start : at]
                top.start = min([top.start, *(_start(i) for i in top.then)])
                del self.out[self.sentence_start : at]
            self.for_else = self.stack[-1]
            self.stack = []

    def piece(self, start: int, end: int, first: bool) -> None:
        start, end = self.strip(start, end)
        piece = self.norm[start:end]
        if not piece or is_filler(piece):
            return
        if _REGARDLESS.match(piece):
            self.stack, self.for_else, self.regardless = [], None, True
            return
        if self.regardless and (same := _ALL_THE_SAME.match(piece)) and same.end() < len(piece):
            start, end = self.strip(start + same.end(), end)
            piece = self.norm[start:end]
        self.regardless = False
        otherwise = _ELSE_LEAD.match(piece) or _ELSE_WHOLE.match(piece)
        open_ = self.stack[-1] if self.stack else self.for_else if first else None
        if not otherwise and open_ is not None and isinstance(open_.cond, NotCond) and not open_.in_else | open_.unless:
            otherwise = _ELSE_PRESENT.match(piece)
            if otherwise and isinstance(open_.cond.cond, Exists):  # in that branch the thing is there: "把它…"
                self.tf.last_target = open_.cond.cond.region
        if first and not self.stack:
            if otherwise and self.for_else is not None:
                self.stack = [self.for_else]  # "…；如果没有，就…": the else of the sentence before
            self.for_else = None
        if self.stack and (match := otherwise):
            top = self.stack[-1]
            top.in_else = not top.unless
            top.end = max(top.end, self.offset + end)
            start, end = self.strip(start + match.end(), end)
            if start >= end:
                return
            piece = self.norm[start:end]
        if _ADDRESS.match(piece.strip()):
            return  # "亲，…": whom the request is to
        inside = _IF_AFTER_PLACE.search(piece)
        if inside:  # "沙发上要是趴着猫": the place belongs to the condition
            self.norm = (
                self.norm[: start + inside.start()] + " " * len(inside.group()) + self.norm[start + inside.end() :]
            )
            if self.condition(start, end):
                return
        if _IF.match(piece) or _UNLESS.match(piece) or _COND_END.search(piece) or "的话" in piece:
            if self.condition(start, end):
                return
        elif _THEN.search(piece, 1) and self.condition(start, end, bare=True):
            return  # "偏暗就提曝光": a condition with no 如果
        self.body(start, end)

    def strip(self, start: int, end: int) -> tuple[int, int]:
        lead = _LEAD.match(self.norm, start, end)
        if lead:
            start = lead.end()
        tail = _TAIL.search(self.norm[start:end])
        if tail and tail.start() > 0:
            end = start + tail.start()
        while end > start and self.norm[end - 1] in " 　":
            end -= 1
        return start, end

    # ---- conditions ------------------------------------------------------------------------------
    def condition(self, start: int, end: int, bare: bool = False) -> bool:
        """A piece that opens a condition: its condition, and what follows 就 in it, if anything. `bare`: no word
        says it is one ("偏暗就提曝光"), so it is one only if what comes before 就 reads as a condition."""
        piece = self.norm[start:end]
        opener = _IF.match(piece) or _UNLESS.match(piece)
        unless = bool(_UNLESS.match(piece))
        body = start + (opener.end() if opener else 0)
        then = _THEN.search(self.norm, body + 1, end)
        cond_end = then.start() if then else end
        cond_text = self.norm[body:cond_end]
        trimmed = _COND_END.search(cond_text)
        cond = self.grammar(body, body + (trimmed.start() if trimmed else len(cond_text)), "condition")
        if bare and cond is None:
            return False
        if cond is None and then is None:
            parsed = self.grammar(start, end)  # "如果有人把背景虚化": the grammar's own conditional
            if parsed and len(parsed) == 1 and isinstance(parsed[0], IfClause):
                found = parsed[0]
                self.open(_Open(found.cond, found.span[0], found.span[1], list(found.then), list(found.else_)))
                return True
            return False
        if cond is None:
            return False
        if unless:
            cond = NotCond(cond=cond)
        self.open(_Open(cond, self.offset + start, self.offset + end, unless=unless))
        if then is not None:
            s, e = self.strip(then.end(), end)
            if s < e:
                self.body(s, e)
        return True

    def open(self, item: _Open) -> None:
        before = self.stack[0] if self.stack else self.out[-1] if self.out else None
        if isinstance(before, _Open) and not before.else_ and _opposite(before.cond, item.cond):
            before.in_else = True  # "偏暗就提曝光，不偏暗就加点对比": the second condition is the else
            before.end = max(before.end, item.end)
            self.stack = [before]
            self.previous = []
            return
        if self.stack and self.stack[-1].in_else:
            self.stack[-1].else_.append(item)  # "否则如果…": a condition inside the else
            self.stack.append(item)
        else:
            self.stack = []
            self.out.append(item)
            self.stack.append(item)
        self.previous = []

    # ---- one clause ------------------------------------------------------------------------------
    def body(self, start: int, end: int) -> None:
        piece = self.norm[start:end]
        if self.stack and _NOTHING.match(piece.strip()):
            return  # "彩色的就别动了": that branch does nothing
        side = self.side_clause(start, end)
        if side is not None:
            return
        said = self.complaint(start, end)
        before = self.previous[-1] if len(self.previous) == 1 else None
        if said is not None:
            if isinstance(before, _Undirected) and said.fix is not None:  # "调一下色，偏绿了"
                self.swap(before, dataclasses.replace(said.fix, span=(before.span[0], said.span[1])))
                return
            self.place([said])
            return
        if _UNDIRECTED.match(piece.strip()):
            if isinstance(before, _Said) and before.fix is not None:  # "照片偏黄，调整一下白平衡"
                self.swap(before, before.fix)
            else:
                self.place([_Undirected(self._span(start, end), self.text[start:end])])
            return
        self.failure = None
        parsed = self.clause_or_parts(start, end)
        if parsed is None and isinstance(self.failure, OnlyQualities):
            self.place([_Quality(self._span(start, end), self.text[start:end])])
            return
        if parsed is None and _SOFT_THEN.search(piece):  # "沙发就换成蓝色": a 就 inside a branch
            self.norm = self.norm[:start] + _SOFT_THEN.sub(" ", piece) + self.norm[end:]
            parsed = self.clause_or_parts(start, end)
        if parsed is None:
            parsed = self.phrase_clause(start, end)
        if parsed is not None:
            self.place(parsed)
            return
        for pattern in _NOT_HERE:
            match = pattern.match(piece)
            if match and self.exclude(start + match.start("x"), start + match.end("x")):
                return
        kept = _KEPT_ONLY.match(piece)  # "把杂物都去掉，只留下杯子": the removal spares the cup
        if kept and any(isinstance(i, EditClause) and i.op == "remove" for i in self.previous):
            if self.exclude(start + kept.start("x"), start + kept.end("x")):
                return
        manner = _MANNER.match(piece)
        if manner and any(isinstance(i, EditClause) for i in self.previous):
            self.warnings.append(f"{piece!r} is read as how the step before it should look; it adds no step")
            return
        said = self.existence(start, end) or self.statement(start, end) or self.named_topic(start, end)
        if said is not None:
            self.place([said])
            return
        if _PURPOSE.search(piece):
            self.warnings.append(f"{self.text[start:end]!r} says what the picture is for; it adds no step")
            return
        self.place([self.fallback(start, end)])

    def swap(self, old: Any, new: Any) -> None:
        box = self.container()
        at = _index(box, old)
        if at is not None:
            box[at] = new
        self.previous = [new]

    def phrase_clause(self, start: int, end: int) -> list[Any] | None:
        """Clauses built around a phrase rather than a verb: "一片花田做背景", "做出暗角的感觉"."""
        piece = self.norm[start:end]
        background = _AS_BACKGROUND.match(piece)
        if background:
            x = (start + background.start("x"), start + background.end("x"))
            return [self.tf.new_background(self.norm[x[0] : x[1]].strip(), self._span(start, end))]
        look = _LOOK.match(piece)
        if (
            look
            and look.group().startswith(("做出", "营造", "打造", "弄出", "整出"))
            and any(isinstance(i, EditClause) for i in self.previous)
        ):
            self.warnings.append(f"{self.text[start:end]!r} is read as what the step before it is for; it adds no step")
            return []
        if look:
            try:
                return [
                    self.tf.look(self.norm[start + look.start("x") : start + look.end("x")], self._span(start, end))
                ]
            except NotUnderstood:
                return None
        return None

    def side_clause(self, start: int, end: int) -> bool | None:
        piece = self.norm[start:end]
        keep = _KEEP_FRAME.match(piece)
        if keep:
            region = self.grammar(start + keep.start("x"), start + keep.end("x"), "np")
            if region is not None:
                try:
                    self.place(self.tf.keep_region(region, self._span(start, end), piece))
                except NotUnderstood:
                    self.place([self.fallback(start, end)])
                return True
        if piece.startswith("除"):
            match = _EXCEPT.match(piece) or (_EXCEPT_BARE.match(piece) if "以外" not in piece else None)
            if match:
                region = self.grammar(start + match.start("x"), start + match.end("x"), "np")
                if region is not None and region != ALL:
                    self.tf.named.append(region)
                    self.excepted = (region, start, end)
                    rest_start, rest_end = self.strip(start + match.end(), end)
                    if rest_start < rest_end:
                        self.body(rest_start, rest_end)
                    return True
        if _POP_ANNOUNCE.match(piece):
            self.place([_Announced(self._span(start, end), piece)])
            return True
        return None

    def complaint(self, start: int, end: int) -> _Said | None:
        """ "那只狗太暗了": the topic of what follows, and the fix it implies if nothing follows."""
        piece = self.norm[start:end]
        complaint = _COMPLAINT.match(piece)
        if complaint and (complaint.group("le") or complaint.group("deg") not in _WEAK_DEGREES):
            # "太暗了" says it of the whole picture
            region = self.grammar(start, start + complaint.end("np"), "np") if complaint.group("np") else ALL
            adj = complaint.group("adj")
            known = adj in _FIXES or adj in _CANVAS_FIXES or (adj in _OBJECT_FIXES and region not in (None, ALL))
            if region is not None and (known or complaint.group("le") or self._other_complaint(region, start, end)):
                # any complaint about a thing named whole makes it the topic ("这碗拉面看着有点凉")
                fix = _FIXES.get(adj)
                step = None
                if fix is not None:
                    args = {"property": fix[0], "amount": round(lex.BASE_ADJUST * fix[1], 4)}
                    step = EditClause("adjust", region, args, self._span(start, end))
                elif adj in _CANVAS_FIXES:  # "图片有点歪": level it
                    op, canvas_args = _CANVAS_FIXES[adj]
                    step = EditClause(op, ALL, canvas_args, self._span(start, end), explicit_target=False)
                elif adj in _OBJECT_FIXES and region != ALL:  # "那只猫有点小": make it bigger
                    op, object_args = _OBJECT_FIXES[adj]
                    step = EditClause(op, region, object_args, self._span(start, end))
                self.tf.last_target = region
                self.tf.topics.append(region)
                if region != ALL:
                    self.tf.selection = region
                return _Said(region, self._span(start, end), piece, step)
        return None

    def _other_complaint(self, region: Region, start: int, end: int) -> bool:
        """A complaint with no fix of its own ("这碗拉面看着有点凉"): about a thing named whole, in a piece the
        grammar cannot read as a request ("把太阳去掉" holds a 太 too)."""
        if region == ALL or not self._named_whole(region):
            return False
        state = self.tf.state()
        readable = self.grammar(start, end) is not None
        self.tf.restore(state)
        return not readable

    def _named_whole(self, region: Region) -> bool:
        """Whether a region is the picture or a thing the lexicon translates whole (no verb read as a noun)."""
        if region == ALL:
            return True
        if not isinstance(region, PhraseRegion):
            return False
        if region.source is None or re.search(_HAN, region.text):  # kept as written: no whole translation
            return False
        result = translate(region.source, articles=False)
        return not result.clause and set(result.categories) != {"article"}

    def _topic(self, region: Region, start: int, end: int, fix: EditClause | None = None) -> _Said:
        self.tf.last_target = region
        called_him = re.match(r"[，,]\s*\S{0,4}?[他她]", self.norm[end:]) is not None  # "那个背包客，把他P掉"
        if isinstance(region, PhraseRegion) and (region.text.split()[-1] in lex.PERSON_NOUNS or called_him):
            self.tf.last_person = region.text
        self.tf.topics.append(region)
        return _Said(region, self._span(start, end), self.text[start:end], fix)

    def statement(self, start: int, end: int) -> _Said | None:
        """ "后排那个男生闭眼了", "照片拍歪了", "奶奶坐在中间": what a thing is, does or where it is; no step
        while a request follows (the fix it implies when none does: "照片拍歪了" levels the picture)."""
        piece = self.norm[start:end]
        if _STATE_END.search(piece):
            body = len(piece) - 1
            for cut in range(body - 1, max(0, body - 6), -1):  # the shortest predicate first
                region = self.grammar(start, start + cut, "np")
                if region is None or not self._named_whole(region):
                    continue
                predicate = piece[cut:body]
                if re.search(r"[这那]", predicate):  # "客厅那幅挂画歪了": the thing is longer than 客厅
                    continue
                fix = None
                for pattern, args in _STATE_FIXES:
                    if region == ALL and pattern.search(predicate):
                        fix = EditClause("rotate", ALL, dict(args), self._span(start, end), explicit_target=False)
                return self._topic(region, start, end, fix)
        positioned = _POSITIONED.match(piece)
        if positioned:
            region = self.grammar(start, start + positioned.end("np"), "np")
            if region is not None and region != ALL and self._named_whole(region):
                return self._topic(region, start, end)
        return None

    def existence(self, start: int, end: int) -> _Said | None:
        """ "门口有一辆自行车", "她的发型我很满意", "看到窗边那只花瓶了吗": what "它" means next; no step."""
        piece = self.norm[start:end]
        for pattern in (_LIKED, _SEEN):
            match = pattern.match(piece)
            region = self.grammar(start + match.start("np"), start + match.end("np"), "np") if match else None
            if region is not None and region != ALL:
                return self._topic(region, start, end)
        latin = re.findall(r"[A-Za-z]+", piece)
        if len(latin) > 1 or (latin and len(re.findall(_HAN, piece)) < 2):
            return None  # English words are no topic; a Chinese phrase with one model name ("那辆SUV") may be
        # "照片里的新郎，…": a topic for the pieces after it; "上色" is a verb the dictionary reads as a noun
        region = None if _VERB_NOT_TOPIC.search(piece) else self.grammar(start, end, "np")
        if isinstance(region, PhraseRegion) and (
            translate(region.source or region.text, articles=False).complete
            or _POINTED.search(self.text[start:end].strip())
        ):
            return self._topic(region, start, end)
        there = _THERE_IS.match(piece)
        if there and not piece.startswith(("没", "有点", "有些")) and self._a_place(start, start + there.end("place")):
            region = self.grammar(start + there.start("np"), start + there.end("np"), "np")
            if region is not None and region != ALL:
                return self._topic(region, start, end)
        return None

    def named_topic(self, start: int, end: int) -> _Said | None:
        named = self._named_before_pronoun(start, end)
        if named is None:
            return None
        return self._topic(named, start, end)

    def _named_before_pronoun(self, start: int, end: int) -> Region | None:
        """ "那个戴红帽子的滑雪的人，把他移到中间", "前排正中间的小朋友，让他睁眼": a thing named alone, that the
        next piece calls 他/她/它, is what that piece is about. Its whole description may be more than the grammar
        reads; then its head (the words after the last 的 or measure word) names it."""
        after = self.norm[end:]
        stop = _SENTENCE.search(after)
        following = after[: stop.start()] if stop else after
        piece = self.norm[start:end]
        if not _PRONOUN_NEXT.match(following) or _VERB_NOT_TOPIC.search(piece) or re.search(r"[A-Za-z]", piece):
            return None
        region = self.grammar(start, end, "np")
        if region is None:
            head = _HEAD_AFTER.search(piece)
            if head is not None and head.start("x") > 0:
                region = self.grammar(start + head.start("x"), end, "np")
        return region if isinstance(region, PhraseRegion) else None

    def _a_place(self, start: int, end: int) -> bool:
        """Whether text[start:end] says where (nothing, "门口", "桌子上"), not a verb: "去掉所有的…" is no statement."""
        while end > start and self.norm[end - 1] in "里上中下边旁前后内外":
            end -= 1
        return start >= end or self.grammar(start, end, "np") is not None

    def exclude(self, start: int, end: int) -> bool:
        """ "但是汽车上不要加": the clauses of the piece before, but not on the car."""
        edits = [i for i in self.previous if isinstance(i, EditClause)]
        if not edits:
            return False
        region = self.grammar(start, end, "np")
        if region is None or region == ALL:
            return False
        box = self.container()
        for item in edits:
            at = _index(box, item)
            if at is not None:
                box[at] = _narrow(item, region)
        self.previous = [box[i] if (i := _index(box, p)) is not None else p for p in self.previous]
        return True

    def clause_or_parts(self, start: int, end: int) -> list[Any] | None:
        """The grammar on the piece; then with 、 as 和; then without a trailing 效果; then its parts."""
        parsed = self.grammar(start, end)
        if parsed is None and "、" in self.norm[start:end]:
            parsed = self.grammar(start, end, listed=True)
        if parsed is None and (effect := _EFFECT_NOUN.search(self.norm, start, end)) and effect.start() > start:
            parsed = self.grammar(start, effect.start())
        if parsed is not None:
            return parsed
        parts = list(_spans(_CONJ, self.norm, start, end))
        if len(parts) > 1:
            out: list[Any] = []
            pending: tuple[int, int] | None = None
            for s, e in parts:
                s, e = self.strip(s, e)
                self.failure = None
                got = [] if s >= e or is_filler(self.norm[s:e]) else self.grammar(s, e)
                if got is None and isinstance(self.failure, OnlyQualities):  # "高清放大并保留细节"
                    self.warnings.append(f"{self.text[s:e]!r} names qualities of the picture; it keeps no region")
                    got = []
                if got is None:
                    pending = (pending[0], e) if pending else (s, e)
                    continue
                if pending:
                    out.append(self.fallback(*pending))
                    pending = None
                out.extend(got)
            if pending:
                if not out:
                    return None
                out.append(self.fallback(*pending))
            return out
        return None

    def grammar(self, start: int, end: int, symbol: str = "instruction", listed: bool = False) -> Any:
        """One parse of text[start:end] from `symbol`, or None; a failed parse leaves the context as it was."""
        piece = self.norm[start:end]
        if listed:
            piece = piece.replace("、", "和")
        state = self.tf.state()
        try:
            read = self.tf.read(self.parser, piece, self.offset + start, symbol)
            if isinstance(read, list):  # a free-form edit holds the words as written, not the grammar's copy
                read = [self._as_written(c) for c in read]
            return read
        except UnexpectedInput:
            self.tf.restore(state)
            return None
        except VisitError as exc:
            if not isinstance(exc.orig_exc, NotUnderstood):
                raise
            self.tf.restore(state)
            self.failure = exc.orig_exc
            return None

    def _as_written(self, clause: Any) -> Any:
        if isinstance(clause, EditClause) and clause.op == "edit":
            start, end = (clause.span[0] - self.offset, clause.span[1] - self.offset)
            return dataclasses.replace(clause, args={**clause.args, "instruction": self.text[start:end]})
        return clause

    def fallback(self, start: int, end: int) -> FallbackClause:
        it = self.tf.it() if self.tf.last_target is not None else None
        targeted = targeted_edit(self.text[start:end], self.offset + start, it, self.tf.last_person)
        if targeted:
            return targeted[0]
        # "这辆车太脏了，帮它洗干净": the topic of a complaint is what the free-form edit is for
        return FallbackClause(self.text[start:end], self._span(start, end), target=self.tf.selection)

    def _span(self, start: int, end: int) -> tuple[int, int]:
        return (self.offset + start, self.offset + end)

    # ---- assembly --------------------------------------------------------------------------------
    def finish(self) -> list[Clause]:
        for kept in [i for i in _flatten(self.out) if isinstance(i, ColorKept)]:
            self.color_kept(kept)
        flat = _flatten(self.out)
        items = [self.resolve(i, flat) for i in self.out]
        clauses = [c for c in items if c is not None]
        self.warnings.extend(self.tf.warnings)
        try:
            return self.tf.finish(clauses)
        except NotUnderstood:  # "其余部分虚化" with nothing named anywhere
            return [_rest_fallback(c, self.text, self.offset) for c in clauses]

    def resolve(self, item: Any, flat: list[Any]) -> Clause | None:
        if item is None:
            return None
        if isinstance(item, _Open):
            then = [c for c in (self.resolve(i, flat) for i in item.then) if c is not None]
            other = [c for c in (self.resolve(i, flat) for i in item.else_) if c is not None]
            return IfClause(item.cond, then, other, (item.start, max(item.end, item.start)))
        if isinstance(item, _Said):
            later = [
                i for i in flat[(_index(flat, item) or 0) + 1 :] if isinstance(i, (EditClause, FallbackClause, _Open))
            ]
            if later and (item.fix is None or any(_addresses(i, item) for i in later)):
                return None  # "那只狗太暗了，把它调亮一点": the request says what to do
            # "天空太暗了，把背景虚化": the complaint asks its own fix, which no request after it gives
            if item.fix is not None:
                return item.fix
            return FallbackClause(item.text, item.span, target=item.region)
        if isinstance(item, _Quality):
            if any(isinstance(i, (EditClause, FallbackClause, _Open, KeepClause)) for i in flat):
                self.warnings.append(f"{item.text!r} names qualities of the picture; it keeps no region")
                return None
            return FallbackClause(item.text, item.span)
        if isinstance(item, _Undirected):
            return FallbackClause(item.text, item.span)
        if isinstance(item, _Announced):
            popped = any(
                isinstance(i, EditClause) and i.op == "restyle" and isinstance(i.target, NotRegion) for i in flat
            )
            return None if popped else FallbackClause(item.text, item.span)
        if isinstance(item, ColorKept):  # nothing greyed before it: the region is kept as it is
            return KeepClause(item.region, item.span)
        if isinstance(item, OnlyKept):
            later = flat[(_index(flat, item) or 0) + 1 :]
            popped = any(
                isinstance(i, EditClause)
                and i.op == "restyle"
                and isinstance(i.target, NotRegion)
                and item.region in _members(i.target.region)
                for i in later
            )
            return None if popped else KeepClause(item.region, item.span)  # "只保留X，其他都变成黑白": a colour pop
        return item

    def color_kept(self, item: ColorKept) -> None:
        """ "把照片调成黑白，人物保留彩色": the greying before it spares the person; no keep."""
        flat = _flatten(self.out)
        before = flat[: _index(flat, item)]
        grey = next((i for i in reversed(before) if isinstance(i, EditClause) and i.op == "restyle"), None)
        if grey is not None:
            _replace(self.out, grey, _narrow(grey, item.region))
            _replace(self.out, item, None)


def _addresses(step: Any, said: _Said) -> bool:
    """Whether a request after a complaint may be its fix: one on the same thing, or of the same kind."""
    if not isinstance(step, EditClause) or said.fix is None:
        return True  # a free-form edit or a condition may be what the complaint asks for
    if step.target == said.region or said.region in _members(step.target):
        return True
    if step.op != said.fix.op:
        return False
    return step.op != "adjust" or step.args.get("property") == said.fix.args.get("property")


def _filled_extension(previous: list[Any], items: list[Any]) -> EditClause | None:
    """An extend and then an add on the whole picture: the add says what the new margin shows."""
    if len(previous) != 1 or len(items) != 1:
        return None
    extend, add = previous[0], items[0]
    if not (isinstance(extend, EditClause) and extend.op == "extend" and isinstance(add, EditClause)):
        return None
    if add.op != "add" or add.target != ALL or extend.args.get("prompt"):
        return None
    prompt = sem.strip_article(str(add.args["prompt"]))
    return EditClause("extend", ALL, {**extend.args, "prompt": prompt}, (extend.span[0], add.span[1]))


def _replaces_removed(previous: list[Any], item: Any) -> bool:
    return (
        len(previous) == 1
        and isinstance(previous[0], EditClause)
        and previous[0].op == "remove"
        and isinstance(item, EditClause)
        and item.op == "replace"
        and item.target == previous[0].target
    )


_OPPOSITE_SHAPES = frozenset({"portrait", "landscape"})


def _opposite(a: Cond, b: Cond) -> bool:
    if isinstance(a, ImageIs) and isinstance(b, ImageIs):  # "竖图…；横图…": one of two shapes
        return a.property != b.property and {a.property, b.property} <= _OPPOSITE_SHAPES
    return (isinstance(b, NotCond) and b.cond == a) or (isinstance(a, NotCond) and a.cond == b)


def _members(region: Region) -> tuple[Region, ...]:
    return region.regions if isinstance(region, UnionRegion) else (region,)


def _index(items: list[Any], wanted: Any) -> int | None:
    return next((i for i, item in enumerate(items) if item is wanted), None)


def _end(item: Any) -> int:
    return item.end if isinstance(item, _Open) else item.span[1]


def _start(item: Any) -> int:
    return item.start if isinstance(item, _Open) else item.span[0]


def _blanked(text: str) -> str:
    """The text the grammar reads: words that carry nothing for it blanked out, at the same positions."""
    out = _DOUBLED.sub(lambda m: m.group(1) + "  ", text)
    out = _SIDE_BEFORE_EXTEND.sub(lambda m: "向" + m.group(1), out)
    out = _FROM.sub(lambda m: " " * len(m.group()), out)
    for pattern in _BLANKS:
        out = pattern.sub(lambda m: " " * len(m.group()), out)
    return out


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for match in pattern.finditer(text, start, end):
        if match.start() > pos:
            out.append((pos, match.start()))
        pos = match.end()
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _flatten(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        out.append(item)
        if isinstance(item, _Open):
            out.extend(_flatten(item.then))
            out.extend(_flatten(item.else_))
    return out


def _replace(items: list[Any], old: Any, new: Any) -> bool:
    for index, item in enumerate(items):
        if item is old:
            items[index] = new
            return True
        if isinstance(item, _Open) and (_replace(item.then, old, new) or _replace(item.else_, old, new)):
            return True
    return False


def _narrow(item: Any, excluded: Region) -> Any:
    """The clause with `excluded` taken out of its target (a canvas op or a keep stays as it is)."""
    if not isinstance(item, EditClause) or item.op in ("crop", "rotate", "flip", "resize", "extend", "upscale"):
        return item
    target = item.target
    if isinstance(target, NotRegion):
        inner = target.region
        members = inner.regions if isinstance(inner, UnionRegion) else (inner,)
        if excluded in members:
            return item
        region: Region = NotRegion(region=UnionRegion(regions=(*members, excluded)))
    elif isinstance(target, MinusRegion) and target.exclude == excluded:
        return item
    else:
        region = sem.without(target, excluded)
    return EditClause(item.op, region, item.args, item.span, item.fallback, item.explicit_target)


def _rest_fallback(clause: Clause, text: str, offset: int) -> Clause:
    """A clause whose "其余" names nothing: a free-form fallback of its words."""
    if isinstance(clause, EditClause) and isinstance(clause.target, NotRegion):
        inner = clause.target.region
        if getattr(inner, "text", None) == "\x00rest":
            start, end = clause.span
            return FallbackClause(text[start - offset : end - offset], clause.span)
    return clause
