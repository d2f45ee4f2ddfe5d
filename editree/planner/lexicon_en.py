"""Meaning of English words shared by the planners: which property a word adjusts, in which direction,
and how strongly a degree word scales an amount (the English frame planner's own tables are in
editree/planner/en/vocab.py; the Chinese grammar's keyword meanings are the ZH_ tables at the end).

The planners decide structure; these tables decide values. `tests/planner/test_lexicon.py` checks
that every word of a class here is understood where the planner reads it.
"""

from __future__ import annotations

import re
from typing import Any

# Degree words scale an op's base amount: "a bit warmer" < "warmer" < "much warmer".
MILD = 0.5
STRONG = 2.0
DEGREES: dict[str, float] = {
    **dict.fromkeys(
        [
            "a little",
            "a little bit",
            "a bit",
            "a tad",
            "a touch",
            "slightly",
            "somewhat",
            "mildly",
            "subtly",
            "gently",
            "lightly",
            "moderately",
        ],
        MILD,
    ),
    "quite": 1.5,
    **dict.fromkeys(
        [
            "much",
            "very",
            "really",
            "way",
            "far",
            "significantly",
            "considerably",
            "greatly",
            "strongly",
            "heavily",
            "extremely",
            "super",
            "dramatically",
            "drastically",
            "a lot",
            "a good deal",
            "even",
        ],
        STRONG,
    ),
}

# Base amounts per op before degree scaling (see editree/ops/args.py for the ranges).
BASE_ADJUST = 0.3
BASE_BLUR = 0.5
BASE_ATMOSPHERE = 0.5

COMPARATIVES: dict[str, tuple[str, int]] = {
    "brighter": ("brightness", 1),
    "lighter": ("brightness", 1),
    "darker": ("brightness", -1),
    "dimmer": ("brightness", -1),
    "moodier": ("exposure", -1),
    "warmer": ("warmth", 1),
    "redder": ("warmth", 1),
    "cooler": ("warmth", -1),
    "colder": ("warmth", -1),
    "bluer": ("warmth", -1),
    "greener": ("tint", -1),
    "sharper": ("sharpness", 1),
    "crisper": ("sharpness", 1),
    "punchier": ("contrast", 1),
    "contrastier": ("contrast", 1),
    "more contrasty": ("contrast", 1),
    "higher contrast": ("contrast", 1),
    "lower contrast": ("contrast", -1),
    "duller": ("saturation", -1),
    "richer": ("saturation", 1),
    "paler": ("saturation", -1),
    "more vivid": ("vibrance", 1),
    "more vibrant": ("vibrance", 1),
    "less vivid": ("vibrance", -1),
    "less vibrant": ("vibrance", -1),
    "more saturated": ("saturation", 1),
    "less saturated": ("saturation", -1),
    "more colorful": ("saturation", 1),
    "more colourful": ("saturation", 1),
    "less colorful": ("saturation", -1),
    "less colourful": ("saturation", -1),
    "more exposed": ("exposure", 1),
    "less exposed": ("exposure", -1),
}

ADJUST_VERBS: dict[str, tuple[str, int]] = {
    "brighten": ("brightness", 1),
    "brighten up": ("brightness", 1),
    "lighten": ("brightness", 1),
    "lighten up": ("brightness", 1),
    "darken": ("brightness", -1),
    "dim": ("brightness", -1),
    "saturate": ("saturation", 1),
    "desaturate": ("saturation", -1),
    "sharpen": ("sharpness", 1),
    "soften colors": ("saturation", -1),
    "boost colors": ("saturation", 1),
    "boost the colors": ("saturation", 1),
    "mute colors": ("saturation", -1),
    "mute the colors": ("saturation", -1),
    "tone down colors": ("saturation", -1),
    "tone down the colors": ("saturation", -1),
    "overexpose": ("exposure", 1),
    "underexpose": ("exposure", -1),
    "warm up": ("warmth", 1),
    "warmen up": ("warmth", 1),
    "cool down": ("warmth", -1),
}

# "more saturated", "less bright", "more warm".
PROPERTY_ADJECTIVES: dict[str, tuple[str, int]] = {
    "saturated": ("saturation", 1),
    "colorful": ("saturation", 1),
    "colourful": ("saturation", 1),
    "vibrant": ("vibrance", 1),
    "vivid": ("vibrance", 1),
    "contrasty": ("contrast", 1),
    "exposed": ("exposure", 1),
    "bright": ("brightness", 1),
    "dark": ("brightness", -1),
    "warm": ("warmth", 1),
    "cool": ("warmth", -1),
    "sharp": ("sharpness", 1),
}

PROPERTY_NOUNS: dict[str, str] = {
    "brightness": "brightness",
    "contrast": "contrast",
    "saturation": "saturation",
    "exposure": "exposure",
    "warmth": "warmth",
    "temperature": "warmth",
    "color temperature": "warmth",
    "colour temperature": "warmth",
    "tint": "tint",
    "hue": "hue",
    "sharpness": "sharpness",
    "clarity": "sharpness",
    "vibrance": "vibrance",
    "vibrancy": "vibrance",
    "highlights": "highlights",
    "shadows": "shadows",
    "colors": "saturation",
    "colours": "saturation",
    "colorfulness": "saturation",
    "colourfulness": "saturation",
    "lighting": "brightness",
    "white balance": "warmth",
}
COLOR_PROPERTY_NOUNS = {"color", "colors", "colour", "colours", "colorfulness", "colourfulness"}

DECREASE_VERBS = {
    "decrease",
    "lower",
    "reduce",
    "cut",
    "turn down",
    "tone down",
    "drop",
    "lessen",
    "diminish",
    "pull down",
}

EFFECTS: dict[str, str] = {
    "fog": "fog",
    "mist": "fog",
    "haze": "haze",
    "smog": "haze",
    "foggy": "fog",
    "misty": "fog",
    "hazy": "haze",
    "smoggy": "haze",
}
EFFECT_STRONG = {"thick", "heavy", "dense"}
EFFECT_MILD = {"light", "soft", "some"}

DETERMINERS = {
    "the",
    "a",
    "an",
    "some",
    "any",
    "both",
    "all",
    "each",
    "every",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "my",
    "our",
    "your",
}

_SPACES = re.compile(r"[\s-]+")


def norm(text: str) -> str:
    """Lower-case and collapse whitespace, so "Much   Warmer" and "much warmer" look the same."""
    return _SPACES.sub(" ", text.strip().lower())


def style_of(word: str) -> str:
    """ "B&W", "greyscale", "noir" -> "black and white"; "sepia toned" -> "sepia"."""
    return "sepia" if norm(word).startswith("sepia") else "black and white"


PERSON_NOUNS = frozenset(
    """
person people persons man men woman women boy boys girl girls child children kid kids human humans guy guys
lady ladies gentleman gentlemen subject subjects model astronaut player baby toddler teenager teen adult
adults couple family bride groom someone somebody individual crowd friend friends mother father mom dad
grandmother grandfather wife husband student worker doctor soldier athlete dancer singer rider skier surfer
""".split()
)

PRONOUN_PERSON = frozenset({"him", "her", "he", "she"})
PRONOUN_ANY = frozenset({"it", "them", "they", "this", "that", "these", "those"})
POSSESSIVE_PERSON = frozenset({"his", "her", "their", "my", "our", "your"})

# Region words that mean the whole image, not something in it ("make the colors pop", "this photo").
WHOLE_IMAGE_NOUNS = frozenset(
    """
image photo photograph picture pic shot scene frame img colors colours color colour tones tone lighting light
image quality
overall look everything whole thing it day daytime
""".split()
)

QUALIFIER_WORDS: dict[str, tuple[str, str]] = {
    "left": ("position", "left"),
    "leftmost": ("position", "left"),
    "left-most": ("position", "left"),
    "right-most": ("position", "right"),
    "right": ("position", "right"),
    "rightmost": ("position", "right"),
    "top": ("position", "top"),
    "topmost": ("position", "top"),
    "upper": ("position", "top"),
    "bottom": ("position", "bottom"),
    "bottommost": ("position", "bottom"),
    "lower": ("position", "bottom"),
    "central": ("position", "center"),
    "center": ("position", "center"),
    "centre": ("position", "center"),
    "middle": ("position", "center"),
    "largest": ("size", "largest"),
    "biggest": ("size", "largest"),
    "smallest": ("size", "smallest"),
    "tiniest": ("size", "smallest"),
    # of two, "the bigger one" is the biggest
    "bigger": ("size", "largest"),
    "larger": ("size", "largest"),
    "smaller": ("size", "smallest"),
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "6th": 6,
    "7th": 7,
    "8th": 8,
    "9th": 9,
}
ALL_DETERMINERS = frozenset({"all", "all the", "all of the", "every", "each", "both"})

EFFECT_WORDS: dict[str, str] = {
    "fog": "fog",
    "mist": "fog",
    "foggy": "fog",
    "misty": "fog",
    "haze": "haze",
    "smog": "haze",
    "hazy": "haze",
    "smoggy": "haze",
    "rain": "rain",
    "rainfall": "rain",
    "raindrops": "rain",
    "rainy": "rain",
    "snow": "snow",
    "snowfall": "snow",
    "snowflakes": "snow",
    "snowy": "snow",
    "snowier": "snow",
    "hazier": "haze",
    "foggier": "fog",
    "mistier": "fog",
    "rainier": "rain",
    "winter": "snow",
    "wintry": "snow",
    "wintery": "snow",
    "night": "night",
    "nighttime": "night",
    "dusk": "night",
    "twilight": "night",
    "moonlit": "night",
    "moonlight": "night",
    "sunrise": "sunset",
    "dawn": "sunset",
    "drizzle": "rain",
    "downpour": "rain",
    "blizzard": "snow",
    "sunset": "sunset",
    "golden": "sunset",
}

STYLE_HINTS = frozenset(
    """
painting paint watercolor watercolour oil sketch drawing pencil charcoal cartoon anime manga comic pixel art
illustration style render rendering vintage retro film noir pop impressionist impressionism cubist cubism
surreal surrealist gogh monet picasso ghibli disney pixar lego clay claymation ukiyo-e woodcut engraving
mosaic stained glass poster graffiti neon cyberpunk steampunk fantasy low-poly 3d polaroid lomo kodachrome
cinematic dreamy moody matte hdr old
pastel pastels gouache crayon crayons ink chalk acrylic fresco sumi-e origami papercut linocut etching lithograph
baroque renaissance deco nouveau bauhaus vaporwave synthwave lo-fi lofi vector minimalist doodle storybook
embroidery cross-stitch tapestry mural airbrushed risograph halftone duotone silhouette silhouetted
""".split()
)

LOOK_WORDS = frozenset(
    {"look", "filter", "effect", "style", "tone", "tones", "vibe", "feel", "grade", "finish", "aesthetic"}
)

ASPECTS: dict[str, str] = {
    "square": "1:1",
    "widescreen": "16:9",
    "portrait": "4:5",
    "landscape": "3:2",
    "panorama": "3:1",
    "panoramic": "3:1",
}

CLOCKWISE = frozenset({"clockwise", "cw", "right", "to the right"})
COUNTERCLOCKWISE = frozenset(
    {
        "counterclockwise",
        "counter clockwise",
        "counter-clockwise",
        "anticlockwise",
        "anti clockwise",
        "anti-clockwise",
        "ccw",
        "left",
        "to the left",
    }
)

IMAGE_PROPERTIES: dict[str, str] = {
    "dark": "dark",
    "dim": "dark",
    "underexposed": "dark",
    "bright": "bright",
    "overexposed": "bright",
    "washed out": "bright",
    "blurry": "blurry",
    "blurred": "blurry",
    "out of focus": "blurry",
    "soft": "blurry",
    "black and white": "grayscale",
    "black & white": "grayscale",
    "black n white": "grayscale",
    "b&w": "grayscale",
    "grayscale": "grayscale",
    "greyscale": "grayscale",
    "monochrome": "grayscale",
    "portrait": "portrait",
    "vertical": "portrait",
    "landscape": "landscape",
    "horizontal": "landscape",
}

ENHANCE_KINDS: dict[str, str] = {
    "noise": "denoise",
    "grain": "denoise",
    "denoise": "denoise",
    "haze": "dehaze",
    "dehaze": "dehaze",
    "blur": "deblur",
    "deblur": "deblur",
    "unblur": "deblur",
}

# Words that carry no editing content on their own; an instruction made only of these is refused.
STOPWORDS = frozenset(
    """
hello hi hey there thanks thank you please ok okay yes no what how is are the a an this that it its i me my we
our so now just well um uh hmm cool nice great good wow lol test testing again here
""".split()
)

VERBS = frozenset(
    """
keep leave preserve protect make get render set turn blur defocus soften brighten lighten darken dim saturate
desaturate sharpen warm cool increase raise boost bump crank push enhance decrease lower reduce cut drop tone
lessen diminish pull add put place insert draw give replace swap change substitute fill convert transform remove
delete erase eliminate take clear wipe recolor recolour color colour paint dye restyle stylize apply crop rotate
flip mirror resize scale upscale downscale enlarge shrink extend expand outpaint widen straighten denoise dehaze
deblur unblur fix improve correct
""".split()
)

BW_WORDS = frozenset(
    {
        "black and white",
        "black & white",
        "black n white",
        "b&w",
        "b/w",
        "monochrome",
        "monochromatic",
        "grayscale",
        "greyscale",
        "gray scale",
        "grey scale",
        "colorless",
        "colourless",
        "noir",
        "sepia",
        "sepia tone",
        "sepia toned",
        "sepia tones",
    }
)

COLOR_NAMES = frozenset(
    """
red orange yellow green blue purple violet pink brown black white gray grey gold golden silver beige navy teal
cyan magenta turquoise maroon olive lime crimson lavender cream ivory blond blonde bronze copper khaki tan
charcoal
""".split()
)

# "a warm filter", "a cool look": tone words that are adjustments, not styles.
TONE_STYLES: dict[str, tuple[str, int]] = {
    "warm": ("warmth", 1),
    "warmer": ("warmth", 1),
    "cool": ("warmth", -1),
    "cold": ("warmth", -1),
    "cooler": ("warmth", -1),
    "bright": ("brightness", 1),
    "brighter": ("brightness", 1),
    "dark": ("brightness", -1),
    "darker": ("brightness", -1),
    "vivid": ("vibrance", 1),
    "vibrant": ("vibrance", 1),
}

# Regions that are aspects of the whole picture: "change the season to autumn" is not a replace.
IMAGE_ASPECT_NOUNS = frozenset(
    {"season", "weather", "time", "time of day", "mood", "atmosphere", "lighting", "vibe", "era", "decade"}
)

# ---- Chinese keyword meanings (the grammar is editree/grammars/zh.lark) --------------------------------
ZH_MILD = frozenset(
    {"稍微", "略微", "稍稍", "轻微", "微微", "有点", "稍", "一点点", "一点", "一些", "些许", "点儿", "点", "些"}
)
ZH_STRONG = frozenset(
    {
        "很",
        "非常",
        "大幅",
        "大大",
        "特别",
        "超级",
        "极其",
        "十分",
        "明显",
        "显著",
        "强烈",
        "很多",
        "许多",
        "不少",
        "多一点",
        "很大",
        "大一些",
        "得多",
    }
)

ZH_ADJUST_VERBS: dict[str, tuple[str, int]] = {
    "调亮": ("brightness", 1),
    "提亮": ("brightness", 1),
    "变亮": ("brightness", 1),
    "加亮": ("brightness", 1),
    "调暗": ("brightness", -1),
    "压暗": ("brightness", -1),
    "变暗": ("brightness", -1),
    "调暖": ("warmth", 1),
    "变暖": ("warmth", 1),
    "调冷": ("warmth", -1),
    "变冷": ("warmth", -1),
    "锐化": ("sharpness", 1),
    "提高清晰度": ("sharpness", 1),
}
ZH_PROPERTIES: dict[str, str] = {
    "亮度": "brightness",
    "对比度": "contrast",
    "饱和度": "saturation",
    "曝光度": "exposure",
    "曝光": "exposure",
    "色温": "warmth",
    "暖色调": "warmth",
    "清晰度": "sharpness",
    "锐度": "sharpness",
    "鲜艳度": "vibrance",
    "高光": "highlights",
    "阴影": "shadows",
    "暗部": "shadows",
    "亮部": "highlights",
    "色彩": "saturation",
    "颜色": "saturation",
}
ZH_DOWN = frozenset({"降低", "减少", "减小", "调低", "减弱", "减轻", "降"})
ZH_ADJECTIVES: dict[str, tuple[str, int]] = {
    "明亮": ("brightness", 1),
    "亮": ("brightness", 1),
    "暗": ("brightness", -1),
    "温暖": ("warmth", 1),
    "暖": ("warmth", 1),
    "冷": ("warmth", -1),
    "清晰": ("sharpness", 1),
    "锐利": ("sharpness", 1),
    "鲜艳": ("saturation", 1),
    "饱和": ("saturation", 1),
    "蓝": ("warmth", -1),
    "绿": ("tint", -1),
    "通透": ("contrast", 1),
}
ZH_EFFECTS: dict[str, str] = {
    "雾气": "fog",
    "薄雾": "fog",
    "浓雾": "fog",
    "大雾": "fog",
    "雾": "fog",
    "雾霾": "haze",
    "霾": "haze",
    "烟雾": "haze",
    "雨滴": "rain",
    "下雨": "rain",
    "雨": "rain",
    "雪花": "snow",
    "下雪": "snow",
    "雪": "snow",
    "夜景": "night",
    "夜晚": "night",
    "黄昏": "sunset",
    "日落": "sunset",
    "夕阳": "sunset",
    "晚霞": "sunset",
    "雾蒙蒙": "fog",
    "雾蒙蒙的": "fog",
    "朦胧": "haze",
    "有雾": "fog",
    "有雪": "snow",
}
ZH_EFFECT_STRONG = frozenset({"浓雾", "大雾"})
ZH_EFFECT_MILD = frozenset({"薄雾"})
ZH_IMAGE_PROPERTIES: dict[str, str] = {
    "太暗": "dark",
    "偏暗": "dark",
    "很暗": "dark",
    "暗": "dark",
    "欠曝": "dark",
    "曝光不足": "dark",
    "太亮": "bright",
    "偏亮": "bright",
    "亮": "bright",
    "过曝": "bright",
    "曝光过度": "bright",
    "模糊": "blurry",
    "不清晰": "blurry",
    "黑白的": "grayscale",
    "黑白": "grayscale",
    "竖图": "portrait",
    "竖版": "portrait",
    "竖屏": "portrait",
    "竖的": "portrait",
    "人像": "portrait",
    "横图": "landscape",
    "横版": "landscape",
    "横屏": "landscape",
    "横的": "landscape",
    "风景照": "landscape",
}
ZH_ENHANCE: dict[str, str] = {"降噪": "denoise", "去噪": "denoise", "去雾": "dehaze", "去模糊": "deblur"}
ZH_QUALIFIERS: dict[str, tuple[str, Any]] = {
    "最左边": ("position", "left"),
    "最右边": ("position", "right"),
    "左边": ("position", "left"),
    "右边": ("position", "right"),
    "左侧": ("position", "left"),
    "右侧": ("position", "right"),
    "上面": ("position", "top"),
    "下面": ("position", "bottom"),
    "上方": ("position", "top"),
    "下方": ("position", "bottom"),
    "中间": ("position", "center"),
    "中央": ("position", "center"),
    "最大": ("size", "largest"),
    "最小": ("size", "smallest"),
    "第一个": ("count", 1),
    "第二个": ("count", 2),
    "第三个": ("count", 3),
    "所有": ("count", "all"),
    "每个": ("count", "all"),
    "每一个": ("count", "all"),
    "全部的": ("count", "all"),
}
ZH_ASPECTS = {"正方形": "1:1", "方形": "1:1", "竖版": "4:5", "横版": "3:2", "宽屏": "16:9"}
ZH_PERSON_PRONOUNS = frozenset({"他", "她", "他们", "她们"})

# Chinese pieces that say nothing about an edit ("你好" is a greeting, not a request).
ZH_STOP_PHRASES = frozenset({"你好", "您好", "谢谢", "在吗", "哈哈", "嗨", "好的", "可以", "测试", "嗯", "哦", "喂"})
