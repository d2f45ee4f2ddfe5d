"""The English vocabulary of the frame planner: verbs and the frame each one opens, their inflections,
multiword expressions, and the word classes complements and noun phrases are read with.

Values shared with other parts of the planner (degrees, comparatives, property nouns, colours, styles,
effects) stay in `editree.planner.lexicon_en`; this module adds what the clause reader needs. The frame
parser decides structure; these tables decide meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from editree.planner import lexicon_en as lex


@dataclass(frozen=True)
class Verb:
    """One sense of a verb: the frame it opens and what that frame needs to know."""

    frame: str
    """adjust | amount | make | turn | change | replace | remove | add | give | recolor | restyle | apply |
    blur | enhance | crop | rotate | flip | resize | extend | straighten | keep | select | zoom | move"""
    prop: str | None = None
    """adjust: the property the verb itself names ("brighten" -> brightness)."""
    sign: int = 0
    """adjust/amount: +1 or -1; 0 when the verb gives no direction ("adjust the contrast")."""
    kind: str | None = None
    """enhance: denoise | dehaze | deblur | auto; blur: "soft" for a light blur."""
    particles: frozenset[str] = frozenset()
    """Particles the verb needs ("take out", "edit out"); they may follow the object ("take the car out")."""
    needs_particle: bool = False


def _v(frame: str, **kw: object) -> Verb:
    particles = kw.pop("particles", ())
    return Verb(frame, particles=frozenset(particles), **kw)  # type: ignore[arg-type]


# Lemma -> sense. Multiword verbs ("get rid of", "warm up") are PHRASES below and map here by their canonical form.
VERBS: dict[str, Verb] = {
    # Adjustments that name their property.
    "brighten": _v("adjust", prop="brightness", sign=1),
    "brighten up": _v("adjust", prop="brightness", sign=1),
    "bright up": _v("adjust", prop="brightness", sign=1),
    "lighten": _v("adjust", prop="brightness", sign=1),
    "lighten up": _v("adjust", prop="brightness", sign=1),
    "light up": _v("adjust", prop="brightness", sign=1),
    "illuminate": _v("adjust", prop="brightness", sign=1),
    "darken": _v("adjust", prop="brightness", sign=-1),
    "dim": _v("adjust", prop="brightness", sign=-1),
    "saturate": _v("adjust", prop="saturation", sign=1),
    "desaturate": _v("adjust", prop="saturation", sign=-1),
    "enrich": _v("adjust", prop="saturation", sign=1),
    "sharpen": _v("adjust", prop="sharpness", sign=1),
    "sharpen up": _v("adjust", prop="sharpness", sign=1),
    "crisp up": _v("adjust", prop="sharpness", sign=1),
    "clarify": _v("adjust", prop="sharpness", sign=1),
    "warm": _v("adjust", prop="warmth", sign=1),
    "warm up": _v("adjust", prop="warmth", sign=1),
    "warmen": _v("adjust", prop="warmth", sign=1),
    "warmen up": _v("adjust", prop="warmth", sign=1),
    "cool": _v("adjust", prop="warmth", sign=-1),
    "cool down": _v("adjust", prop="warmth", sign=-1),
    "cool off": _v("adjust", prop="warmth", sign=-1),
    "overexpose": _v("adjust", prop="exposure", sign=1),
    "underexpose": _v("adjust", prop="exposure", sign=-1),
    "expose": _v("adjust", prop="exposure", sign=1),
    "punch up": _v("adjust", prop="contrast", sign=1),
    "whiten": _v("adjust", prop="brightness", sign=1, kind="white"),
    "blacken": _v("recolor", kind="black"),
    "dodge": _v("adjust", prop="brightness", sign=1),
    "burn": _v("adjust", prop="brightness", sign=-1),
    "burn in": _v("adjust", prop="brightness", sign=-1),
    "crush": _v("amount", sign=-1),
    "pull": _v("amount"),
    "open up": _v("amount", sign=1),
    "recover": _v("amount", sign=-1),
    "knock": _v("amount", sign=-1, particles=("off", "down"), needs_particle=True),
    "nudge": _v("move"),
    "park": _v("move"),
    "double": _v("multiply", sign=2),
    "triple": _v("multiply", sign=3),
    "halve": _v("multiply", sign=-2),
    "let": _v("let"),
    "fade": _v("fade"),
    "lay": _v("add"),
    "lay out": _v("add"),
    "pop": _v("add"),
    "plonk": _v("add"),
    "perch": _v("add"),
    "prop": _v("add"),
    "dot": _v("add"),
    "bin": _v("remove"),
    "scrub": _v("remove", particles=("out", "away", "off")),
    "scrub out": _v("remove"),
    "rub out": _v("remove"),
    "nix": _v("remove"),
    "zap": _v("remove"),
    "axe": _v("remove"),
    "chuck out": _v("remove"),
    "wrap": _v("add"),
    "cover": _v("add"),
    "blanket": _v("add"),
    "shroud": _v("add"),
    "bathe": _v("add"),
    "drench": _v("add"),
    "envelop": _v("add"),
    "bring": _v("move"),
    "hang": _v("add"),
    "string": _v("add"),
    "drape": _v("add"),
    "tie": _v("add"),
    "strap": _v("add"),
    "fasten": _v("add"),
    "mount": _v("add"),
    "pin": _v("add"),
    "seat": _v("add"),
    "clean out": _v("remove"),
    "ditch": _v("remove"),
    "neutralise": _v("remove"),
    "neutralize": _v("remove"),
    "counteract": _v("remove"),
    "cancel out": _v("remove"),
    "repair": _v("remove"),
    "mend": _v("remove"),
    "colorize": _v("freeform"),
    "colourise": _v("freeform"),
    "colorise": _v("freeform"),
    "colourize": _v("freeform"),
    "switch on": _v("freeform"),
    "iron": _v("freeform"),
    "iron out": _v("freeform"),
    "carve": _v("freeform"),
    "engrave": _v("freeform"),
    "etch": _v("freeform"),
    "embroider": _v("freeform"),
    "wax": _v("freeform"),
    "fold": _v("freeform"),
    "untangle": _v("freeform"),
    "comb": _v("freeform"),
    "tidy": _v("freeform"),
    "tidy up": _v("freeform"),
    "switch off": _v("freeform"),
    "turn on": _v("freeform"),
    "turn off": _v("freeform"),
    "age": _v("freeform"),
    "de-age": _v("freeform"),
    "animate": _v("freeform"),
    # Verbs that raise or lower a property named after them ("increase the contrast").
    **{
        w: _v("amount", sign=1)
        for w in (
            "increase",
            "raise",
            "boost",
            "bump up",
            "bump",
            "crank up",
            "crank",
            "turn up",
            "push",
            "push up",
            "amplify",
            "intensify",
            "heighten",
            "up",
            "bring up",
            "bring out",
            "lift",
            "maximize",
            "maximise",
            "strengthen",
            "deepen",
            "elevate",
            "dial up",
            "accentuate",
            "emphasize",
            "emphasise",
            "pump up",
            "juice up",
        )
    },
    **{
        w: _v("amount", sign=-1)
        for w in (
            "decrease",
            "lower",
            "reduce",
            "cut",
            "cut down",
            "turn down",
            "tone down",
            "drop",
            "lessen",
            "diminish",
            "pull down",
            "pull back",
            "weaken",
            "minimize",
            "minimise",
            "bring down",
            "dial down",
            "dial back",
            "take down",
            "subtract",
            "tame",
            "mute",
            "soften",
            "suppress",
            "dull",
            "tone",
            "knock down",
            "ease",
            "ease off",
            "back off",
        )
    },
    **{w: _v("amount") for w in ("adjust", "tweak", "modify", "balance", "play with", "fine tune", "fine-tune")},
    "correct": _v("enhance", kind="auto"),
    "fix": _v("enhance", kind="auto"),
    "fix up": _v("enhance", kind="auto"),
    # Causatives and changes.
    "make": _v("make"),
    "render": _v("make"),
    "get": _v("make"),
    "set": _v("make"),
    "have": _v("make"),
    "turn": _v("turn"),
    "change": _v("change"),
    "transform": _v("change"),
    "convert": _v("change"),
    "switch": _v("change"),
    "alter": _v("change"),
    **{w: _v("change") for w in ("redesign", "refashion", "revise", "rework", "redo", "reimagine")},
    **{w: _v("change") for w in ("re-imagine", "customize", "customise", "adapt")},
    "morph": _v("change"),
    "transfer": _v("change"),
    "zoom in": _v("zoom"),
    "un-blur": _v("enhance", kind="deblur"),
    "extract": _v("select"),
    "transport": _v("change"),
    "shift": _v("move"),
    "move": _v("move"),
    "relocate": _v("move"),
    "reposition": _v("move"),
    "drag": _v("move"),
    "slide": _v("move"),
    "upsample": _v("resize", sign=1),
    "super-resolve": _v("upscale"),
    "upres": _v("upscale"),
    "update": _v("change"),
    "edit": _v("change"),
    "replace": _v("replace"),
    "swap": _v("replace"),
    "swap out": _v("replace"),
    "switch out": _v("replace"),
    "exchange": _v("replace"),
    "substitute": _v("replace"),
    "trade": _v("replace"),
    "fill": _v("replace"),
    "fill in": _v("replace"),
    # Removal.
    "remove": _v("remove"),
    "delete": _v("remove"),
    "erase": _v("remove"),
    "eliminate": _v("remove"),
    "eradicate": _v("remove"),
    "expunge": _v("remove"),
    "banish": _v("remove"),
    "dispel": _v("remove"),
    "purge": _v("remove"),
    "obliterate": _v("remove"),
    "efface": _v("remove"),
    "excise": _v("remove"),
    "rid": _v("remove"),  # "rid the photo of the cables"
    "do away with": _v("remove"),
    "dispose of": _v("remove"),
    "blot out": _v("remove"),
    "get rid of": _v("remove"),
    "clear": _v("remove"),
    "clear out": _v("remove"),
    "clear away": _v("remove"),
    "wipe": _v("remove"),
    "wipe out": _v("remove"),
    "wipe away": _v("remove"),
    "strip": _v("remove"),
    "cut out": _v("remove"),
    "strip away": _v("remove"),
    "hide": _v("remove"),
    "lose": _v("remove"),
    "take": _v("remove", particles=("out", "away", "off"), needs_particle=True),
    "take out": _v("remove"),
    "take away": _v("remove"),
    "take off": _v("remove"),
    "edit out": _v("remove"),
    "photoshop": _v("remove", particles=("out", "away", "off"), needs_particle=True),
    "ps": _v("remove", particles=("out",), needs_particle=True),
    "airbrush": _v("remove", particles=("out", "away", "off")),
    "clone": _v("remove", particles=("out", "away"), needs_particle=True),
    "crop out": _v("remove"),
    "inpaint": _v("remove"),
    # Adding.
    "add": _v("add"),
    "include": _v("add"),
    "insert": _v("add"),
    "put": _v("add"),
    "place": _v("add"),
    "draw": _v("add"),
    "introduce": _v("add"),
    "bring in": _v("add"),
    "embed": _v("add"),
    "integrate": _v("add"),
    "nestle": _v("add"),
    **{w: _v("add") for w in ("decorate", "adorn", "garnish", "grace")},  # "decorate the cake with candles"
    "throw in": _v("add"),
    "put in": _v("add"),
    "stick": _v("add"),
    "attach": _v("add"),
    "position": _v("add"),
    "plant": _v("add"),
    "create": _v("add"),
    "generate": _v("add"),
    "incorporate": _v("add"),
    "overlay": _v("add"),
    "superimpose": _v("add"),
    "sprinkle": _v("add"),
    "throw": _v("add"),
    "toss": _v("add"),
    "see": _v("select"),
    "look at": _v("select"),
    "notice": _v("select"),
    "focus on": _v("select"),
    "zoom in on": _v("zoom"),
    "scatter": _v("add"),
    "paste": _v("add"),
    "depict": _v("add"),
    "give": _v("give"),
    "dress": _v("give"),
    # Colour and style.
    "recolor": _v("recolor"),
    "recolour": _v("recolor"),
    "color": _v("recolor"),
    "colour": _v("recolor"),
    "paint": _v("recolor"),
    "dye": _v("recolor"),
    "tint": _v("recolor"),
    "restyle": _v("restyle"),
    "stylize": _v("restyle"),
    "stylise": _v("restyle"),
    "redraw": _v("restyle"),
    "rerender": _v("restyle"),
    "re-render": _v("restyle"),
    "repaint": _v("repaint"),
    "reimagine": _v("restyle"),
    "recreate": _v("restyle"),
    "apply": _v("apply"),
    "use": _v("apply"),
    "grayscale": _v("restyle", kind="black and white"),
    "greyscale": _v("restyle", kind="black and white"),
    "desaturate fully": _v("restyle", kind="black and white"),
    # Blur and enhancement.
    "blur": _v("blur"),
    "blurr": _v("blur"),
    "blur out": _v("blur"),
    "defocus": _v("blur"),
    "bokeh": _v("blur"),
    "smooth": _v("blur", kind="soft"),
    "smoothen": _v("blur", kind="soft"),
    "smooth out": _v("blur", kind="soft"),
    "enhance": _v("enhance", kind="auto"),
    "improve": _v("enhance", kind="auto"),
    "touch up": _v("enhance", kind="auto"),
    "retouch": _v("enhance", kind="auto"),
    "polish": _v("enhance", kind="auto"),
    "clean up": _v("enhance", kind="auto"),
    "restore": _v("enhance", kind="auto"),
    "refine": _v("enhance", kind="auto"),
    "beautify": _v("enhance", kind="auto"),
    "perfect": _v("enhance", kind="auto"),
    "upgrade": _v("enhance", kind="auto"),
    "auto enhance": _v("enhance", kind="auto"),
    "auto-enhance": _v("enhance", kind="auto"),
    "sort out": _v("enhance", kind="auto"),
    "denoise": _v("enhance", kind="denoise"),
    "de-noise": _v("enhance", kind="denoise"),
    "dehaze": _v("enhance", kind="dehaze"),
    "de-haze": _v("enhance", kind="dehaze"),
    "deblur": _v("enhance", kind="deblur"),
    "de-blur": _v("enhance", kind="deblur"),
    "unblur": _v("enhance", kind="deblur"),
    # Canvas.
    "crop": _v("crop"),
    "trim": _v("crop"),
    "rotate": _v("rotate"),
    "spin": _v("rotate"),
    "tilt": _v("rotate"),
    "flip": _v("flip"),
    "mirror": _v("flip"),
    "reflect": _v("flip"),
    "resize": _v("resize"),
    "scale": _v("resize"),
    "scale up": _v("resize", sign=1),
    "scale down": _v("resize", sign=-1),
    "upscale": _v("resize", sign=1),
    "downscale": _v("resize", sign=-1),
    "enlarge": _v("resize", sign=1),
    "shrink": _v("resize", sign=-1),
    "downsize": _v("resize", sign=-1),
    "upsize": _v("resize", sign=1),
    "extend": _v("extend"),
    "expand": _v("extend"),
    "outpaint": _v("extend"),
    "widen": _v("extend"),
    "center": _v("move"),
    "centre": _v("move"),
    "pad": _v("extend", particles=("out",)),
    "uncrop": _v("extend"),
    "zoom out": _v("extend"),
    "straighten": _v("straighten"),
    "straighten out": _v("straighten"),
    "level": _v("straighten"),
    "level out": _v("straighten"),
    "deskew": _v("straighten"),
    "de-skew": _v("straighten"),
    # Constraints and selections.
    "keep": _v("keep"),
    "leave": _v("keep"),
    "preserve": _v("keep"),
    "protect": _v("keep"),
    "maintain": _v("keep"),
    "retain": _v("keep"),
    "conserve": _v("keep"),
    "save": _v("keep"),
    "select": _v("select"),
    "lasso": _v("select"),
    "outline": _v("select"),
    "circle": _v("select"),
    "choose": _v("select"),
    "pick": _v("select"),
    "grab": _v("select"),
    "isolate": _v("select"),
    "mask": _v("select"),
    "segment": _v("select"),
    "detect": _v("select"),
    "find": _v("select"),
    "identify": _v("select"),
    "locate": _v("select"),
}

# Words that are nouns or adjectives as often as verbs: a verb only where an object follows ("color the sky",
# not "increase the contrast and color"; "warm the photo", not "make it bright and warm").
AMBIGUOUS_VERBS = frozenset(
    """
light color colour paint tint dye crop mirror flip pop dot cover blanket prop bin lay
cut set clear fix level tone blur warm cool dim smooth save
mask use drop lift strip hide lose find spin tilt shift trade stick plant position scale up detect select place
draw plant edit have get expose perfect polish balance frame bump push lower double
""".split()
)

# Irregular or doubled inflections; regular ones are generated ("brighten" -> "brightened", "brightening").
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "make": ("made", "making", "makes"),
    "put": ("putting", "puts"),
    "tie": ("tied", "tying", "ties"),
    "take": ("took", "taken", "taking", "takes"),
    "give": ("gave", "given", "giving", "gives"),
    "get": ("got", "gotten", "getting", "gets"),
    "set": ("setting", "sets"),
    "cut": ("cutting", "cuts"),
    "keep": ("kept", "keeping", "keeps"),
    "leave": ("leaving", "leaves"),
    "bring": ("brought", "bringing", "brings"),
    "throw": ("threw", "thrown", "throwing", "throws"),
    "draw": ("drew", "drawn", "drawing", "draws"),
    "shrink": ("shrank", "shrunk", "shrinking", "shrinks"),
    "spin": ("spun", "spinning", "spins"),
    "lose": ("lost", "losing", "loses"),
    "choose": ("chose", "chosen", "choosing", "chooses"),
    "hide": ("hid", "hidden", "hiding", "hides"),
    "stick": ("stuck", "sticking", "sticks"),
    "have": ("had", "having", "has"),
    "find": ("found", "finding", "finds"),
    "dye": ("dyed", "dyeing", "dyes"),
    "up": ("upped", "upping", "ups"),
    "lay": ("laid", "laying", "lays"),
    "bin": ("binned", "binning", "bins"),
    "pop": ("popped", "popping", "pops"),
    "zap": ("zapped", "zapping", "zaps"),
    "nix": ("nixed", "nixing", "nixes"),
    "prop": ("propped", "propping", "props"),
    "dot": ("dotted", "dotting", "dots"),
    "let": ("letting", "lets"),
    "park": ("parked", "parks"),  # no "parking": a parking sign, a parking lot
}
_DOUBLE_FINAL = frozenset({"blur", "blurr", "crop", "dim", "flip", "swap", "drop", "strip", "trim", "plan"})


def _inflections(lemma: str) -> set[str]:
    """Regular -s/-ed/-ing forms of the first word of a verb phrase ("warm up" -> "warmed up")."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms: set[str] = set(_IRREGULAR.get(head, ()))
    if head not in _IRREGULAR:
        if head in _DOUBLE_FINAL:
            stem = head + head[-1]
            forms |= {stem + "ed", stem + "ing", head + "s"}
        elif head.endswith("e"):
            forms |= {head + "d", head[:-1] + "ing", head + "s"}
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            forms |= {head[:-1] + "ied", head + "ing", head[:-1] + "ies"}
        elif head.endswith(("s", "sh", "ch", "x", "z")):
            forms |= {head + "ed", head + "ing", head + "es"}
        else:
            forms |= {head + "ed", head + "ing", head + "s"}
    return {f + tail for f in forms}


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    form: str
    """base | ing | ed | s"""


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, VerbForm]:
    """Every inflected form of every verb -> its lemma and form ("brightening" -> brighten, ing)."""
    out: dict[str, VerbForm] = {}
    for lemma in VERBS:
        for form in _inflections(lemma):
            head = form.split(" ")[0]
            kind = "ing" if head.endswith("ing") else "s" if head.endswith("s") and not head.endswith("ss") else "ed"
            out.setdefault(form, VerbForm(lemma, kind))
    for lemma in VERBS:  # base forms win over a coincidental inflection of another lemma
        out[lemma] = VerbForm(lemma, "base")
    return out


# Multiword expressions joined into one token by the tokenizer: surface -> canonical.
_PHRASE_LIST = """
get rid of|getting rid of=get rid of
take out|take away|take off
cut out|cut down|edit out|crop out|clear out|clear away|wipe out|wipe away|strip away|swap out|switch out
clean up|touch up|fix up|sort out|smooth out|straighten out|level out|blur out|zoom out|zoom in|ease off
warm up|warmen up|cool down|cool off|tone down|turn up|turn down|bump up|crank up|pump up|juice up|push up
bring up|bring out|bring down|bring in|pull down|pull back|dial up|dial down|dial back|take down|knock down
brighten up|lighten up|light up|bright up|sharpen up|crisp up|punch up|scale up|scale down|throw in|put in|play with
back off|fine tune
scrub out|rub out|chuck out|lay out
auto enhance|auto-enhance
black and white|black & white|black n white|black-and-white|b & w|b&w|b/w|b and w=black and white
sepia tone|sepia toned|sepia-toned=sepia
a little bit|a little|little bit|a bit|a tad|a touch|a tiny bit|tiny bit|just a touch|just a bit|a smidge
a shade|a notch=a little
a lot|a lot more|lots|a great deal|a good deal|quite a bit|quite a lot|by a lot|way more|much more|even more
a little more|a bit more|slightly more|a little less|a bit less|slightly less|much less|a lot less
as much as possible|all the way|to the max|as well as
next to|in front of|on top of|close to|out of|in between|on the side of
to the left of|to the right of|on the left of|on the right of|left of|right of
on the left|on the right|to the left|to the right|at the left|at the right
in the middle|in the center|in the centre|at the center|at the centre|at the top|at the bottom
on the top|on the bottom|in the top|in the bottom|on top|at the back|in the back|in the front
in the background|in the foreground|in the distance|in the back ground
on the left side|on the right side|on the left hand side|on the right hand side
in the style of|in the manner of|styled like|styled as|in style of=in the style of
instead of|in place of|rather than|in order to|so that|such that|as if|as though
except for|apart from|other than|aside from|save for|but not|with the exception of|everything but
all but|all except|everything except|anything but=everything but
and then|after that|and also|and finally|as well|too much
everything else|anything else|the rest|all else|everywhere else|all the rest|all other parts|other parts
the remaining area|the remaining areas|other areas|other things
make sure|be sure|ensure that|make certain|making sure=make sure
taking care not to|take care not to|being careful not to|be careful not to|careful not to=do not
making sure not to|make sure not to|try not to|trying not to|please do not|please don't=do not
in case|in the event that=in case
look at|looking at|focus on|focusing on|zoom in on
would help|would be great|would be nice|would be good|would be awesome|would be appreciated|would be ideal
is needed|is required|would work|would be perfect|would be better
quarter turn|half turn|a quarter turn|a half turn
do not|does not|did not|should not|must not|will not|would not|can not|could not
there is|there are|there was|there were
white balance|colour balance|color balance=white balance
color temperature|colour temperature=color temperature
color saturation|colour saturation=saturation
colour contrast|color contrast=contrast
depth of field|shallow depth of field=depth of field
out of focus
in focus|into focus=in focus
upside down|upside-down=upside down
counter clockwise|counter-clockwise|counterclockwise|anti clockwise|anti-clockwise|anticlockwise=counterclockwise
golden hour|time of day
night time|nighttime=night
day time|daytime=day
color pop|colour pop|color splash|colour splash|splash of color|splash of colour=color pop
selective color|selective colour|selective colouring|selective coloring=color pop
skin tone|skin tones=skin
oil painting|pencil sketch|pencil drawing|pop art|pixel art|comic book|line art|stained glass
light exposure=exposure
midtone contrast|mid-tone contrast|midtones contrast=midtone contrast
local contrast|micro contrast
burn in|cancel out|switch on|switch off|turn on|turn off|clean out
whatever you do|either way|in any case|regardless|anyway|in both cases|no matter what
could use|could do with|would benefit from
is all it needs|is all i need|is all we need|that is all|that is it
half a stop|a third of a stop|a quarter of a stop|a full stop|one stop|a stop|two stops|a half stop
"""


def _phrases() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _PHRASE_LIST.strip().splitlines():
        surfaces, _, canonical = line.partition("=")
        for surface in surfaces.split("|"):
            out[surface.strip()] = canonical.strip() or surface.strip()
    return out


PHRASES: dict[str, str] = _phrases()

# ---- clause openers that carry no edit (requests, courtesy, sequencing) -----------------------------
LEAD_PHRASES: frozenset[str] = frozenset(
    p
    for p in sorted(
        """
please|pls|plz|kindly|just|simply|also|then|now|next|finally|lastly|first|firstly|secondly|thirdly
whatever you do|either way|in any case|regardless|anyway|in both cases|no matter what|could use|could do with
would benefit from|it could use|it could do with|it needs|this needs|yo|ngl|tbh|honestly|basically|lol|haha|omg
step one|step two|step three|step four|step 1|step 2|step 3|step 4|ok so|so yeah
do that thing where|that thing where|the thing where|do the thing where|do that effect where
additionally|afterwards|after that|and then|and also|and finally|and|but|so|ok|okay|hey|hi|hello|guys|oh|well
can you|could you|would you|will you|can u|could u|can you please|could you please|would you please
can someone|could someone|can somebody|could somebody|can anyone|could anyone|would someone|would anyone
will someone|will anyone|someone|somebody|anyone|anybody|someone please|anyone please
would you mind|would you kindly|is it possible to|would it be possible to|is there a way to|any way to
is it possible for someone to|is it possible for you to|can it be possible to
i want to|i want you to|i would like to|i would like you to|i would love to|i would love you to
i would love it if you could|i would love it if someone could|i would appreciate it if you could
i would appreciate if you could|i would appreciate if someone could|i would be grateful if someone could
i would be grateful if you could|i would be so grateful if someone could|i would like someone to
i need to|i need you to|i need someone to|need to|we need to|i wish to|i hope to|i am hoping to
i am hoping someone can|hoping someone can|hoping you can|i am looking for someone to|looking for someone to
looking to|i am looking to|trying to|i am trying to|help me|help me to|try to|try and|go ahead and|let us
if someone could|if you could|if anyone could|you can|you could|you should|we should|you may|you might
please help|please help me|please help me to|how do i|how can i|how to|how would you|how would i
be sure to|remember to|do not forget to|can i get you to|could i get you to|i would want you to
i am requesting|requesting
would anyone be able to|would someone be able to|would you be able to|could anyone be able to
is anyone able to|is someone able to|are you able to|can anyone be able to|anyone able to|someone able to
is there any way to|is there any way you can|any chance you could|any chance someone could|any chance to
i would love it if|i would like it if|it would be great if|it would be nice if|would be great if
i would appreciate it if|i would be grateful if|would it be possible for you to|would love it if
help|help to|please could you|please can you|please would you|could you also|can you also|also could you
i would|i would also like to|we would like to|we want to|we would love to|i really want to|i just want to
is there any chance you could|is there any chance you can|is there a chance you could|any chance you can
is there any chance someone could|do you think you could|do you think you can|do you think someone could
could you possibly|can you possibly|would you possibly|could someone possibly|can someone possibly
i was wondering if you could|i was wondering if someone could|wondering if you could|i wonder if you could
i was hoping you could|i was hoping someone could|hoping you could|hoping someone could|if possible
""".replace("\n", "|").split("|"),
        key=lambda p: -len(p.split()),
    )
    if p
)
LEAD_MAX_WORDS = max(len(p.split()) for p in LEAD_PHRASES)

DEGREE_WORDS: dict[str, float] = {
    **lex.DEGREES,
    "a little bit": lex.MILD,
    "little bit": lex.MILD,
    "a tiny bit": 0.35,
    "tiny bit": 0.35,
    "just a touch": 0.35,
    "just a bit": lex.MILD,
    "a smidge": 0.35,
    "little": lex.MILD,
    "some": 1.0,
    "a lot": lex.STRONG,
    "a shade": lex.MILD,
    "a notch": lex.MILD,
    "lots": lex.STRONG,
    "a lot more": lex.STRONG,
    "a great deal": lex.STRONG,
    "quite a bit": 1.5,
    "quite a lot": lex.STRONG,
    "by a lot": lex.STRONG,
    "way more": lex.STRONG,
    "much more": lex.STRONG,
    "even more": lex.STRONG,
    "a little more": lex.MILD,
    "a bit more": lex.MILD,
    "slightly more": lex.MILD,
    "as much as possible": 3.0,
    "all the way": 3.0,
    "to the max": 3.0,
    "hugely": lex.STRONG,
    "massively": lex.STRONG,
    "seriously": lex.STRONG,
    "noticeably": 1.5,
    "substantially": lex.STRONG,
    "tremendously": lex.STRONG,
    "intensely": lex.STRONG,
    "overly": lex.STRONG,
    "too much": lex.STRONG,
    "softly": lex.MILD,
    "faintly": lex.MILD,
    "marginally": 0.35,
    "minimally": 0.35,
    "barely": 0.35,
    "partially": lex.MILD,
    "partly": lex.MILD,
    "somewhat": lex.MILD,
    "fairly": 1.0,
    "pretty": 1.0,
    "rather": 1.0,
    "reasonably": 1.0,
    "bit": lex.MILD,
    "slight": lex.MILD,
    "small": lex.MILD,
    "light": lex.MILD,
    "mild": lex.MILD,
    "subtle": lex.MILD,
    "gentle": lex.MILD,
    "strong": lex.STRONG,
    "heavy": lex.STRONG,
    "big": lex.STRONG,
    "huge": lex.STRONG,
    "major": lex.STRONG,
    "significant": lex.STRONG,
    "dramatic": lex.STRONG,
    "extra": lex.STRONG,
}
# Degree words that are adjectives in a noun phrase ("a light haze", "a small boat"): only degrees in a
# property's phrase ("a slight increase", "some extra contrast"), never stripped from a prompt.
ADJECTIVE_DEGREES = frozenset(
    {
        "slight",
        "small",
        "light",
        "mild",
        "subtle",
        "gentle",
        "strong",
        "heavy",
        "big",
        "huge",
        "major",
        "significant",
        "dramatic",
        "extra",
        "little",
        "some",
        "bit",
        "pretty",
    }
)
LESS_DEGREES = frozenset({"a little less", "a bit less", "slightly less", "much less", "a lot less"})

COMPLETELY = frozenset({"completely", "fully", "entirely", "totally", "all the way", "wholly", "utterly"})

# Property nouns beyond lexicon_en.PROPERTY_NOUNS: (property, polarity); polarity -1 means "more darkness" darkens.
PROPERTY_NOUNS: dict[str, tuple[str, int]] = {
    **{word: (prop, 1) for word, prop in lex.PROPERTY_NOUNS.items()},
    "color": ("saturation", 1),
    "colour": ("saturation", 1),
    "color intensity": ("saturation", 1),
    "intensity": ("saturation", 1),
    "vividness": ("vibrance", 1),
    "vibrancy": ("vibrance", 1),
    "richness": ("saturation", 1),
    "color temperature": ("warmth", 1),
    "warm tones": ("warmth", 1),
    "warm tone": ("warmth", 1),
    "warmness": ("warmth", 1),
    "coolness": ("warmth", -1),
    "cool tones": ("warmth", -1),
    "cool tone": ("warmth", -1),
    "light": ("brightness", 1),
    "lights": ("brightness", 1),
    "lightness": ("brightness", 1),
    "luminosity": ("brightness", 1),
    "luminance": ("brightness", 1),
    "brightness level": ("brightness", 1),
    "darkness": ("brightness", -1),
    "dark": ("brightness", -1),
    "exposure level": ("exposure", 1),
    "gamma": ("brightness", 1),
    "definition": ("sharpness", 1),
    "detail": ("sharpness", 1),
    "details": ("sharpness", 1),
    "focus": ("sharpness", 1),
    "crispness": ("sharpness", 1),
    "clarity": ("sharpness", 1),
    "sharpening": ("sharpness", 1),
    "sharp": ("sharpness", 1),
    "blurriness": ("sharpness", -1),
    "redness": ("warmth", 1),
    "yellowness": ("warmth", 1),
    "warm cast": ("warmth", 1),
    "blueness": ("warmth", -1),
    "greenness": ("tint", -1),
    "pinkness": ("tint", 1),
    "fogginess": ("sharpness", -1),
    "contrasts": ("contrast", 1),
    "highlight": ("highlights", 1),
    "shadow": ("shadows", 1),
    "blacks": ("shadows", -1),
    "whites": ("highlights", 1),
    "midtones": ("brightness", 1),
    "midtone contrast": ("contrast", 1),
    "local contrast": ("contrast", 1),
    "micro contrast": ("contrast", 1),
    "microcontrast": ("contrast", 1),
    "drama": ("contrast", 1),
    "shine": ("brightness", 1),
    "tones": ("saturation", 1),
    "saturations": ("saturation", 1),
    "brightening": ("brightness", 1),
    "lightening": ("brightness", 1),
    "darkening": ("brightness", -1),
    "warming": ("warmth", 1),
    "cooling": ("warmth", -1),
    "saturating": ("saturation", 1),
    "vibe": ("vibrance", 1),
    "pop": ("vibrance", 1),
    "punch": ("contrast", 1),
    "depth": ("contrast", 1),
    "tint": ("tint", 1),
    "hue": ("hue", 1),
}
# Nouns that only mean a property next to a property verb or "more/less": as a region they are whole-image.
PROPERTY_ONLY_IN_CONTEXT = frozenset({"light", "lights", "detail", "details", "focus", "dark", "depth", "tones", "pop"})

# Colour words and the tone direction each gives ("a yellow cast" is warmth, "a green tint" is tint).
COLOR_TONES: dict[str, tuple[str, int]] = {
    "red": ("warmth", 1),
    "reds": ("warmth", 1),
    "orange": ("warmth", 1),
    "yellow": ("warmth", 1),
    "yellows": ("warmth", 1),
    "gold": ("warmth", 1),
    "golden": ("warmth", 1),
    "amber": ("warmth", 1),
    "brown": ("warmth", 1),
    "warm": ("warmth", 1),
    "blue": ("warmth", -1),
    "blues": ("warmth", -1),
    "cyan": ("warmth", -1),
    "teal": ("warmth", -1),
    "cool": ("warmth", -1),
    "cold": ("warmth", -1),
    "green": ("tint", -1),
    "greens": ("tint", -1),
    "magenta": ("tint", 1),
    "pink": ("tint", 1),
    "purple": ("tint", 1),
    "violet": ("tint", 1),
}
TONE_NOUNS = frozenset(
    {
        "tone",
        "tones",
        "tint",
        "tints",
        "cast",
        "hue",
        "hues",
        "color",
        "colour",
        "colors",
        "colours",
        "shade",
        "tinge",
        "coloring",
        "colouring",
        "undertone",
        "undertones",
        "filter",
        "look",
        "feel",
        "glow",
        "light",
    }
)

COMPARATIVES: dict[str, tuple[str, int]] = {
    **lex.COMPARATIVES,
    "clearer": ("sharpness", 1),
    "more clear": ("sharpness", 1),
    "more defined": ("sharpness", 1),
    "more detailed": ("sharpness", 1),
    "more focused": ("sharpness", 1),
    "more in focus": ("sharpness", 1),
    "bolder": ("contrast", 1),
    "deeper": ("saturation", 1),
    "more intense": ("saturation", 1),
    "more lively": ("vibrance", 1),
    "livelier": ("vibrance", 1),
    "more muted": ("saturation", -1),
    "more neutral": ("saturation", -1),
    "less neutral": ("saturation", 1),
    "more subdued": ("saturation", -1),
    "more toned down": ("saturation", -1),
    "more faded": ("saturation", -1),
    "more washed out": ("saturation", -1),
    "less vivid": ("vibrance", -1),
    "yellower": ("warmth", 1),
    "more yellow": ("warmth", 1),
    "less yellow": ("warmth", -1),
    "more orange": ("warmth", 1),
    "less orange": ("warmth", -1),
    "more red": ("warmth", 1),
    "less red": ("warmth", -1),
    "more blue": ("warmth", -1),
    "less blue": ("warmth", 1),
    "more green": ("tint", -1),
    "less green": ("tint", 1),
    "more magenta": ("tint", 1),
    "less magenta": ("tint", -1),
    "more pink": ("tint", 1),
    "less pink": ("tint", -1),
    "more purple": ("tint", 1),
    "more visible": ("brightness", 1),
    "more bright": ("brightness", 1),
    "less bright": ("brightness", -1),
    "less dark": ("brightness", 1),
    "more dark": ("brightness", -1),
    "more light": ("brightness", 1),
    "more lit": ("brightness", 1),
    "better lit": ("brightness", 1),
    "less contrasty": ("contrast", -1),
    "more contrast": ("contrast", 1),
    "less contrast": ("contrast", -1),
    "more contrasted": ("contrast", 1),
    "higher contrast": ("contrast", 1),
    "high contrast": ("contrast", 1),
    "low contrast": ("contrast", -1),
    "more warm": ("warmth", 1),
    "less warm": ("warmth", -1),
    "more cool": ("warmth", -1),
    "less cool": ("warmth", 1),
    "more cold": ("warmth", -1),
    "less cold": ("warmth", 1),
    "more sharp": ("sharpness", 1),
    "less sharp": ("sharpness", -1),
    "less blurry": ("sharpness", 1),
    "more crisp": ("sharpness", 1),
    "less saturated": ("saturation", -1),
    "more vibrant": ("vibrance", 1),
    "more vivid": ("vibrance", 1),
    "less vibrant": ("vibrance", -1),
    "more colorful": ("saturation", 1),
    "more colourful": ("saturation", 1),
    "less colorful": ("saturation", -1),
    "less colourful": ("saturation", -1),
    "more saturated": ("saturation", 1),
    "more exposed": ("exposure", 1),
    "less exposed": ("exposure", -1),
    "grayer": ("saturation", -1),
    "greyer": ("saturation", -1),
    "darker": ("brightness", -1),
    "whiter": ("brightness", 1),
    "blacker": ("brightness", -1),
}

# Adjectives that name a property value ("bright", "more vibrant" is a comparative above).
PROPERTY_ADJECTIVES: dict[str, tuple[str, int]] = {
    **lex.PROPERTY_ADJECTIVES,
    "clear": ("sharpness", 1),
    "crisp": ("sharpness", 1),
    "sharp": ("sharpness", 1),
    "vivid": ("vibrance", 1),
    "vibrant": ("vibrance", 1),
    "lively": ("vibrance", 1),
    "muted": ("saturation", -1),
    "neutral": ("saturation", -1),
    "subdued": ("saturation", -1),
    "dull": ("saturation", -1),
    "faded": ("saturation", -1),
    "washed out": ("saturation", -1),
    "pale": ("saturation", -1),
    "moody": ("exposure", -1),
    "dim": ("brightness", -1),
    "light": ("brightness", 1),
    "lighter": ("brightness", 1),
    "cold": ("warmth", -1),
    "bright": ("brightness", 1),
    "brighter": ("brightness", 1),
    "visible": ("brightness", 1),
    "lit": ("brightness", 1),
    "well lit": ("brightness", 1),
    "punchy": ("contrast", 1),
    "flushed": ("saturation", 1),
    "rosy": ("saturation", 1),
    "defined": ("sharpness", 1),
    "detailed": ("sharpness", 1),
    "focused": ("sharpness", 1),
    "in focus": ("sharpness", 1),
    "saturated": ("saturation", 1),
    "contrasty": ("contrast", 1),
    "exposed": ("exposure", 1),
    "colorful": ("saturation", 1),
    "colourful": ("saturation", 1),
    "warm": ("warmth", 1),
    "cool": ("warmth", -1),
    "dark": ("brightness", -1),
    "darker": ("brightness", -1),
}

# "too dark" asks for the opposite of the word.
TOO_WORDS = frozenset({"too", "overly", "very"})

BLUR_WORDS = frozenset({"blurry", "blurred", "blurrier", "out of focus", "defocused", "soft", "softer"})
BLUR_NOUNS = frozenset(
    {
        "blur",
        "blur effect",
        "bokeh",
        "bokeh effect",
        "depth of field",
        "gaussian blur",
        "lens blur",
        "motion blur",
        "background blur",
        "a blur",
        "blurring",
    }
)
REMOVE_WORDS = frozenset({"disappear", "vanish", "go away", "gone", "invisible", "removed", "erased", "deleted"})

# Objects of "remove"/"reduce" that are image defects: an enhancement, not an object to inpaint.
DEFECTS: dict[str, str] = {
    **lex.ENHANCE_KINDS,
    "noisiness": "denoise",
    "graininess": "denoise",
    "artifacts": "denoise",
    "artefacts": "denoise",
    "jpeg artifacts": "denoise",
    "compression artifacts": "denoise",
    "digital noise": "denoise",
    "speckles": "denoise",
    "mist": "dehaze",
    "smog": "dehaze",
    "fog": "dehaze",
    "atmospheric haze": "dehaze",
    "blurriness": "deblur",
    "motion blur": "deblur",
    "camera shake": "deblur",
    "fuzziness": "deblur",
    "blurring": "deblur",
}

SCALE_BIGGER = frozenset({"bigger", "larger", "huger", "taller", "wider", "longer"})
SCALE_SMALLER = frozenset({"smaller", "tinier", "shorter", "narrower", "thinner"})

# Complements that mean the subject stays as it is ("the face should stay the same").
KEEP_WORDS = frozenset(
    """
unchanged untouched intact unmodified unedited unaltered alone same original identical sharp natural
""".split()
) | {
    "as is",
    "as it is",
    "as they are",
    "as it was",
    "as-is",
    "the same",
    "exactly the same",
    "as before",
    "the way it is",
    "the way they are",
    "in color",
    "in colour",
    "in full color",
    "in focus",
    "colored",
    "coloured",
    "in its original state",
    "in their original state",
    "original",
    "clear",
    "as original",
    "the original",
    "off limits",
    "off-limits",
    "out of bounds",
    "sacrosanct",
    "not to be touched",
    "as it stands",
    "how it is",
    "how they are",
}
NOT_CHANGE_VERBS = frozenset(
    """
change touch modify alter edit affect ruin blur move recolor recolour adjust process distort mess darken brighten
replace remove crop warp tamper retouch
""".split()
) | {"mess with", "tamper with", "do anything to"}

# Reflexive identity words: "keep her recognisable" preserves identity rather than pixels.
RECOGNIZABLE = frozenset({"recognizable", "recognisable", "the same person", "identifiable", "herself", "himself"})
IDENTITY_NOUNS = frozenset(
    {"identity", "likeness", "looks", "features", "facial features", "face identity", "identities", "appearance"}
)

# Antecedents of "he/she/him/her/his": people (lexicon_en.PERSON_NOUNS), people named by role, and pets and
# animals, which owners call he or she ("our cat … sharpen her whiskers"). Nouns in -ist are roles too.
ANIMATE_NOUNS = lex.PERSON_NOUNS | frozenset(
    """
grandma grandpa granny nana grandad granddad grandparent grandparents aunt uncle niece nephew cousin son daughter
brother sister sibling husband wife fiance fiancee partner boyfriend girlfriend bridesmaid groomsman chef cook waiter
waitress nurse teacher pilot driver farmer fisherman policeman policewoman officer firefighter lifeguard guard
referee goalkeeper runner cyclist swimmer climber hiker skateboarder snowboarder boxer golfer pitcher batter
musician drummer guitarist violinist pianist conductor actor actress performer clown magician priest monk nun king
queen prince princess knight warrior baker barista butcher tailor painter photographer tourist traveller traveler
passenger customer shopper vendor seller salesman owner host hostess speaker presenter graduate toddler infant
newborn teenager youngster elder grandchild grandson granddaughter mum mommy daddy papa mama lad lass bloke fellow
dog dogs puppy puppies pup cat cats kitten kittens kitty horse pony foal donkey cow calf bull sheep lamb goat pig
piglet rabbit bunny hamster parrot budgie bird owl eagle duck goose swan chicken hen rooster lion lioness tiger
bear cub wolf fox deer elephant giraffe zebra monkey gorilla panda koala kangaroo dolphin whale seal otter squirrel
mouse rat hedgehog turtle tortoise frog lizard snake pug poodle labrador retriever terrier spaniel bulldog
collie husky beagle dachshund corgi chihuahua tabby
""".split()
)


def is_animate(word: str) -> bool:
    return word in ANIMATE_NOUNS or (word.endswith("ist") and len(word) > 5)


# Nouns of clothes and body parts a person already has: "give him a blue shirt" recolours the shirt.
WORN_NOUNS = frozenset(
    """
shirt t-shirt tshirt dress jacket coat hoodie sweater jumper top blouse pants trousers jeans shorts skirt suit
tie scarf hat cap shoes boots sneakers hair eyes lips nails skin beard gloves socks uniform outfit clothes
clothing vest gown robe sleeves collar
""".split()
)

DEPICTING = frozenset(
    {"show", "depict", "portray", "capture", "evoke", "convey", "showcase", "illustrate", "simulate", "resemble"}
    | {"feature", "represent", "display", "look like", "become"}
)
"""Verbs after "change X to …" that say what X becomes ("redo the backdrop to show a beach")."""
CHANGING = frozenset(
    {"change", "alter", "transform", "convert", "turn", "redesign", "refashion", "revise", "rework", "redo", "remake"}
    | {"reimagine", "customize", "customise", "adapt", "modify", "edit", "swap", "replace", "switch"}
)
PURPOSE_VERBS = frozenset(
    """
make show reveal bring highlight emphasize emphasise see match look appear allow create get help enhance improve
fit draw hide balance correct simulate achieve produce mimic convey evoke accentuate give stand focus
separate mimic create set feel seem read mirror blend complement compensate counteract reduce increase pop
recover preserve avoid protect bring keep
""".split()
)

# Request frames that introduce a wanted state rather than an action: "I want the sky bluer".
WANT_WORDS = frozenset({"want", "need", "would like", "wish", "like", "prefer", "love"})

MODALS = frozenset(
    {
        "should",
        "must",
        "needs to",
        "need to",
        "has to",
        "have to",
        "is to",
        "are to",
        "ought to",
        "could",
        "can",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "should not",
        "must not",
        "will not",
        "would not",
        "can not",
        "could not",
        "does not",
        "do not",
        "did not",
    }
)
NEGATIVE_MODALS = frozenset(
    {"should not", "must not", "will not", "would not", "can not", "could not", "does not", "do not", "did not"}
)
COPULAS = frozenset(
    {
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "look",
        "looks",
        "appear",
        "appears",
        "seem",
        "seems",
        "stay",
        "stays",
        "remain",
        "remains",
        "become",
        "becomes",
        "get",
        "gets",
        "feel",
        "feels",
        "turn",
        "turns",
        "go",
        "goes",
        "went",
        "looked",
        "seemed",
        "appeared",
        "became",
        "stayed",
        "remained",
    }
)
# Verbs of a description ("a lamp post stands in the middle of the path"): a sentence that only says where
# something is names what "it" means next.
STANCE_VERBS = frozenset(
    """
stands sits lies hangs leans rests grows floats flies sleeps waits perches runs stretches towers looms dangles
stand sit lie hang lean rest grow float fly sleep wait perch
""".split()
)
LOOK_VERBS = frozenset(
    {"look", "looks", "appear", "appears", "seem", "seems", "feel", "feels", "looked", "seemed", "appeared", "felt"}
)

# Subjects that mean the whole picture in "the photo is dark", "it looks washed out".
IMAGE_SUBJECTS = frozenset(
    {
        "it",
        "this",
        "the image",
        "the photo",
        "the picture",
        "the photograph",
        "the shot",
        "the scene",
        "the pic",
        "image",
        "photo",
        "picture",
        "everything",
        "the whole image",
        "the whole photo",
        "the overall image",
        "the frame",
        "this photo",
        "this image",
        "this picture",
        "the lighting",
        "the colors",
        "the colours",
    }
)

SEPARATORS = frozenset(
    {
        ",",
        "and",
        "then",
        "and then",
        "also",
        "and also",
        "plus",
        "&",
        "+",
        "after that",
        "afterwards",
        "next",
        "finally",
        "and finally",
        "as well as",
        "while",
        "but",
        "/",
        "or",
    }
)
CLAUSE_LEAD_WORDS = frozenset(
    {
        "please",
        "reddit",  # "Reddit, can you …": who is asked
        "pleasee",
        "pleaseee",
        "plss",
        "also",
        "then",
        "just",
        "now",
        "next",
        "finally",
        "lastly",
        "and",
        "simply",
        "additionally",
        "kindly",
        "so",
        "first",
        "maybe",
        "perhaps",
        "possibly",
        "really",
        "definitely",
    }
)
DETERMINERS = frozenset(
    lex.DETERMINERS
    | {
        "all the",
        "all of the",
        "any of the",
        "each of the",
        "some of the",
        "one of the",
        "both of the",
        "every single",
        "a couple of",
        "a few",
        "two",
        "three",
        "several",
        "many",
        "few",
        "much",
    }
)
PREPOSITIONS = frozenset(
    {
        "on",
        "onto",
        "to",
        "in",
        "into",
        "at",
        "near",
        "next to",
        "beside",
        "behind",
        "above",
        "below",
        "under",
        "underneath",
        "over",
        "across",
        "around",
        "inside",
        "throughout",
        "in front of",
        "on top of",
        "by",
        "close to",
        "along",
        "within",
        "against",
        "among",
        "between",
        "in between",
        "upon",
        "atop",
        "beneath",
        "to the left of",
        "to the right of",
        "on the left of",
        "on the right of",
        "left of",
        "right of",
        "on the side of",
        "outside",
        "from",
    }
)

# Statements about a region's state that are complaints: "the dog looks dull" asks for the opposite.
COMPLAINTS: dict[str, tuple[str, int]] = {
    "dull": ("saturation", -1),
    "flat": ("contrast", -1),
    "washed out": ("saturation", -1),
    "faded": ("saturation", -1),
    "lifeless": ("vibrance", -1),
    "muddy": ("contrast", -1),
    "dark": ("brightness", -1),
    "dim": ("brightness", -1),
    "underexposed": ("exposure", -1),
    "overexposed": ("exposure", 1),
    "blurry": ("sharpness", -1),
    "grey": ("saturation", -1),
    "gray": ("saturation", -1),
    "cold": ("warmth", -1),
    "pale": ("saturation", -1),
    "drab": ("saturation", -1),
    "lackluster": ("vibrance", -1),
    "lacklustre": ("vibrance", -1),
}
# Enhancements said as nouns: "apply some noise reduction", "add a little dehazing".
ENHANCE_NOMINALS: dict[str, str] = {
    "noise reduction": "denoise",
    "noise removal": "denoise",
    "denoising": "denoise",
    "grain reduction": "denoise",
    "dehazing": "dehaze",
    "haze removal": "dehaze",
    "haze reduction": "dehaze",
    "deblurring": "deblur",
    "blur removal": "deblur",
    "blur reduction": "deblur",
    "auto enhancement": "auto",
    "auto-enhancement": "auto",
    "enhancement": "auto",
}
# "removal of the wires", "addition of a moon": a verb said as a noun.
NOMINALS: dict[str, str] = {
    "removal": "remove",
    "deletion": "delete",
    "erasure": "erase",
    "elimination": "remove",
    "addition": "add",
    "insertion": "insert",
    "replacement": "replace",
    "recoloring": "recolor",
    "recolouring": "recolor",
    "rotation": "rotate",
    "enhancement": "enhance",
    "restoration": "restore",
    "desaturation": "desaturate",
    "straightening": "straighten",
    "cleanup": "clean up",
    "clean-up": "clean up",
}

# Verbs that mean super-resolution of the whole picture, not a plain resize ("upscale 4x").
UPSCALE_VERBS = frozenset({"upscale", "upsample", "upsize", "scale up", "super-resolve", "upres"})


@lru_cache(maxsize=4096)
def close_verb(word: str) -> str | None:
    """The verb a misspelled word most likely is ("brigthen" -> "brighten"), or None.

    Only verbs of about the same length are compared (a misspelling keeps most letters), which keeps the
    look-up far below a millisecond; difflib does the matching."""
    import difflib

    if len(word) < 4 or word in VERBS:
        return None
    candidates = [v for v in _single_word_verbs() if abs(len(v) - len(word)) <= 2]
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return found[0] if found else None


@lru_cache(maxsize=1)
def _single_word_verbs() -> tuple[str, ...]:
    return tuple(sorted(v for v in VERBS if " " not in v))
