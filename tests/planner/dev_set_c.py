"""A third labelled dev set for the planner, by a third independent labeller: what a demanding user means, in IR.

Every sentence here was written for this file: none is taken from a third-party corpus, and none rewords a line of
tests/planner/dev_set.py or tests/planner/dev_set_b.py (new situations and vocabulary: stations, greenhouses,
orchestras, school uniforms, hotpot, fish tanks, e-bikes, stationery, festivals). Two thirds are Chinese, in the
style of everyday compound requests (把/将/给/让 sentences, topic-comment clauses, 然后/同时/并且/再/接着/最后/另外/
还有, 如果/要是/假如…就…否则/不然, 除了…以外, 只…). The labels were written from the IR (editree/ops) and the
meaning of the request, and the file was committed before any planner was run on it.

Format: exactly that of tests/planner/dev_set.py (read by ../shared/planner-dev/score_plans.py `labelled`):

    CASES = [(case_id, lang, text, keeps, steps), ...]

- case_id: "<lang>-<class>-<n>"; the class names the phenomenon (CLASSES below).
- keeps: head-word alternatives of the plan's `keep` constraints, one entry per constraint.
- steps: an edit is {"op", "target", "arg"}, a condition is
  {"if": {"exists": X} | {"not_exists": X} | {"image_is": P}, "then": [...], "else": [...]}.

The conventions are those of dev_set.py's header and dev_set_b.py's additions (one step on a union for one verb
over coordinated objects with the same arguments; comparatives on a region are region-scoped adjust|recolor; colour
pop is ONE restyle on not:X with no keep; "keep/leave/without changing X", 保持X不变, X别动 are keep(X); an exclusion
attached to one step is its target not:X; "the rest" / 其余 / 其他 is not:<the region before>; 其他不变 is
keep(not:…) labelled "not:"; pronouns resolve across sentences; free-form edits keep their region; long creative
prompts are one `edit` on all plus stated keeps; Chinese targets list English and Chinese heads). Decided here for
what those sets do not cover (apply them to new cases too):
- Steps are listed in the order they must run: "put a vignette on it after you crop it" is crop, then vignette.
- "X is off limits", "X本人保持不变", "不要影响X" (beside a whole-image step) are keep(X).
- A kept colour under a style other than black and white ("转成素描风格，但X保留原来的颜色") is still a colour pop:
  ONE restyle(that style) on not:X, no keep. "X以外的部分都变成…", "只有X不做" likewise bind to the step (not:X).
- "The rest of the Y" after X is minus(Y, X) (or not:X), labelled not:X.
- 换成/改成 + a colour is recolor; 换成 + an object or material is replace. 给X换上<garment> is replace (add and edit
  also accepted: the garment goes onto X).
- A statement of the problem before its fix ("The cabinets look too orange. Make them more neutral") is context.
- A sentence after "不管有没有…" or "either way" is outside the condition; "…；不是的话…" is its else.
- "Make X larger/smaller", 放大/缩小 of an object: scale. "Upscale 3x": upscale.
- Adding something that is not an object (steam, puddles, a reflection, lying snow on a roof) is add on where it
  goes (atmosphere or edit also accepted for lying snow, 积雪).
- Descriptive words inside a long prompt (mist, snow, sunset light) add no steps of their own.
- Chinese words a character lexicon may split: 满天星 is baby's breath (a flower), 雪碧 Sprite (a drink), 雪地 a
  snowfield (a place), 雨滴 raindrops (objects), 樱桃 cherries, 夜空 the night sky; "这张夜景照片" describes the
  photo and adds no night atmosphere.
"""

from __future__ import annotations


def e(op: str, target: str = "all", arg: list[str] | tuple[str, ...] = ()) -> dict:
    """One expected edit step."""
    return {"op": op, "target": target, "arg": list(arg)}


def when(cond: dict, then: list[dict], otherwise: list[dict] | None = None) -> dict:
    """One expected If step."""
    return {"if": cond, "then": then, "else": otherwise or []}


def exists(heads: str) -> dict:
    return {"exists": heads}


def absent(heads: str) -> dict:
    return {"not_exists": heads}


def image_is(prop: str) -> dict:
    return {"image_is": prop}


BRIGHT = ["brightness", "exposure"]
WARM = ["warmth"]
SAT = ["saturation", "vibrance"]
SHARP = ["sharpness"]
DEBLUR = ["deblur", "sharpness"]
CONTRAST = ["contrast"]
BW = ["black and white", "black-and-white", "grayscale", "greyscale", "monochrome", "黑白"]
SEPIA = ["sepia", "复古"]
GREENER = ["green", "saturation", "vibrance", "hue", "tint", "绿"]
BLUER = ["blue", "saturation", "vibrance", "hue", "warmth", "蓝"]
WHITER = ["white", "brightness", "exposure", "白"]
WHITE = ["white", "白"]
COLORISE = ["color", "colour", "上色", "彩色"]
REDDER = ["red", "红", "saturation", "hue", "vibrance", "warmth"]
ADJ = "adjust|recolor"
REC = "recolor|adjust"
PERSON = "person|people|人"
BG_OR_BACKDROP = "background|backdrop"

CLASSES = {
    "coord": "coordination and ellipsis: a shared PP over two properties, a gapped verb, 的-ellipsis, 也",
    "comp": "comparatives on a region, with amounts (稍微, 很, 百分之三十)",
    "clause": "constraints and exclusions in clauses, first or last; a second clause with its own target or style",
    "cond": "conditions: negative, image properties, unless, else-branches, scope of a following sentence",
    "pron": "pronouns and dislocations across sentences (它, 他, 她本人, 在里面)",
    "effect": "named effects: vignette, colour pop / 局部彩色 / 去色只保留, selections, edges and corners",
    "free": "free-form edits that keep their target",
    "rest": "everything else / the rest of Y / 其余 / 其他 / 除了X",
    "map": "mappings: backdrop colour, a mood, extend",
    "req": "requests and questions",
    "np": "open noun phrases",
    "purpose": "purpose clauses that give a direction, not a region",
    "lex": "lexical variants of ops (pop a hat on, bin, scrub out, tint)",
    "geo": "canvas ops with move, scale and upscale",
    "creative": "long creative prompts: one free-form edit plus stated keeps",
    "conn": "Chinese clause connectives after a comma",
    "compound": "Chinese compounds a character lexicon splits (雪碧, 雪地, 满天星, 积雪, 夜空, 银杏)",
}

EN = [
    # --- coordination and ellipsis
    (
        "en-coord-1",
        "Lighten the hallway and the staircase, then lay a striped runner on the stairs.",
        [],
        [e("adjust", "hallway|stair", BRIGHT), e("add", "stair", ["runner", "rug"])],
    ),
    (
        "en-coord-2",
        "Turn the tulips purple and the watering can copper.",
        [],
        [e("recolor", "tulip", ["purple"]), e("recolor", "can|watering", ["copper"])],
    ),
    (
        "en-coord-3",
        "Boost the shadows and the vibrance of the mural.",
        [],
        [e("adjust", "mural", ["shadows"]), e("adjust", "mural", SAT)],
    ),
    (
        "en-coord-4",
        "Swap the plastic dinosaur for a wooden one and the crayons for coloured pencils.",
        [],
        [e("replace", "dinosaur", ["wood"]), e("replace", "crayon", ["pencil"])],
    ),
    (
        "en-coord-5",
        "Set a teapot on the tray and two cups beside it.",
        [],
        [e("add", "tray", ["teapot"]), e("add", "teapot|tray|all", ["cup"])],
    ),
    (
        "en-coord-6",
        "Raise the contrast in the sky and the saturation in the fields.",
        [],
        [e("adjust", "sky", CONTRAST), e("adjust", "field", SAT)],
    ),
    # --- comparatives on a region
    (
        "en-comp-1",
        "Make the autumn leaves a richer orange and the tree trunks darker.",
        [],
        [e(ADJ, "leaves|leaf", ["orange", "saturation", "hue", "warmth", "vibrance"]), e("adjust", "trunk", BRIGHT)],
    ),
    (
        "en-comp-2",
        "Could the tent be a brighter yellow, with the pine trees behind it a little darker?",
        [],
        [e(ADJ, "tent", ["yellow", "brightness", "exposure", "saturation"]), e("adjust", "tree|pine", BRIGHT)],
    ),
    (
        "en-comp-3",
        "I want the river a deeper blue and the moss on the rocks greener.",
        [],
        [e(ADJ, "river", [*BLUER, *BRIGHT]), e(ADJ, "moss", GREENER)],
    ),
    (
        "en-comp-4",
        "Make the snow on the peaks whiter, keeping the sky unchanged.",
        ["sky"],
        [e(ADJ, "snow|peak", WHITER)],
    ),
    (
        "en-comp-5",
        "The kitchen cabinets look too orange. Make them more neutral and the countertop slightly brighter.",
        [],
        [e("adjust", "cabinet", ["warmth", "saturation", "hue"]), e("adjust", "counter", BRIGHT)],
    ),
    # --- constraints and exclusions in clauses
    (
        "en-clause-1",
        "Swap the overcast sky for a clear sunrise, leaving the skyline untouched.",
        ["skyline"],
        [e("replace", "sky", ["sunrise"])],
    ),
    (
        "en-clause-2",
        "Put the whole harbour in a light fog, except the red boat in front.",
        [],
        [e("atmosphere", "not:boat", ["fog"])],
    ),
    (
        "en-clause-3",
        "Recolour the sofa mustard yellow, making sure the cat sleeping on it doesn't change.",
        ["cat"],
        [e("recolor", "sofa", ["mustard", "yellow"])],
    ),
    (
        "en-clause-4",
        "The lifeguard tower is off limits; turn the sea a darker teal.",
        ["tower|lifeguard"],
        [e(REC, "sea", ["teal", "hue", *BRIGHT])],
    ),
    (
        "en-clause-5",
        "Convert the picture to sepia, with the exception of the stained-glass window.",
        [],
        [e("restyle", "not:window|not:glass", SEPIA)],
    ),
    (
        "en-clause-6",
        "Give the shopfront a watercolour look and the pavement a charcoal sketch one.",
        [],
        [
            e("restyle", "shopfront|shop", ["watercolor", "watercolour"]),
            e("restyle", "pavement", ["charcoal", "sketch"]),
        ],
    ),
    (
        "en-clause-7",
        "Apply strong noise reduction, but preserve the texture of the knitted scarf.",
        ["scarf"],
        [e("enhance", "all", ["denoise"])],
    ),
    (
        "en-clause-8",
        "Leave the graduates alone; just brighten the stage and remove the empty chairs.",
        ["graduate"],
        [e("adjust", "stage", BRIGHT), e("remove", "chair")],
    ),
    # --- conditions
    (
        "en-cond-1",
        "If the sun isn't in the frame, add one in the top-left corner; otherwise tone down the highlights.",
        [],
        [when(absent("sun"), [e("add", "all|corner|left|box", ["sun"])], [e("adjust", "all", ["highlights"])])],
    ),
    (
        "en-cond-2",
        "Remove the kite string if there is one, then crop to 3:2.",
        [],
        [when(exists("string"), [e("remove", "string")]), e("crop", "all", ["3:2"])],
    ),
    (
        "en-cond-3",
        "If the picture is dark, lift the shadows and add warmth; if not, add a vignette.",
        [],
        [
            when(
                image_is("dark"),
                [e("adjust", "all", ["shadows"]), e("adjust", "all", WARM)],
                [e("vignette", "all")],
            )
        ],
    ),
    (
        "en-cond-4",
        "If the photo is grayscale, colourize it; otherwise turn it sepia.",
        [],
        [when(image_is("grayscale"), [e("edit|restyle", "all", COLORISE)], [e("restyle", "all", SEPIA)])],
    ),
    (
        "en-cond-5",
        "Unless there's already a reflection in the lake, add one of the mountains.",
        [],
        [when(absent("reflection"), [e("add", "lake", ["reflection"])])],
    ),
    (
        "en-cond-6",
        "If there are birds on the wire, remove them; if there aren't, add three sparrows to it.",
        [],
        [when(exists("bird"), [e("remove", "bird")], [e("add", "wire", ["sparrow"])])],
    ),
    # --- pronouns across sentences
    (
        "en-pron-1",
        "There's a red balloon stuck in the tree. Make it blue and move it to the right.",
        [],
        [e("recolor", "balloon", ["blue"]), e("move", "balloon", ["right"])],
    ),
    (
        "en-pron-2",
        "Don't alter the old man's beard. Put a tweed cap on him.",
        ["beard"],
        [e("add", "man", ["cap"])],
    ),
    (
        "en-pron-3",
        "Our cat is on the windowsill. Sharpen her whiskers and blur everything behind her.",
        [],
        [e("adjust", "whisker", SHARP), e("blur", "background|not:cat")],
    ),
    (
        "en-pron-4",
        "A lamp post stands in the middle of the path. Get rid of it and put a bench where it was.",
        [],
        [e("remove", "post"), e("add", "path|post|all", ["bench"])],
    ),
    (
        "en-pron-5",
        "See the woman in the green coat? Keep her as she is, but swap the crowd around her for an empty street.",
        ["woman"],
        [e("replace", "crowd", ["street"])],
    ),
    # --- named effects
    (
        "en-effect-1",
        "Put a soft vignette on it after you crop it to 16:9.",
        [],
        [e("crop", "all", ["16:9"]), e("vignette", "all")],
    ),
    (
        "en-effect-2",
        "Colour-splash the lemons: they stay yellow and everything else goes monochrome.",
        [],
        [e("restyle", "not:lemon", BW)],
    ),
    (
        "en-effect-3",
        "Select the chimney smoke, remove it, and then add a vignette.",
        [],
        [e("remove", "smoke"), e("vignette", "all")],
    ),
    (
        "en-effect-4",
        "Keep only the pink flamingos in colour and add a slight vignette.",
        [],
        [e("restyle", "not:flamingo", BW), e("vignette", "all")],
    ),
    (
        "en-effect-5",
        "Darken the edges of the frame and brighten the candle in the centre.",
        [],
        [e("vignette", "all"), e("adjust", "candle", BRIGHT)],
    ),
    # --- free-form edits with a target
    (
        "en-free-1",
        "Make the toddler in the high chair look sleepy and dim the kitchen lights.",
        [],
        [e("edit", "toddler", ["sleep"]), e("adjust", "light|kitchen", BRIGHT)],
    ),
    (
        "en-free-2",
        "Have the dog on the right wag its tail, leaving the other dog as it is.",
        ["dog"],
        [e("edit", "dog", ["wag", "tail"])],
    ),
    (
        "en-free-3",
        "Melt the snowman a little and add puddles around it.",
        [],
        [e("edit", "snowman", ["melt"]), e("add", "snowman|all", ["puddle"])],
    ),
    (
        "en-free-4",
        "Give the teenager on the skateboard a surprised expression without touching his clothes.",
        ["cloth"],
        [e("edit", "teen", ["surprise"])],
    ),
    # --- everything else / the rest
    (
        "en-rest-1",
        "Light up the ferris wheel and tone down everything around it.",
        [],
        [e("adjust", "wheel", BRIGHT), e("adjust", "not:wheel", [*BRIGHT, *SAT])],
    ),
    (
        "en-rest-2",
        "Leave the violinist in colour and turn the rest of the orchestra sepia.",
        [],
        [e("restyle", "not:violinist", SEPIA)],
    ),
    (
        "en-rest-3",
        "Bring the chess pieces into crisp focus and let the rest of the board go soft.",
        [],
        [e("adjust", "piece", SHARP), e("blur", "not:piece")],
    ),
    (
        "en-rest-4",
        "The lit window stays untouched; the rest of the house gets a night-time look.",
        ["window"],
        [e("atmosphere", "not:window", ["night"])],
    ),
    # --- mappings
    (
        "en-map-1",
        "Make the backdrop behind the toys mint green and add a vignette.",
        [],
        [e(REC, BG_OR_BACKDROP, ["mint", "green", "tint", "hue"]), e("vignette", "all")],
    ),
    (
        "en-map-2",
        "Give the harbour a twilight mood and extend the canvas 120 pixels at the bottom.",
        [],
        [e("atmosphere", "all|harbour|harbor", ["sunset", "night"]), e("extend", "all", ['"bottom": 120'])],
    ),
    # --- requests and questions
    (
        "en-req-1",
        "Would it be possible to make the moon larger and a touch warmer?",
        [],
        [e("scale", "moon"), e("adjust", "moon", WARM)],
    ),
    (
        "en-req-2",
        "Is there any chance you could replace the dull carpet with a Persian rug, but not touch the dog lying on it?",
        ["dog"],
        [e("replace", "carpet", ["persian", "rug"])],
    ),
    # --- open noun phrases
    (
        "en-np-1",
        "Remove the half-deflated beach ball floating near the second lifeguard chair and brighten the water.",
        [],
        [e("remove", "ball"), e("adjust", "water", BRIGHT)],
    ),
    # --- purpose clauses
    (
        "en-purpose-1",
        "Lift the shadows to reveal the hikers' faces, then warm the picture slightly.",
        [],
        [e("adjust", "all", ["shadows"]), e("adjust", "all", WARM)],
    ),
    (
        "en-purpose-2",
        "Raise the contrast so the lettering on the sign reads better, but leave the brick wall alone.",
        ["wall"],
        [e("adjust", "all|sign|letter", CONTRAST)],
    ),
    # --- lexical variants
    (
        "en-lex-1",
        "Pop a party hat on the pug and bin the paper plates.",
        [],
        [e("add", "pug", ["hat"]), e("remove", "plate")],
    ),
    (
        "en-lex-2",
        "Scrub out the tyre marks on the sand and tint the sky a pale peach.",
        [],
        [e("remove", "mark"), e(REC, "sky", ["peach", "tint", "hue", "warmth"])],
    ),
    # --- canvas ops with move, scale, upscale
    (
        "en-geo-1",
        "Rotate it 90 degrees anticlockwise, then crop out the black borders.",
        [],
        [e("rotate", "all", ["90"]), e("crop|remove", "all|border")],
    ),
    (
        "en-geo-2",
        "Put the potted fern on the right side of the shelf and double its size.",
        [],
        [e("move", "fern", ["right"]), e("scale", "fern", ["2"])],
    ),
    (
        "en-geo-3",
        "Upscale this 3x and then sharpen just the text on the poster.",
        [],
        [e("upscale", "all", ["3"]), e("adjust", "text|poster", SHARP)],
    ),
    # --- long creative prompts
    (
        "en-creative-1",
        "Transform this train station into a steampunk terminal from an alternate Victorian age. Brass pipes snake "
        "along the ceiling, airships are docked beyond the arched windows and the clocks are full of exposed gears. "
        "Warm gaslight fills the hall. The conductor on the platform must stay exactly as he is.",
        ["conductor"],
        [e("edit", "all", ["steampunk"])],
    ),
    (
        "en-creative-2",
        "Redraw our garden party as a page from a children's picture book: thick pencil outlines, soft gouache "
        "colours, a smiling sun in the corner and bunting strung between the trees. Keep grandma's face the same so "
        "she is still recognisable.",
        ["face"],
        [e("edit", "all", ["picture book", "gouache"])],
    ),
    (
        "en-creative-3",
        "Make this desert road look like a highway on Mars. The sand turns rust red, two small moons hang in a pale "
        "butterscotch sky and the distant mesas are dusted with thin frost. Don't change the jeep parked on the "
        "shoulder.",
        ["jeep"],
        [e("edit", "all", ["mars"])],
    ),
    (
        "en-creative-4",
        "Fill the greenhouse with an overgrown tropical jungle: giant monstera leaves pressing against the glass, "
        "orchids hanging from the roof beams, mist drifting between the benches and a toucan perched on the "
        "watering hose.",
        [],
        [e("edit", "all", ["jungle"])],
    ),
    (
        "en-creative-5",
        "Recreate the photo as a Japanese ukiyo-e woodblock print with flat areas of indigo and vermilion, bold "
        "outlines and a stylised wave curling in the distance. The wooden bridge in the middle should stay untouched.",
        ["bridge"],
        [e("edit", "all", ["ukiyo"])],
    ),
]

ZH = [
    # --- 逗号后的连接词
    (
        "zh-conn-1",
        "把阳台上晾的衣服收掉，然后给栏杆挂上一串彩灯",
        [],
        [e("remove", "cloth|laundry|衣服"), e("add", "railing|rail|栏杆", ["light", "灯"])],
    ),
    (
        "zh-conn-2",
        "将背景替换为海边的礁石，同时让人物的肤色稍微暖一点",
        [],
        [e("replace", "background", ["rock", "reef", "礁石"]), e("adjust", "skin|肤色", WARM)],
    ),
    (
        "zh-conn-3",
        "给小男孩换上一套校服，接着把操场调亮一点",
        [],
        [e("replace|add|edit", "boy|男孩|cloth|衣", ["uniform", "校服"]), e("adjust", "playground|操场", BRIGHT)],
    ),
    (
        "zh-conn-4",
        "先把照片裁成3:4，再把饱和度降低百分之二十",
        [],
        [e("crop", "all", ["3:4"]), e("adjust", "all", SAT)],
    ),
    (
        "zh-conn-5",
        "把鱼缸里的水弄得清澈一些，然后在里面加两条金鱼",
        [],
        [
            e("enhance|adjust|edit", "water|水|tank|缸", ["dehaze", "contrast", "clear", "清澈", "auto"]),
            e("add", "tank|aquarium|缸|water|水", ["goldfish", "金鱼"]),
        ],
    ),
    (
        "zh-conn-6",
        "把墙上的挂钟去掉，最后把照片做成水彩画的效果",
        [],
        [e("remove", "clock|钟"), e("restyle", "all", ["watercolor", "watercolour", "水彩"])],
    ),
    (
        "zh-conn-7",
        "给火锅加上一些冒出来的热气，另外把桌上的纸巾盒拿掉",
        [],
        [e("add|edit", "hotpot|hot pot|火锅", ["steam", "热气"]), e("remove", "tissue|纸巾")],
    ),
    (
        "zh-conn-8",
        "将天空换成蓝天白云，并且把远处的楼房调暗一些",
        [],
        [e("replace", "sky|天空", ["blue", "cloud", "蓝天"]), e("adjust", "building|楼", BRIGHT)],
    ),
    (
        "zh-conn-9",
        "把自行车的车筐换成藤编的，然后在车筐里放一束满天星",
        [],
        [
            e("replace", "basket|筐", ["rattan", "wicker", "藤"]),
            e("add", "basket|筐", ["baby's breath", "gypsophila", "满天星"]),
        ],
    ),
    (
        "zh-conn-10",
        "让画面整体亮一点，同时把人物的眼睛锐化一下",
        [],
        [e("adjust", "all", BRIGHT), e("adjust", "eye|眼", SHARP)],
    ),
    (
        "zh-conn-11",
        "先扫掉台阶上的落叶，再把草坪调绿，接着加一点晨雾",
        [],
        [
            e("remove", "leaf|leaves|落叶"),
            e(ADJ, "lawn|grass|草坪", GREENER),
            e("atmosphere", "all|lawn|grass|草坪", ["fog", "haze", "雾"]),
        ],
    ),
    (
        "zh-conn-12",
        "给熊猫手里加一根竹子，然后把背景虚化",
        [],
        [e("add", "panda|熊猫|hand|手", ["bamboo", "竹"]), e("blur", "background")],
    ),
    (
        "zh-conn-13",
        "把玻璃上的雨滴擦掉，还有把窗外的天空调亮",
        [],
        [e("remove", "drop|雨滴"), e("adjust", "sky|天空", BRIGHT)],
    ),
    (
        "zh-conn-14",
        "把电动车挪到画面左边，然后在它原来的位置放一个垃圾桶",
        [],
        [
            e("move", "scooter|bike|电动车", ["left"]),
            e("add", "all|scooter|bike|电动车|位置|place|spot", ["trash", "bin", "garbage", "垃圾桶"]),
        ],
    ),
    # --- 并列与省略
    (
        "zh-coord-1",
        "把窗帘换成浅黄色，床单换成深蓝色",
        [],
        [e("recolor", "curtain|窗帘", ["yellow", "黄"]), e("recolor", "sheet|bed|床单", ["blue", "蓝"])],
    ),
    (
        "zh-coord-2",
        "提高清晰度和亮度，降低噪点",
        [],
        [e("adjust|enhance", "all", DEBLUR), e("adjust", "all", BRIGHT), e("enhance", "all", ["denoise"])],
    ),
    (
        "zh-coord-3",
        "在左边加一棵圣诞树，右边加一个壁炉",
        [],
        [
            e("add", "all|left|左|box", ["christmas", "圣诞树"]),
            e("add", "all|right|右|box", ["fireplace", "壁炉"]),
        ],
    ),
    (
        "zh-coord-4",
        "把猫和狗都调亮一点，然后整张图稍微锐化",
        [],
        [e("adjust", "cat|猫|dog|狗", BRIGHT), e("adjust", "all", SHARP)],
    ),
    (
        "zh-coord-5",
        "把纸杯换成马克杯，塑料盘换成竹编的",
        [],
        [e("replace", "cup|杯", ["mug", "马克杯"]), e("replace", "plate|盘", ["bamboo", "竹"])],
    ),
    (
        "zh-coord-6",
        "沙发和地毯都换成米白色",
        [],
        [e("recolor", "sofa|沙发|rug|carpet|地毯", ["white", "beige", "cream", "ivory", "米白"])],
    ),
    (
        "zh-coord-7",
        "把男生的头发染成棕色，女生的染成粉色",
        [],
        [
            e("recolor", "hair|头发|boy|男生", ["brown", "棕"]),
            e("recolor", "hair|头发|girl|女生", ["pink", "粉"]),
        ],
    ),
    (
        "zh-coord-8",
        "对比度大幅提高，饱和度稍微降一点",
        [],
        [e("adjust", "all", CONTRAST), e("adjust", "all", SAT)],
    ),
    (
        "zh-coord-9",
        "把路灯和招牌都点亮，再加一点夜景的感觉",
        [],
        [e("adjust|edit", "lamp|路灯|sign|招牌", [*BRIGHT, "light", "亮"]), e("atmosphere", "all", ["night"])],
    ),
    (
        "zh-coord-10",
        "女孩戴上墨镜，旁边的小狗也戴一副",
        [],
        [e("add", "girl|女孩", ["sunglass", "墨镜"]), e("add", "dog|狗", ["sunglass", "墨镜"])],
    ),
    # --- 约束与排除
    (
        "zh-clause-1",
        "保持小女孩不变，将背景替换为游乐园，并添加一些彩色气球",
        ["girl|女孩"],
        [e("replace", "background", ["amusement", "park", "游乐园"]), e("add", "all|background", ["balloon", "气球"])],
    ),
    (
        "zh-clause-2",
        "把照片转成素描风格，但猫的眼睛保留原来的颜色",
        [],
        [e("restyle", "not:eye|not:眼", ["sketch", "素描"])],
    ),
    (
        "zh-clause-3",
        "天空换成黄昏，房子和树都别动",
        ["house|房", "tree|树"],
        [e("replace|atmosphere", "sky|天空", ["dusk", "sunset", "twilight", "黄昏"])],
    ),
    (
        "zh-clause-4",
        "除了招牌以外，整条街都加上下雨的效果",
        [],
        [e("atmosphere", "not:sign|not:招牌", ["rain", "雨"])],
    ),
    (
        "zh-clause-5",
        "把房间改成北欧风的装修，地板不要改",
        ["floor|地板"],
        [e("restyle|edit|replace", "room|房间|all", ["nordic", "scandinavian", "北欧"])],
    ),
    (
        "zh-clause-6",
        "背景调成黑白，小狗保持原样",
        ["dog|狗"],
        [e("restyle", "background", BW)],
    ),
    (
        "zh-clause-7",
        "人物的脸不要动，把头发颜色变浅一点",
        ["face|脸"],
        [e(ADJ, "hair|头发", [*BRIGHT, "light", "浅"])],
    ),
    (
        "zh-clause-8",
        "整体加暗角，但不要影响中间的蛋糕",
        ["cake|蛋糕"],
        [e("vignette", "all")],
    ),
    (
        "zh-clause-9",
        "把风筝以外的部分都变成油画风格",
        [],
        [e("restyle", "not:kite|not:风筝", ["oil", "油画"])],
    ),
    (
        "zh-clause-10",
        "让老房子看起来更破旧一些，门口的石狮子保持不变",
        ["lion|石狮"],
        [e("edit", "house|房子", ["old", "worn", "weather", "破旧"])],
    ),
    (
        "zh-clause-11",
        "在不动桌上食物的前提下，把桌布换成红白格子的",
        ["food|食物"],
        [e("replace|recolor", "tablecloth|cloth|桌布", ["plaid", "check", "gingham", "格子"])],
    ),
    (
        "zh-clause-12",
        "只把左边那盏台灯调暖，其他不变",
        ["not:"],
        [e("adjust", "lamp|灯", WARM)],
    ),
    (
        "zh-clause-13",
        "整张图做成复古风，只有那辆红色汽车不做",
        [],
        [e("restyle", "not:car|not:汽车", [*SEPIA, "vintage", "retro"])],
    ),
    (
        "zh-clause-14",
        "人物别动，把身后的广告牌换成一面爬满常春藤的墙",
        [PERSON],
        [e("replace", "billboard|广告牌|sign", ["ivy", "常春藤"])],
    ),
    # --- 条件
    (
        "zh-cond-1",
        "照片里要是有人，就把人都去掉；要是一个人都没有，就加一只海鸥",
        [],
        [when(exists(PERSON), [e("remove", PERSON)], [e("add", "all|sky|天空", ["gull", "海鸥"])])],
    ),
    (
        "zh-cond-2",
        "假如是竖图，就在上下各扩展100像素；不是的话就裁成16:9",
        [],
        [when(image_is("portrait"), [e("extend", "all", ['"top": 100'])], [e("crop", "all", ["16:9"])])],
    ),
    (
        "zh-cond-3",
        "如果画面里没有猫，就在沙发上放一只橘猫。不管有没有猫，最后都把整体调暖",
        [],
        [when(absent("cat|猫"), [e("add", "sofa|沙发", ["cat", "猫"])]), e("adjust", "all", WARM)],
    ),
    (
        "zh-cond-4",
        "照片要是有点糊，就先锐化；不糊的话就加个暗角",
        [],
        [when(image_is("blurry"), [e("adjust|enhance", "all", DEBLUR)], [e("vignette", "all")])],
    ),
    (
        "zh-cond-5",
        "如果墙上挂着画，就把画换成一面圆镜子，否则在墙上挂一个时钟",
        [],
        [
            when(
                exists("painting|picture|画"),
                [e("replace", "painting|picture|画", ["mirror", "镜"])],
                [e("add", "wall|墙", ["clock", "钟"])],
            )
        ],
    ),
    (
        "zh-cond-6",
        "除非图里有小孩，不然把背景换成酒吧",
        [],
        [when(absent("child|kid|小孩|孩"), [e("replace", "background", ["bar", "pub", "酒吧"])])],
    ),
    (
        "zh-cond-7",
        "如果照片是黑白的，就给它上色；如果是彩色的，就转成黑白",
        [],
        [when(image_is("grayscale"), [e("edit|restyle", "all", COLORISE)], [e("restyle", "all", BW)])],
    ),
    (
        "zh-cond-8",
        "有雪的话就把雪去掉，没有的话就把画面调亮一点",
        [],
        [when(exists("snow|雪"), [e("remove", "snow|雪")], [e("adjust", "all", BRIGHT)])],
    ),
    (
        "zh-cond-9",
        "保持新人不变；如果背景里有路人，就把路人全部去掉",
        ["couple|newlywed|bride|新人"],
        [
            when(
                exists("passer|pedestrian|路人|people|person"),
                [e("remove", "passer|pedestrian|路人|people|person")],
            )
        ],
    ),
    (
        "zh-cond-10",
        "要是河面上没有船，就加一艘小木船，否则把船改成红色",
        [],
        [
            when(
                absent("boat|ship|船"),
                [e("add", "river|河", ["boat", "船"])],
                [e("recolor", "boat|ship|船", ["red", "红"])],
            )
        ],
    ),
    # --- 跨句代词
    (
        "zh-pron-1",
        "桌上有一个旧花瓶。把它换成玻璃的，再在里面插几枝玫瑰",
        [],
        [e("replace", "vase|花瓶", ["glass", "玻璃"]), e("add", "vase|花瓶", ["rose", "玫瑰"])],
    ),
    (
        "zh-pron-2",
        "那只柴犬太小了，把它放大一点，再挪到画面中间",
        [],
        [e("scale", "dog|shiba|柴犬"), e("move", "dog|shiba|柴犬", ["center", "中"])],
    ),
    (
        "zh-pron-3",
        "别动爷爷的脸。给他戴一顶草帽。",
        ["face|脸"],
        [e("add", "grandpa|grandfather|爷爷|man|old", ["hat", "草帽"])],
    ),
    (
        "zh-pron-4",
        "左边那栋楼挡住了山。把它去掉，然后把山调清楚一点",
        [],
        [
            e("remove", "building|楼"),
            e("enhance|adjust", "mountain|山", ["dehaze", "sharpness", "contrast", "deblur"]),
        ],
    ),
    (
        "zh-pron-5",
        "妈妈手里拿着一把扇子，帮她把扇子换成一束花，她本人保持不变",
        ["mother|mom|mum|妈妈|woman"],
        [e("replace", "fan|扇", ["flower", "花"])],
    ),
    (
        "zh-pron-6",
        "窗台上那盆绿萝快枯了，让它变得茂盛一点，其他不变",
        ["not:"],
        [e("edit", "pothos|绿萝|plant", ["lush", "茂盛"])],
    ),
    # --- 命名效果
    (
        "zh-effect-1",
        "给这张夜景照片加个暗角，再把灯光调暖一点",
        [],
        [e("vignette", "all"), e("adjust", "light|灯|all", WARM)],
    ),
    (
        "zh-effect-2",
        "做一个局部彩色的效果，只留下红灯笼的颜色",
        [],
        [e("restyle", "not:lantern|not:灯笼", BW)],
    ),
    (
        "zh-effect-3",
        "选中画面里所有的汽车，把它们改成白色",
        [],
        [e("recolor", "car|汽车", WHITE)],
    ),
    (
        "zh-effect-4",
        "把天空单独选出来，然后加一点晚霞的感觉",
        [],
        [e("atmosphere|replace", "sky|天空", ["sunset", "glow", "晚霞"])],
    ),
    (
        "zh-effect-5",
        "四个角压暗，中间的人物提亮一点",
        [],
        [e("vignette", "all"), e("adjust", PERSON, BRIGHT)],
    ),
    (
        "zh-effect-6",
        "框出那只鹦鹉，单独提高它的饱和度，并把它锐化",
        [],
        [e("adjust", "parrot|鹦鹉", SAT), e("adjust", "parrot|鹦鹉", SHARP)],
    ),
    (
        "zh-effect-7",
        "整张照片去色，只保留郁金香的颜色",
        [],
        [e("restyle|adjust", "not:tulip|not:郁金香", [*BW, *SAT])],
    ),
    # --- 有目标的自由编辑
    (
        "zh-free-1",
        "让照片里的爸爸笑得开心一点，同时把背景调亮",
        [],
        [e("edit", "dad|father|爸爸", ["smil", "laugh", "笑", "happ"]), e("adjust", "background", BRIGHT)],
    ),
    (
        "zh-free-2",
        "让那只金毛坐下来，别的都不变",
        ["not:"],
        [e("edit", "retriever|金毛|dog", ["sit", "坐"])],
    ),
    (
        "zh-free-3",
        "让冰淇淋看起来正在融化，再把盘子换成蓝色",
        [],
        [e("edit", "ice cream|冰淇淋", ["melt", "融化"]), e("recolor", "plate|盘", ["blue", "蓝"])],
    ),
    (
        "zh-free-4",
        "让墙上的钟指向三点，然后把墙刷成浅绿色",
        [],
        [e("edit", "clock|钟", ["three", "3", "三点"]), e("recolor", "wall|墙", ["green", "绿"])],
    ),
    (
        "zh-free-5",
        "让骑车的男孩戴上头盔，并且让他看起来更专注",
        [],
        [e("add", "boy|男孩", ["helmet", "头盔"]), e("edit", "boy|男孩", ["focus", "专注"])],
    ),
    # --- 其余 / 其他 / 除了
    (
        "zh-rest-1",
        "把新娘的婚纱提亮，其余部分稍微压暗",
        [],
        [e("adjust", "gown|dress|婚纱", BRIGHT), e("adjust", "not:gown|not:dress|not:婚纱", BRIGHT)],
    ),
    (
        "zh-rest-2",
        "舞台上的歌手保持彩色，其余全部变成黑白",
        [],
        [e("restyle", "not:singer|not:歌手", BW)],
    ),
    (
        "zh-rest-3",
        "除了前景的那束花，别的全部虚化",
        [],
        [e("blur", "not:flower|not:花")],
    ),
    (
        "zh-rest-4",
        "把灯塔提亮一点，其他的地方都加上浓雾",
        [],
        [e("adjust", "lighthouse|灯塔", BRIGHT), e("atmosphere", "not:lighthouse|not:灯塔", ["fog", "雾"])],
    ),
    (
        "zh-rest-5",
        "给宝宝加一点暖色，其余的颜色淡一些",
        [],
        [e("adjust", "baby|宝宝", WARM), e("adjust", "not:baby|not:宝宝", SAT)],
    ),
    (
        "zh-rest-6",
        "把主持人锐化，台下其他人全部虚化",
        [],
        [
            e("adjust", "host|主持人", SHARP),
            e("blur", "audience|people|观众|台下|其他人|not:host|not:主持人"),
        ],
    ),
    (
        "zh-rest-7",
        "除了月亮，其余全部调暗，月亮本身再亮一点",
        [],
        [e("adjust", "not:moon|not:月亮", BRIGHT), e("adjust", "moon|月亮", BRIGHT)],
    ),
    # --- 区域上的比较级
    (
        "zh-comp-1",
        "让湖水更绿一点，岸边的枫叶更红一点",
        [],
        [e(ADJ, "lake|湖", GREENER), e(ADJ, "maple|leaf|leaves|枫叶", REDDER)],
    ),
    (
        "zh-comp-2",
        "把天空调成很深的蓝色，别影响山",
        ["mountain|山"],
        [e(REC, "sky|天空", [*BLUER, *BRIGHT, "深"])],
    ),
    (
        "zh-comp-3",
        "让毛衣的颜色再鲜艳一点，但裤子别跟着变",
        ["pants|trousers|裤"],
        [e("adjust", "sweater|jumper|毛衣", SAT)],
    ),
    (
        "zh-comp-4",
        "让樱桃看起来更红、更亮",
        [],
        [e(ADJ, "cherr|樱桃", REDDER), e("adjust", "cherr|樱桃", BRIGHT)],
    ),
    (
        "zh-comp-5",
        "远处的山再淡一点，近处的草地再亮一点",
        [],
        [
            e("adjust|recolor|atmosphere", "mountain|山", [*BRIGHT, "saturation", "haze", "fog", "淡"]),
            e("adjust", "grass|lawn|草", BRIGHT),
        ],
    ),
    (
        "zh-comp-6",
        "让西瓜瓤更红，瓜皮更绿",
        [],
        [
            e(ADJ, "flesh|pulp|瓤|watermelon|西瓜", REDDER),
            e(ADJ, "rind|peel|skin|瓜皮", GREENER),
        ],
    ),
    (
        "zh-comp-7",
        "把海面调得比现在暗百分之三十，天空保持原样",
        ["sky|天空"],
        [e("adjust", "sea|ocean|海", BRIGHT)],
    ),
    # --- 词典会拆开的复合词
    (
        "zh-compound-1",
        "把背景换成秋天的银杏大道，再加一点暖光",
        [],
        [e("replace", "background", ["ginkgo", "银杏"]), e("adjust", "all|background", WARM)],
    ),
    (
        "zh-compound-2",
        "在雪地里加一只北极狐，然后把天空调暗",
        [],
        [e("add", "snow|雪地|field|ground", ["fox", "北极狐"]), e("adjust", "sky|天空", BRIGHT)],
    ),
    (
        "zh-compound-3",
        "给房顶加上一层厚厚的积雪，然后再下点小雪",
        [],
        [e("add|atmosphere|edit", "roof|房顶", ["snow", "积雪"]), e("atmosphere", "all", ["snow", "雪"])],
    ),
    (
        "zh-compound-4",
        "把夜空中的月亮换成土星，星星再多一些",
        [],
        [e("replace", "moon|月亮", ["saturn", "土星"]), e("add", "sky|夜空|all", ["star", "星"])],
    ),
    (
        "zh-compound-5",
        "把桌上的雪碧换成可乐，旁边再放一个汉堡",
        [],
        [
            e("replace", "sprite|雪碧", ["cola", "coke", "可乐"]),
            e("add", "sprite|雪碧|cola|coke|可乐|table|桌|all", ["burger", "汉堡"]),
        ],
    ),
    # --- 长的创意提示
    (
        "zh-creative-1",
        "把这间普通的教室变成魔法学院的课堂：黑板上写满发光的咒语，课桌上堆着古老的羊皮书，天花板上漂浮着点燃的蜡烛，"
        "窗外是一座高耸的城堡。讲台前的老师保持不变。",
        ["teacher|老师"],
        [e("edit", "all", ["魔法", "magic"])],
    ),
    (
        "zh-creative-2",
        "把这张小区门口的照片改成赛博朋克风格的未来街景，楼顶架着巨大的全息广告，空中有飞行汽车穿梭，"
        "地面湿漉漉地映着紫色和青色的霓虹。门口那只橘猫不要改。",
        ["cat|猫"],
        [e("edit", "all", ["赛博朋克", "cyberpunk"])],
    ),
    (
        "zh-creative-3",
        "想象这片稻田在冬天的样子：田埂上积着厚厚的雪，远处的村庄屋顶冒着炊烟，几只麻雀在雪地里觅食，"
        "天色灰蓝而安静。稻田边的稻草人保持原样。",
        ["scarecrow|稻草人"],
        [e("edit", "all", ["冬天", "winter", "稻田"])],
    ),
    (
        "zh-creative-4",
        "把这张全家福画成一幅中国传统工笔画，人物穿着宋代的服饰，背景是亭台楼阁和远山，整体用淡雅的青绿色调，"
        "画面角落盖一枚红色印章。每个人的脸都要保持原样。",
        ["face|脸"],
        [e("edit", "all", ["工笔", "gongbi"])],
    ),
    (
        "zh-creative-5",
        "把书桌上的这些文具变成一座微型城市：铅笔变成高楼，橡皮变成公交车，尺子变成一座桥，"
        "台灯的光像夕阳一样洒在街道上。",
        [],
        [e("edit", "all", ["微型", "miniature", "城市"])],
    ),
]

CASES = [(cid, "en", text, keeps, steps) for cid, text, keeps, steps in EN] + [
    (cid, "zh", text, keeps, steps) for cid, text, keeps, steps in ZH
]
