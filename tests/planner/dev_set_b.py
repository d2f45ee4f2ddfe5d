"""A second labelled dev set for the planner, by an independent labeller: what a demanding user means, in editree's IR.

Every sentence here was written for this file: none is taken from a third-party corpus, and none rewords a line of
tests/planner/dev_set.py (new situations, vocabulary and sentence shapes: photographers' jargon, casual chat,
product and shop-listing shots, portrait retouching, travel photos, old family photos, social-media posts). The
labels were written from the IR (editree/ops) and the meaning of the request before any planner was run on them.

Format: exactly that of tests/planner/dev_set.py (read by ../shared/planner-dev/score_plans.py `labelled`):

    CASES = [(case_id, lang, text, keeps, steps), ...]

- case_id: "<lang>-<class>-<n>"; the class names the phenomenon (CLASSES below).
- keeps: head-word alternatives of the plan's `keep` constraints, one entry per constraint.
- steps: in the order of the instruction; an edit is {"op", "target", "arg"}, a condition is
  {"if": {"exists": X} | {"not_exists": X} | {"image_is": P}, "then": [...], "else": [...]}.

The conventions are those of dev_set.py's header (one step on a union for one verb over coordinated objects with
the same arguments; comparatives on a region are region-scoped adjust|recolor; colour pop is ONE restyle on not:X
with no keep; "keep/leave/without changing X" is keep(X); an exclusion attached to one step is its target not:X;
"everything else" is not:<the region before>; pronouns resolve across sentences; free-form edits keep their
region; long creative prompts are one `edit` on all plus stated keeps; Chinese targets list English and Chinese
heads). Decided here for words that set does not cover (apply them to new cases too):
- Clarity / midtone contrast / "punchier": adjust contrast (sharpness also accepted for clarity). "Pop" on a region:
  saturation, vibrance or contrast. Crush the blacks: shadows or contrast. Open up / lift the shadows: shadows;
  tame / pull back the highlights: highlights. Dodge X: brighten X; burn X: darken X; "burn the edges": vignette.
- White balance "too magenta / too green / 偏绿": adjust tint; "too yellow / too orange / yellow cast": warmth. One
  complaint with its fix ("fix the white balance, it's too magenta") is ONE step.
- Skin smoothing (磨皮, "smoother complexion"), shine/sparkle/gloss, red eye, "less tired", wrinkles in clothes,
  colourising an old photo (上色): free-form `edit` on the region named (colourise also restyle), since no op does
  it; "keep the freckles" beside it is keep(freckles).
- "Keep it off the roof", "not over the village", "屋顶除外", "don't let it touch X" bind to the step: target not:X
  (or minus), no keep. "X must stay sharp", "X留着", "别碰X" are keeps.
- A heading before a list ("Clean up this sneaker shot: ...", "moody vibe, darker and cooler") adds no step of its
  own: the listed edits are what it means. A statement of the problem before its fix ("The lawn looks brown — make
  it greener") is context.
- "Crop out X" is crop (all) or remove X. "A little to the left" is a move by an offset (dx) or to the left.
  "Shrink/enlarge the picture" is resize; "放大到原来的两倍" (the whole picture) is resize or upscale.
- Chinese traps the lexicon may split: 雪糕 is ice cream, 雪人 a snowman, 雨伞 an umbrella, 雨衣 a raincoat,
  夜市 a night market, 夜空 the night sky, 烟花 fireworks, 蓝莓 blueberries, 雾凇 rime, 火烧云 a fiery sunset
  sky: objects or prompts, never an atmosphere step.
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
POP = ["saturation", "vibrance", "contrast"]
SHARP = ["sharpness"]
DEBLUR = ["deblur", "sharpness"]
CONTRAST = ["contrast"]
CLARITY = ["contrast", "sharpness"]
BW = ["black and white", "black-and-white", "grayscale", "greyscale", "monochrome", "黑白"]
SEPIA = ["sepia", "复古"]
GREENER = ["green", "saturation", "vibrance", "hue", "tint", "绿"]
BLUER = ["blue", "saturation", "vibrance", "hue", "warmth", "蓝"]
WHITER = ["white", "brightness", "exposure", "白"]
WHITE_BG = ["white", "白"]
COLORISE = ["color", "colour", "上色", "彩色"]
REC = "recolor|adjust"
ADJ = "adjust|recolor"
PERSON = "person|people|人"
BG_OR_BACKDROP = "background|backdrop"

CLASSES = {
    "coord": "coordination and ellipsis: a bare second property, a second object with its verb gapped, two "
    "placements (put A on X and B on Y), a noun left out (右边的)",
    "comp": "comparatives on a region",
    "clause": "constraints and exclusions in participial/adverbial clauses, first or last; a second clause with its "
    "own target",
    "cond": "conditions: negative, image properties (dark, bright, blurry, grayscale, portrait, landscape), unless, "
    "Chinese 如果/要是/除非/假如",
    "pron": "pronouns and dislocations across sentences",
    "effect": "named effects: vignette (burn the edges, 暗角, 四周压暗), colour pop / splash / 局部留色, selections",
    "free": "free-form edits that keep their target",
    "rest": "everything else / the rest / the remainder / 其余 / 其他 / 别的地方 / 周围",
    "map": "mappings: background colour, sunset look, extend",
    "req": "requests and questions (could you possibly, is there a way, would you mind, 帮我, 能不能, 麻烦, 亲)",
    "nom": "gerunds and nominalisations",
    "tele": "telegraphic notes (slider values, colons, b&w)",
    "np": "open noun phrases: relative clauses, participles, ordinals, counts, possessives",
    "purpose": "purpose clauses that give a direction, not a region",
    "jargon": "photographers' and retouchers' terms (clarity, dodge and burn, crush the blacks, white balance, grade)",
    "chat": "casual chat: lowercase, slang, abbreviations (u, pls, n, em, lol, ngl)",
    "product": "product photos and shop listings",
    "restore": "old family photos: tears, creases, stains, faded colour, colourising",
    "move": "move, scale, upscale, and canvas ops with them",
    "creative": "long creative prompts: one free-form edit plus stated keeps",
    "multi": "several sentences or numbered steps",
    "conn": "Chinese clause connectives after a comma (然后, 同时, 再, 之后, 接下来, 并且, 随后, 在上面)",
    "compound": "Chinese compounds a character lexicon splits (雪糕, 雨伞, 夜市, 雪人, 烟花, 雾凇 ...)",
}

EN = [
    # --- coordination and ellipsis
    (
        "en-coord-1",
        "Could use more clarity, and vibrance too.",
        [],
        [e("adjust", "all", CLARITY), e("adjust", "all", SAT)],
    ),
    (
        "en-coord-2",
        "Reduce the saturation and warmth of the background.",
        [],
        [e("adjust", "background", SAT), e("adjust", "background", WARM)],
    ),
    (
        "en-coord-3",
        "I'd like navy curtains and mustard-yellow cushions.",
        [],
        [e("recolor", "curtain", ["navy", "blue"]), e("recolor", "cushion", ["yellow", "mustard"])],
    ),
    (
        "en-coord-4",
        "The plastic chairs should become wooden stools, and the paper cups ceramic mugs.",
        [],
        [e("replace", "chair", ["stool"]), e("replace", "cup", ["mug"])],
    ),
    (
        "en-coord-5",
        "Hang a wreath on the front door and string fairy lights along the porch railing.",
        [],
        [e("add", "door", ["wreath"]), e("add", "railing|porch", ["light"])],
    ),
    (
        "en-coord-6",
        "A coffee cup next to the laptop would be nice, and a croissant on the plate.",
        [],
        [e("add", "laptop|all", ["coffee", "cup"]), e("add", "plate", ["croissant"])],
    ),
    (
        "en-coord-7",
        "Clean out the traffic cones, the scaffolding and all the graffiti.",
        [],
        [e("remove", "cone|scaffold|graffiti")],
    ),
    (
        "en-coord-8",
        "Make the jacket and the backpack the same shade of red.",
        [],
        [e("recolor", "jacket|backpack", ["red"])],
    ),
    (
        "en-coord-9",
        "Brighten the paper lanterns and deepen the blue of the night sky.",
        [],
        [e("adjust", "lantern", BRIGHT), e(ADJ, "sky", [*BLUER, "brightness", "exposure"])],
    ),
    (
        "en-coord-10",
        "Increase sharpness on the product and decrease it on the backdrop.",
        [],
        [e("adjust", "product", SHARP), e("adjust", BG_OR_BACKDROP, SHARP)],
    ),
    (
        "en-coord-11",
        "Add a bowl of fruit to the counter and a clock on the wall above it.",
        [],
        [e("add", "counter", ["fruit"]), e("add", "wall", ["clock"])],
    ),
    # --- comparatives on a region
    (
        "en-comp-1",
        "The lawn looks patchy and brown. Make it greener and brighten the flower beds.",
        [],
        [e(ADJ, "lawn|grass", GREENER), e("adjust", "flower|bed", BRIGHT)],
    ),
    (
        "en-comp-2",
        "Make the ocean more turquoise near the shore and the sand a little paler.",
        [],
        [
            e(ADJ, "ocean|water|sea|shore", ["turquoise", "hue", "saturation", "blue", "green"]),
            e(ADJ, "sand", ["brightness", "exposure", "saturation", "pale"]),
        ],
    ),
    (
        "en-comp-3",
        "I want the sunset sky redder and the silhouettes blacker.",
        [],
        [
            e(ADJ, "sky|sunset", ["red", "saturation", "hue", "warmth"]),
            e(ADJ, "silhouette", ["black", "brightness", "exposure", "shadows"]),
        ],
    ),
    (
        "en-comp-4",
        "Her lipstick should be a softer pink and her cheeks less flushed.",
        [],
        [
            e(ADJ, "lipstick|lip", ["pink", "saturation"]),
            e(ADJ, "cheek", ["saturation", "red", "tint", "hue", "vibrance"]),
        ],
    ),
    (
        "en-comp-5",
        "Could the neon signs be more saturated while the street stays as it is?",
        ["street"],
        [e("adjust", "sign|neon", SAT)],
    ),
    (
        "en-comp-6",
        "Darker wood on the table, lighter tiles on the floor.",
        [],
        [e("adjust", "table|wood", BRIGHT), e("adjust", "tile|floor", BRIGHT)],
    ),
    (
        "en-comp-7",
        "The mountains in the back need to be bluer and hazier for depth.",
        [],
        [e(ADJ, "mountain", BLUER), e("atmosphere", "mountain", ["haze", "fog"])],
    ),
    # --- constraints and exclusions in clauses; constraint first or last; a second clause with its own target
    (
        "en-clause-1",
        "Add falling snow across the scene, but keep it off the cabin roof.",
        [],
        [e("atmosphere", "not:roof", ["snow"])],
    ),
    (
        "en-clause-2",
        "The church spire stays exactly as it is; the overcast sky behind it becomes a clear evening blue.",
        ["spire|church"],
        [e("replace|recolor", "sky", ["clear", "blue"])],
    ),
    (
        "en-clause-3",
        "Leave the food untouched and make the tablecloth a warmer cream colour.",
        ["food"],
        [e(REC, "tablecloth|cloth", ["cream", "warmth"])],
    ),
    (
        "en-clause-4",
        "Cool the whole shot down a little, the skin tones excepted.",
        [],
        [e("adjust", "not:skin", WARM)],
    ),
    (
        "en-clause-5",
        "Make the background sepia while the kids stay in full colour.",
        [],
        [e("restyle", "background|not:kid", SEPIA)],
    ),
    (
        "en-clause-6",
        "Push the exposure up half a stop; the bride's dress can't be touched though.",
        ["dress"],
        [e("adjust", "all", BRIGHT)],
    ),
    (
        "en-clause-7",
        "Blur out the crowd in the stands, though the referee must stay sharp.",
        ["referee"],
        [e("blur", "crowd")],
    ),
    (
        "en-clause-8",
        "Tint the pool water a deeper green and leave the swimmers exactly as they are.",
        ["swimmer"],
        [e(REC, "water|pool", GREENER)],
    ),
    (
        "en-clause-9",
        "Haze over the valley please, the village excluded.",
        [],
        [e("atmosphere", "not:village", ["haze"])],
    ),
    (
        "en-clause-10",
        "I want the dog done in watercolour, and for the garden a pencil-sketch look.",
        [],
        [e("restyle", "dog", ["watercolor", "watercolour"]), e("restyle", "garden", ["pencil", "sketch"])],
    ),
    (
        "en-clause-11",
        "Make the foreground a touch brighter and the distant hills slightly out of focus.",
        [],
        [e("adjust", "foreground", BRIGHT), e("blur", "hill")],
    ),
    (
        "en-clause-12",
        "Replace the background with a bookshelf, but his glasses and hair must not be altered.",
        ["glasses", "hair"],
        [e("replace", "background", ["bookshelf", "shelf", "book"])],
    ),
    (
        "en-clause-13",
        "Everything but the bouquet should go black and white.",
        [],
        [e("restyle", "not:bouquet", BW)],
    ),
    (
        "en-clause-14",
        "Saturate the sunset without turning the faces orange.",
        ["face"],
        [e("adjust", "sunset|sky", SAT)],
    ),
    (
        "en-clause-15",
        "Put a soft blur on the background and don't let it touch the hands.",
        [],
        [e("blur", "background|not:hand")],
    ),
    (
        "en-clause-16",
        "Whatever you do, don't change the baby's face. Just brighten the room and take the laundry basket out.",
        ["face"],
        [e("adjust", "room|all", BRIGHT), e("remove", "basket")],
    ),
    # --- conditions
    (
        "en-cond-1",
        "No clouds? Then add a few puffy ones over the mountains.",
        [],
        [when(absent("cloud"), [e("add", "mountain|sky|all", ["cloud"])])],
    ),
    (
        "en-cond-2",
        "Should the photo come out too bright, pull the exposure down a bit; otherwise leave it alone.",
        [],
        [when(image_is("bright"), [e("adjust", "all", BRIGHT)])],
    ),
    (
        "en-cond-3",
        "If the shot is already black and white, add some contrast, else convert it to black and white.",
        [],
        [when(image_is("grayscale"), [e("adjust", "all", CONTRAST)], [e("restyle", "all", BW)])],
    ),
    (
        "en-cond-4",
        "Erase whoever is standing in the doorway, if anybody is.",
        [],
        [when(exists("person|someone|people|doorway"), [e("remove", "person|someone|people|doorway")])],
    ),
    (
        "en-cond-5",
        "Add a rainbow above the field unless there's one already.",
        [],
        [when(absent("rainbow"), [e("add", "field|sky|all", ["rainbow"])])],
    ),
    (
        "en-cond-6",
        "When the image looks blurry, deblur it and bump the contrast; if not, just add a vignette.",
        [],
        [
            when(
                image_is("blurry"),
                [e("enhance|adjust", "all", DEBLUR), e("adjust", "all", CONTRAST)],
                [e("vignette", "all")],
            )
        ],
    ),
    (
        "en-cond-7",
        "If there's no dog in the photo, put a golden retriever on the rug. Either way, warm it up.",
        [],
        [when(absent("dog"), [e("add", "rug", ["retriever", "dog"])]), e("adjust", "all", WARM)],
    ),
    (
        "en-cond-8",
        "If the picture is in portrait orientation, crop it to 4:5; otherwise crop to 16:9.",
        [],
        [when(image_is("portrait"), [e("crop", "all", ["4:5"])], [e("crop", "all", ["16:9"])])],
    ),
    (
        "en-cond-9",
        "If it's a landscape shot, extend the top by 300 pixels, otherwise crop it square.",
        [],
        [when(image_is("landscape"), [e("extend", "all", ['"top": 300'])], [e("crop", "all", ["1:1"])])],
    ),
    (
        "en-cond-10",
        "If there's a lamp in the corner, switch it on; if there isn't, add one there.",
        [],
        [when(exists("lamp"), [e("edit", "lamp", ["on", "light"])], [e("add", "corner|all", ["lamp"])])],
    ),
    # --- pronouns across sentences
    (
        "en-pron-1",
        "Her hair is perfect, so don't touch it. The sweater, though, should be burgundy.",
        ["hair"],
        [e("recolor|replace", "sweater", ["burgundy"])],
    ),
    (
        "en-pron-2",
        "A shopping cart is sitting on the right. Lose it and brighten the aisle.",
        [],
        [e("remove", "cart"), e("adjust", "aisle", BRIGHT)],
    ),
    (
        "en-pron-3",
        "That yellow kayak by the rocks, could you bring it closer to the dock?",
        [],
        [e("move", "kayak", ["dock"])],
    ),
    (
        "en-pron-4",
        "My dad is on the left. Keep him exactly as he is and make the people around him black and white.",
        ["dad|father|man"],
        [e("restyle", "people|person|not:dad|not:father|not:man", BW)],
    ),
    (
        "en-pron-5",
        "Nobody notices the ceramic bowl. Saturate it more and give it some shine.",
        [],
        [e("adjust", "bowl", SAT), e("edit", "bowl", ["shin"])],
    ),
    (
        "en-pron-6",
        "Fireworks would look great in the night sky behind the couple, but they themselves must stay as they are.",
        ["couple"],
        [e("add", "sky|background|all", ["firework"])],
    ),
    (
        "en-pron-7",
        "There are two swans on the pond. Make them whiter and remove the plastic bottle next to them.",
        [],
        [e(ADJ, "swan", WHITER), e("remove", "bottle")],
    ),
    # --- named effects
    (
        "en-effect-1",
        "Apply a gentle vignette and crop to 4:5 for Instagram.",
        [],
        [e("vignette", "all"), e("crop", "all", ["4:5"])],
    ),
    (
        "en-effect-2",
        "Can you do that thing where just the green bicycle is in colour and the rest is grey?",
        [],
        [e("restyle", "not:bicycle|not:bike", [*BW, "grey", "gray"])],
    ),
    ("en-effect-3", "Burn in the edges of the frame a little.", [], [e("vignette", "all")]),
    (
        "en-effect-4",
        "Vignette it heavily and bump the contrast.",
        [],
        [e("vignette", "all"), e("adjust", "all", CONTRAST)],
    ),
    ("en-effect-5", "Lasso the jar of honey and warm it up a little.", [], [e("adjust", "jar|honey", WARM)]),
    # --- free-form edits with a target
    ("en-free-1", "Make the guy in the middle look like he's laughing.", [], [e("edit", "guy|man", ["laugh"])]),
    ("en-free-2", "Have the cat sit up straight and look at the camera.", [], [e("edit", "cat", ["sit", "camera"])]),
    (
        "en-free-3",
        "Open the baby's eyes and brighten the nursery.",
        [],
        [e("edit", "baby|eye", ["open"]), e("adjust", "nursery|all", BRIGHT)],
    ),
    (
        "en-free-4",
        "Give the old barn a fresh coat of paint, keeping the silo untouched.",
        ["silo"],
        [e("edit", "barn", ["paint"])],
    ),
    (
        "en-free-5",
        "Make the chef look happier and add steam rising from the pot.",
        [],
        [e("edit", "chef", ["happ"]), e("add", "pot", ["steam"])],
    ),
    ("en-free-6", "Turn the frown on the boy's face into a smile.", [], [e("edit", "boy|face|frown", ["smil"])]),
    # --- everything else / the rest
    (
        "en-rest-1",
        "Brighten the birthday cake and its candles, and dim the rest of the room.",
        [],
        [e("adjust", "cake|candle", BRIGHT), e("adjust", "not:cake|not:candle", BRIGHT)],
    ),
    (
        "en-rest-2",
        "Snow everywhere except the bronze statue, which must stay untouched.",
        ["statue"],
        [e("atmosphere", "not:statue|all", ["snow"])],
    ),
    (
        "en-rest-3",
        "Desaturate all but the strawberries.",
        [],
        [e("adjust|restyle", "not:strawberr", [*SAT, *BW])],
    ),
    (
        "en-rest-4",
        "Put the dog in sharp focus and the rest slightly blurred.",
        [],
        [e("adjust", "dog", SHARP), e("blur", "not:dog")],
    ),
    (
        "en-rest-5",
        "Make the lighthouse glow and everything surrounding it darker.",
        [],
        [e("adjust", "lighthouse", BRIGHT), e("adjust", "not:lighthouse", BRIGHT)],
    ),
    (
        "en-rest-6",
        "Throw a cool blue tint over the whole scene apart from the campfire.",
        [],
        [e("adjust|recolor", "not:campfire|not:fire", ["warmth", "tint", "blue", "hue"])],
    ),
    # --- mappings
    ("en-map-1", "Make the studio backdrop pale pink.", [], [e(REC, BG_OR_BACKDROP, ["pink", "tint", "hue"])]),
    (
        "en-map-2",
        "Give the street photo a golden-hour sunset feel and add a slight vignette.",
        [],
        [e("atmosphere", "all|street", ["sunset"]), e("vignette", "all")],
    ),
    ("en-map-3", "Add 150 pixels of sky at the top.", [], [e("extend", "all", ['"top": 150'])]),
    (
        "en-map-4",
        "Change the background to flat grey for my passport photo.",
        [],
        [e("replace|recolor", "background", ["grey", "gray"])],
    ),
    ("en-map-5", "Make the wall behind her lavender.", [], [e(REC, "wall", ["lavender", "purple", "tint", "hue"])]),
    (
        "en-map-6",
        "Can you give it that just-before-sunset glow, and lose the lens flare?",
        [],
        [e("atmosphere", "all", ["sunset"]), e("remove", "flare")],
    ),
    # --- requests and questions
    (
        "en-req-1",
        "Could you possibly take out the reflection in the window and make the room less orange?",
        [],
        [e("remove", "reflection"), e("adjust", "room|all", WARM)],
    ),
    (
        "en-req-2",
        "Is there a way to lighten my face without changing the background?",
        ["background"],
        [e("adjust", "face", BRIGHT)],
    ),
    (
        "en-req-3",
        "I'd like the horizon level and the whole thing a bit punchier.",
        [],
        [e("rotate", "all", ['"auto": true']), e("adjust", "all", POP)],
    ),
    (
        "en-req-4",
        "Please help, the photo is so grainy. Clean up the noise and sharpen the text on the sign.",
        [],
        [e("enhance", "all", ["denoise"]), e("adjust", "text|sign", SHARP)],
    ),
    # --- gerunds and nominalisations
    (
        "en-nom-1",
        "A touch of dehazing and some extra vibrance is all it needs.",
        [],
        [e("enhance", "all", ["dehaze"]), e("adjust", "all", SAT)],
    ),
    (
        "en-nom-2",
        "Needs brightening on the left side and cooling overall.",
        [],
        [e("adjust", "left|box", BRIGHT), e("adjust", "all", WARM)],
    ),
    (
        "en-nom-3",
        "The removal of the scaffolding and a bluer sky would be ideal.",
        [],
        [e("remove", "scaffold"), e(ADJ, "sky", BLUER)],
    ),
    # --- telegraphic
    (
        "en-tele-1",
        "shadows +30, highlights -20, temp warmer",
        [],
        [e("adjust", "all", ["shadows"]), e("adjust", "all", ["highlights"]), e("adjust", "all", WARM)],
    ),
    (
        "en-tele-2",
        "bg blur, subject brighter",
        [],
        [e("blur", "background"), e("adjust", "subject|person|people", BRIGHT)],
    ),
    (
        "en-tele-3",
        "sat down, contrast up, vignette",
        [],
        [e("adjust", "all", SAT), e("adjust", "all", CONTRAST), e("vignette", "all")],
    ),
    (
        "en-tele-4",
        "sky: deeper blue. water: less green.",
        [],
        [e(ADJ, "sky", BLUER), e(ADJ, "water", ["tint", "hue", "green", "saturation"])],
    ),
    (
        "en-tele-5",
        "grain off, crop 1:1, b&w",
        [],
        [e("enhance", "all", ["denoise"]), e("crop", "all", ["1:1"]), e("restyle", "all", BW)],
    ),
    # --- open noun phrases
    (
        "en-np-1",
        "Erase the faint reflection of the photographer visible in the shop window.",
        [],
        [e("remove", "reflection")],
    ),
    (
        "en-np-2",
        "Replace the half-eaten sandwich sitting on the paper plate with a slice of pizza.",
        [],
        [e("replace", "sandwich", ["pizza"])],
    ),
    ("en-np-3", "Blur the faces of the three people waiting at the bus stop.", [], [e("blur", "face")]),
    (
        "en-np-4",
        "Brighten the girl with the ponytail who's holding the red balloon, and remove the balloon's string.",
        [],
        [e("adjust", "girl", BRIGHT), e("remove", "string")],
    ),
    # --- purpose clauses
    (
        "en-purpose-1",
        "Pull the highlights down to recover detail in the clouds.",
        [],
        [e("adjust", "all", ["highlights"])],
    ),
    (
        "en-purpose-2",
        "Warm the image up so it feels more like late afternoon, but leave the snow white.",
        ["snow"],
        [e("adjust", "all", WARM)],
    ),
    (
        "en-purpose-3",
        "Make the Eiffel Tower stand out more: sharpen it and darken the sky behind it.",
        [],
        [e("adjust", "tower", SHARP), e("adjust", "sky", BRIGHT)],
    ),
    # --- photographers' and retouchers' jargon
    (
        "en-jargon-1",
        "Open up the shadows, tame the highlights, and add a hint of clarity.",
        [],
        [e("adjust", "all", ["shadows"]), e("adjust", "all", ["highlights"]), e("adjust", "all", CLARITY)],
    ),
    (
        "en-jargon-2",
        "Dodge the eyes and burn the background slightly.",
        [],
        [e("adjust", "eye", BRIGHT), e("adjust", "background", BRIGHT)],
    ),
    (
        "en-jargon-3",
        "Crush the blacks a little and give it a faded matte look.",
        [],
        [e("adjust", "all", ["shadows", "contrast"]), e("restyle|edit", "all", ["matte", "fade"])],
    ),
    (
        "en-jargon-4",
        "Fix the white balance, it's way too magenta, and knock a third of a stop off the exposure.",
        [],
        [e("adjust", "all", ["tint"]), e("adjust", "all", BRIGHT)],
    ),
    (
        "en-jargon-5",
        "Retouch her complexion so it looks smoother, but the freckles have to stay.",
        ["freckle"],
        [e("edit", "complexion|skin|face|woman", ["smooth"])],
    ),
    (
        "en-jargon-6",
        "Rotate 2 degrees counter-clockwise and crop in to 3:2.",
        [],
        [e("rotate", "all", ["2"]), e("crop", "all", ["3:2"])],
    ),
    (
        "en-jargon-7",
        "Denoise the sky and add a bit of midtone contrast to the foreground.",
        [],
        [e("enhance", "sky", ["denoise"]), e("adjust", "foreground", CONTRAST)],
    ),
    (
        "en-jargon-8",
        "Give it a teal-and-orange grade, but keep the skin tones natural.",
        ["skin"],
        [e("restyle|edit", "all", ["teal"])],
    ),
    # --- casual chat
    (
        "en-chat-1",
        "yo can you make the sunset pop more and ditch the dude photobombing on the right haha",
        [],
        [e("adjust", "sunset|sky", POP), e("remove", "dude|man|person|photobomb")],
    ),
    (
        "en-chat-2",
        "pls make me look less tired?? and fix the lighting its too yellow",
        [],
        [e("edit", "me|face|person|eye", ["tired"]), e("adjust", "all", WARM)],
    ),
    (
        "en-chat-3",
        "ngl the colors r kinda flat, bump em up a bit and brighten it",
        [],
        [e("adjust", "all", SAT), e("adjust", "all", BRIGHT)],
    ),
    (
        "en-chat-4",
        "can u blur the background n make my dog a lil sharper",
        [],
        [e("blur", "background"), e("adjust", "dog", SHARP)],
    ),
    (
        "en-chat-5",
        "omg the lighting in this is awful. warmer pls, and lose the trash can behind me",
        [],
        [e("adjust", "all", WARM), e("remove", "trash|can|bin")],
    ),
    (
        "en-chat-6",
        "posting this tonight, can you give it a moody vibe? darker and cooler with a vignette",
        [],
        [e("adjust", "all", BRIGHT), e("adjust", "all", WARM), e("vignette", "all")],
    ),
    # --- product photos and shop listings
    (
        "en-product-1",
        "For the Etsy listing: crop to square, whiten the backdrop and make the necklace sparkle a little more.",
        [],
        [
            e("crop", "all", ["1:1"]),
            e("replace|recolor|adjust", BG_OR_BACKDROP, ["white", *BRIGHT]),
            e("edit", "necklace", ["sparkl"]),
        ],
    ),
    (
        "en-product-2",
        "Clean up this sneaker shot: remove the lint on the toe, pure white background, keep the logo exactly as is.",
        ["logo"],
        [e("remove", "lint"), e("replace|recolor", "background", ["white"])],
    ),
    (
        "en-product-3",
        "Make the ring look shinier and blur the hand holding it a little.",
        [],
        [e("edit", "ring", ["shin"]), e("blur", "hand")],
    ),
    (
        "en-product-4",
        "Recolour the hoodie heather grey for the second variant, without touching the print on the chest.",
        ["print"],
        [e("recolor", "hoodie", ["grey", "gray"])],
    ),
    (
        "en-product-5",
        "The bottle label is hard to read. Sharpen it, and take the dust off the glass.",
        [],
        [e("adjust", "label", SHARP), e("remove", "dust")],
    ),
    # --- old family photos
    (
        "en-restore-1",
        "Repair the tear across grandma's shoulder and the water stain in the corner, then colourise it.",
        [],
        [e("remove|edit", "tear|stain"), e("edit|restyle", "all", COLORISE)],
    ),
    (
        "en-restore-2",
        "This old print is faded and yellowed. Restore the contrast and neutralise the yellow cast.",
        [],
        [e("adjust", "all", CONTRAST), e("adjust", "all", WARM)],
    ),
    (
        "en-restore-3",
        "Remove the dust and scratches, but leave the handwritten date on the border.",
        ["date"],
        [e("remove", "dust|scratch")],
    ),
    # --- move, scale, upscale, canvas
    (
        "en-move-1",
        "The vase is too far right and too big: nudge it left and shrink it by 20%.",
        [],
        [e("move", "vase", ["left", "dx"]), e("scale", "vase", ["0.8"])],
    ),
    (
        "en-move-2",
        "Flip the shot horizontally so she faces right, then upscale it 2x.",
        [],
        [e("flip", "all", ["horizontal"]), e("upscale", "all", ["2"])],
    ),
    (
        "en-move-3",
        "I want a bigger moon, up in the top-right corner.",
        [],
        [e("scale", "moon"), e("move", "moon", ["top right"])],
    ),
    # --- long creative prompts
    (
        "en-creative-1",
        "Turn this ordinary backyard into an enchanted fairy garden at twilight. Glowing mushrooms sprout along the "
        "fence, fireflies drift above the grass and tiny lanterns hang from the apple tree. The colours should be soft "
        "purples and teals. Do not change the two children sitting on the bench.",
        ["child|kid"],
        [e("edit", "all", ["fairy"])],
    ),
    (
        "en-creative-2",
        "Reinvent the kitchen photo as a 1970s magazine advert with avocado-green appliances, warm film tones, a bold "
        "headline across the top and a smiling family around the table. Everything should look slightly faded, like "
        "an old printed page.",
        [],
        [e("edit", "all", ["1970s", "advert"])],
    ),
    (
        "en-creative-3",
        "Picture this harbour a thousand years from now, half swallowed by the sea, with barnacle-covered boats and "
        "seaweed draped over the lamp posts. Seagulls circle a rusted crane in the fog. Keep the lighthouse on the "
        "pier as it is.",
        ["lighthouse"],
        [e("edit", "all", ["barnacle", "thousand years"])],
    ),
    (
        "en-creative-4",
        "Render my sketch of a dragon as a photorealistic creature perched on a snowy cliff, with scales catching the "
        "morning light, its breath visible in the cold air and a valley of pine trees far below.",
        [],
        [e("edit", "all", ["dragon"])],
    ),
    (
        "en-creative-5",
        "Repaint this portrait as a Renaissance-era oil canvas hanging in a museum: a rich dark background, soft "
        "candlelight from the left, visible brush strokes and fine cracks in the varnish. Her face must stay exactly "
        "the same.",
        ["face"],
        [e("edit", "all", ["renaissance"])],
    ),
    # --- several sentences or numbered steps
    (
        "en-multi-1",
        "Crop out the thumb in the corner. Then straighten it. Finally give it a bit more pop.",
        [],
        [e("crop|remove", "all|thumb"), e("rotate", "all", ['"auto": true']), e("adjust", "all", POP)],
    ),
    (
        "en-multi-2",
        "The kitchen looks gloomy. Brighten it. Also remove the dish towel hanging from the oven handle.",
        [],
        [e("adjust", "kitchen|all", BRIGHT), e("remove", "towel")],
    ),
    (
        "en-multi-3",
        "Step one: remove the price stickers. Step two: put the mug on a plain white background. Step three: add a "
        "soft shadow under it.",
        [],
        [
            e("remove", "sticker"),
            e("replace|recolor", "background", ["white"]),
            e("add", "mug|all", ["shadow"]),
        ],
    ),
    (
        "en-multi-4",
        "Clear the selfie sticks and the tour group out of the fountain shot. After that, deepen the sky.",
        [],
        [e("remove", "stick|group"), e(ADJ, "sky", [*BLUER, "brightness", "exposure"])],
    ),
]

ZH = [
    # --- 逗号后的连接词
    (
        "zh-conn-1",
        "先把天空压暗一点，然后给湖面加一层薄雾",
        [],
        [e("adjust", "sky|天空", BRIGHT), e("atmosphere", "lake|湖", ["fog", "haze", "雾"])],
    ),
    (
        "zh-conn-2",
        "把沙发换成灰色布艺沙发，同时把地毯去掉",
        [],
        [e("replace", "sofa|沙发", ["fabric", "grey", "gray", "布艺", "灰"]), e("remove", "carpet|rug|地毯")],
    ),
    (
        "zh-conn-3",
        "桌上加个生日蛋糕，上面再插几根蜡烛",
        [],
        [e("add", "table|桌", ["cake", "蛋糕"]), e("add", "cake|蛋糕", ["candle", "蜡烛"])],
    ),
    (
        "zh-conn-4",
        "人物提亮，完了背景再暖一点",
        [],
        [e("adjust", PERSON, BRIGHT), e("adjust", "background", WARM)],
    ),
    (
        "zh-conn-5",
        "去掉照片里的电线杆，之后再整体锐化",
        [],
        [e("remove", "pole|电线杆"), e("adjust", "all", SHARP)],
    ),
    (
        "zh-conn-6",
        "给女孩换一件白色连衣裙，给男孩戴一顶棒球帽",
        [],
        [e("replace|recolor", "dress|连衣裙|裙|girl|女孩", WHITE_BG), e("add", "boy|男孩", ["cap", "hat", "帽"])],
    ),
    (
        "zh-conn-7",
        "把画面裁成4:3，接下来把饱和度降低一点",
        [],
        [e("crop", "all", ["4:3"]), e("adjust", "all", SAT)],
    ),
    (
        "zh-conn-8",
        "把墙上的涂鸦擦掉，并且把墙刷成白色",
        [],
        [e("remove", "graffiti|涂鸦"), e("recolor", "wall|墙", WHITE_BG)],
    ),
    (
        "zh-conn-9",
        "把天空换成火烧云，随后把整体色调调暖",
        [],
        [e("replace", "sky|天空", ["sunset", "glow", "fire", "burning", "火烧云"]), e("adjust", "all", WARM)],
    ),
    (
        "zh-conn-10",
        "先把模特身上的吊牌P掉，再把衣服的褶皱处理一下",
        [],
        [e("remove", "tag|label|吊牌"), e("edit", "cloth|衣服|褶皱|wrinkle", ["wrinkle", "crease", "褶皱"])],
    ),
    # --- 并列与省略
    (
        "zh-coord-1",
        "曝光往上提一点，清晰度也加一些",
        [],
        [e("adjust", "all", BRIGHT), e("adjust|enhance", "all", DEBLUR)],
    ),
    (
        "zh-coord-2",
        "把窗帘换成百叶窗，沙发换成懒人沙发",
        [],
        [
            e("replace", "curtain|窗帘", ["blind", "shutter", "百叶窗"]),
            e("replace", "sofa|沙发", ["beanbag", "bean bag", "懒人沙发"]),
        ],
    ),
    (
        "zh-coord-3",
        "把左边的杯子改成蓝色，右边的改成绿色",
        [],
        [e("recolor", "cup|杯", ["blue", "蓝"]), e("recolor", "cup|杯", ["green", "绿"])],
    ),
    (
        "zh-coord-4",
        "门口摆两盆绿植，墙上再挂面镜子",
        [],
        [e("add", "door|门", ["plant", "绿植"]), e("add", "wall|墙", ["mirror", "镜"])],
    ),
    (
        "zh-coord-5",
        "降低高光、提亮阴影",
        [],
        [e("adjust", "all", ["highlights"]), e("adjust", "all", ["shadows"])],
    ),
    (
        "zh-coord-6",
        "猫狗全换成毛绒玩具",
        [],
        [e("replace", "dog|cat|狗|猫", ["plush", "doll", "toy", "玩偶"])],
    ),
    (
        "zh-coord-7",
        "亮度加一点，色温往冷调一点",
        [],
        [e("adjust", "all", BRIGHT), e("adjust", "all", WARM)],
    ),
    # --- 约束与排除
    (
        "zh-clause-1",
        "背景换成纯白，但产品本身的颜色不要动",
        ["product|产品|商品"],
        [e("replace|recolor", "background", WHITE_BG)],
    ),
    (
        "zh-clause-2",
        "帮她磨一下皮，但是雀斑要保留",
        ["freckle|雀斑"],
        [e("edit|blur", "skin|皮肤|face|脸|woman|她|人", [])],
    ),
    (
        "zh-clause-3",
        "整体套个胶片色调，天空那块不要套",
        [],
        [e("restyle|edit", "not:sky|not:天空", ["film", "胶片"])],
    ),
    (
        "zh-clause-4",
        "下点小雨，遮阳棚下面除外",
        [],
        [e("atmosphere", "not:awning|not:canopy|not:遮阳棚", ["rain", "雨"])],
    ),
    (
        "zh-clause-5",
        "人物一丝都不能动，背景换成图书馆",
        [PERSON],
        [e("replace", "background", ["library", "图书馆"])],
    ),
    (
        "zh-clause-6",
        "她的红围巾留着颜色，剩下的都转成黑白",
        [],
        [e("restyle", "not:scarf|not:围巾", BW)],
    ),
    (
        "zh-clause-7",
        "衣服改成墨绿色，胸前的logo不要变",
        ["logo"],
        [e("recolor", "cloth|衣服", ["green", "绿"])],
    ),
    (
        "zh-clause-8",
        "墙面提亮些，挂着的画框别受影响",
        ["frame|画框"],
        [e("adjust", "wall|墙", BRIGHT)],
    ),
    (
        "zh-clause-9",
        "男孩调成暖色调，背景调成冷色调",
        [],
        [e("adjust", "boy|男孩", WARM), e("adjust", "background", WARM)],
    ),
    (
        "zh-clause-10",
        "把地板换成大理石，别碰桌子上的东西",
        ["table|桌|东西|object|thing|item"],
        [e("replace", "floor|地板", ["marble", "大理石"])],
    ),
    # --- 条件
    (
        "zh-cond-1",
        "画面里有行人的话全部P掉，没有的话直接加点雾",
        [],
        [
            when(
                exists("pedestrian|行人|people|person|passer"),
                [e("remove", "pedestrian|行人|people|person|passer")],
                [e("atmosphere", "all", ["fog", "雾"])],
            )
        ],
    ),
    (
        "zh-cond-2",
        "天上没太阳的话，在左上角补一个",
        [],
        [when(absent("sun|太阳"), [e("add", "all|corner|角|左上|top left|box", ["sun", "太阳"])])],
    ),
    (
        "zh-cond-3",
        "如果照片是竖的，就裁成4:5；如果是横的，就裁成16:9",
        [],
        # two conditions, not if/else: a square photo is neither portrait nor landscape
        [
            when(image_is("portrait"), [e("crop", "all", ["4:5"])]),
            when(image_is("landscape"), [e("crop", "all", ["16:9"])]),
        ],
    ),
    (
        "zh-cond-4",
        "偏暗就提曝光，不偏暗就加点对比",
        [],
        [when(image_is("dark"), [e("adjust", "all", BRIGHT)], [e("adjust", "all", CONTRAST)])],
    ),
    (
        "zh-cond-5",
        "给草地加一层晨雾，除非画面里有小孩",
        [],
        [when(absent("child|kid|小孩|孩"), [e("atmosphere", "grass|lawn|草", ["fog", "haze", "雾"])])],
    ),
    (
        "zh-cond-6",
        "沙发上要是趴着猫，沙发就换成蓝色；要是空着，就放只猫上去",
        [],
        [
            when(
                exists("cat|猫"),
                [e("recolor", "sofa|沙发", ["blue", "蓝"])],
                [e("add", "sofa|沙发", ["cat", "猫"])],
            )
        ],
    ),
    (
        "zh-cond-7",
        "假如照片是黑白的，就加一点暖色调，做出复古感",
        [],
        [when(image_is("grayscale"), [e("adjust|restyle", "all", [*WARM, *SEPIA, "vintage", "retro"])])],
    ),
    # --- 词典会拆开的复合词
    ("zh-compound-1", "在小女孩手里加一个雪糕", [], [e("add", "girl|hand|女孩|手", ["ice cream", "雪糕"])]),
    (
        "zh-compound-2",
        "把雨伞改成黄色，雨衣改成红色",
        [],
        [e("recolor", "umbrella|雨伞", ["yellow", "黄"]), e("recolor", "raincoat|雨衣", ["red", "红"])],
    ),
    ("zh-compound-3", "把身后换成热闹的夜市", [], [e("replace", "background|身后|behind", ["market", "夜市"])]),
    ("zh-compound-4", "在院子里堆一个雪人", [], [e("add", "yard|courtyard|garden|院", ["snowman", "雪人"])]),
    ("zh-compound-5", "在天空中加几个热气球", [], [e("add", "sky|天空", ["balloon", "热气球"])]),
    ("zh-compound-6", "我想要一片薰衣草花田做背景", [], [e("replace", "background", ["lavender", "薰衣草"])]),
    ("zh-compound-7", "让草地变成一片夕阳下的麦田", [], [e("replace", "grass|lawn|草", ["wheat", "麦田"])]),
    ("zh-compound-8", "给蛋糕上撒一些蓝莓", [], [e("add", "cake|蛋糕", ["blueberr", "蓝莓"])]),
    (
        "zh-compound-9",
        "把黑猫换成一只白色的布偶猫",
        [],
        [e("replace", "cat|猫", ["ragdoll", "white", "布偶猫", "白"])],
    ),
    ("zh-compound-10", "在夜空中加上烟花", [], [e("add", "sky|夜空", ["firework", "烟花"])]),
    (
        "zh-compound-11",
        "把远处的山换成雾凇覆盖的树林",
        [],
        [e("replace", "mountain|山", ["rime", "frost", "雾凇", "forest", "树林"])],
    ),
    (
        "zh-compound-12",
        "来一版水墨画风格的，再加个暗角",
        [],
        [e("restyle", "all", ["ink", "水墨"]), e("vignette", "all")],
    ),
    # --- 其余 / 其他 / 别的地方 / 周围
    (
        "zh-rest-1",
        "新郎新娘是彩色的，别的地方全部去色",
        [],
        [e("restyle|adjust", "not:groom|not:bride|not:新郎|not:新娘|not:couple", [*BW, *SAT])],
    ),
    (
        "zh-rest-2",
        "蛋糕要亮堂一点，除了蛋糕别的都压暗些",
        [],
        [e("adjust", "cake|蛋糕", BRIGHT), e("adjust", "not:cake|not:蛋糕", BRIGHT)],
    ),
    (
        "zh-rest-3",
        "主体锐化，周围的都虚化掉",
        [],
        [e("adjust", "subject|主体", SHARP), e("blur", "not:subject|not:主体|background")],
    ),
    (
        "zh-rest-4",
        "把红色的跑车留着，其它的车全部去掉",
        ["sports car|跑车"],
        [e("remove", "car|车")],
    ),
    ("zh-rest-5", "只让天空变蓝，其余保持不变", ["not:"], [e(ADJ, "sky|天空", BLUER)]),
    # --- 区域上的比较级
    (
        "zh-comp-1",
        "海水要再蓝一些，沙子要再白一些",
        [],
        [e(ADJ, "sea|ocean|海", BLUER), e(ADJ, "beach|sand|沙滩", WHITER)],
    ),
    ("zh-comp-2", "把嘴唇的颜色调得再红润一些", [], [e(ADJ, "lip|嘴唇", ["red", "红", "saturation"])]),
    (
        "zh-comp-3",
        "树林再暗一点，远处的雾再浓一点",
        [],
        [e("adjust", "forest|wood|tree|树林", BRIGHT), e("atmosphere", "all|远处|distance|far", ["fog", "雾"])],
    ),
    ("zh-comp-4", "她的头发颜色再深一点", [], [e(ADJ, "hair|头发", [*BRIGHT, "dark", "深"])]),
    (
        "zh-comp-5",
        "让草坪更绿一点，天空更通透",
        [],
        [e(ADJ, "lawn|grass|草", GREENER), e("enhance|adjust", "sky|天空", ["dehaze", "contrast", "clarity"])],
    ),
    # --- 命名效果
    ("zh-effect-1", "四周压暗一点，做出暗角的感觉", [], [e("vignette", "all")]),
    ("zh-effect-2", "黄色出租车以外全部去色", [], [e("restyle|adjust", "not:taxi|not:出租车", [*BW, *SAT])]),
    ("zh-effect-3", "把天空选出来，单独调亮", [], [e("adjust", "sky|天空", BRIGHT)]),
    (
        "zh-effect-4",
        "做成复古胶片效果，边缘再压暗一圈",
        [],
        [e("restyle|edit", "all", ["film", "vintage", "retro", "胶片", "复古"]), e("vignette", "all")],
    ),
    ("zh-effect-5", "抠出这个包，换一个大理石台面的背景", [], [e("replace", "background", ["marble", "大理石"])]),
    # --- 有目标的自由编辑
    ("zh-free-1", "让照片里的小男孩比个剪刀手", [], [e("edit", "boy|男孩", ["剪刀手", "v sign", "peace"])]),
    (
        "zh-free-2",
        "让新娘的头发飘起来，同时背景稍微虚化",
        [],
        [e("edit", "bride|hair|新娘|头发", ["飘", "flow", "wind"]), e("blur", "background")],
    ),
    ("zh-free-3", "右边那个人能不能改成看镜头的样子", [], [e("edit", "person|人", ["镜头", "camera"])]),
    ("zh-free-4", "让小猫打个哈欠", [], [e("edit", "cat|猫", ["哈欠", "yawn"])]),
    # --- 跨句代词
    (
        "zh-pron-1",
        "她的发型我很满意，别动。衬衫帮她换成白色的。",
        ["hair|发型"],
        [e("replace|recolor", "shirt|衬衫", WHITE_BG)],
    ),
    ("zh-pron-2", "看到窗边那只花瓶了吗？挪到桌子中间去。", [], [e("move", "vase|花瓶", ["table", "桌", "center"])]),
    (
        "zh-pron-3",
        "这辆车太脏了，帮它洗干净，再换成银色",
        [],
        [e("edit", "car|车", ["clean", "洗", "干净"]), e("recolor", "car|车", ["silver", "银"])],
    ),
    (
        "zh-pron-4",
        "照片里的新郎，脸保持原样，把他的领结换成酒红色。",
        ["face|脸"],
        [e("recolor|replace", "tie|领结", ["red", "红", "burgundy", "wine"])],
    ),
    (
        "zh-pron-5",
        "桌上那两个空瓶子太碍眼了，去掉吧，桌面顺便调亮一点",
        [],
        [e("remove", "bottle|瓶"), e("adjust", "table|桌", BRIGHT)],
    ),
    # --- 请求、口语、电商
    (
        "zh-req-1",
        "后面那个穿红衣服的路人帮我P掉呗，顺便调亮点",
        [],
        [e("remove", "passer|pedestrian|路人|people|person"), e("adjust", "all", BRIGHT)],
    ),
    (
        "zh-req-2",
        "能不能让我的脸小一点？再把背景弄模糊",
        [],
        [e("edit|scale", "face|脸", ["small", "slim", "thin", "小", "瘦", "factor"]), e("blur", "background")],
    ),
    (
        "zh-req-3",
        "麻烦帮忙调一下色，偏绿了，另外把噪点去一去",
        [],
        [e("adjust", "all", ["tint", "hue"]), e("enhance", "all", ["denoise"])],
    ),
    (
        "zh-req-4",
        "这张老照片能帮忙去掉折痕、再上个色吗？",
        [],
        [e("remove|edit", "crease|fold|折痕"), e("edit|restyle", "all", COLORISE)],
    ),
    (
        "zh-req-5",
        "朋友圈要发的，帮我裁成方形，再加个滤镜让它暖一点",
        [],
        [e("crop", "all", ["1:1"]), e("adjust", "all", WARM)],
    ),
    (
        "zh-req-6",
        "亲，主图背景换成白底，再把鞋子调亮一点",
        [],
        [e("replace|recolor", "background", WHITE_BG), e("adjust", "shoe|鞋", BRIGHT)],
    ),
    # --- 画布、移动、缩放
    (
        "zh-move-1",
        "逆时针转90度，然后放大到原来的两倍",
        [],
        [e("rotate", "all", ["90"]), e("resize|upscale", "all", ["2"])],
    ),
    (
        "zh-move-2",
        "把月亮往右上角挪一挪，再缩小一点",
        [],
        [e("move", "moon|月亮", ["top right", "右上", "dx"]), e("scale", "moon|月亮")],
    ),
    ("zh-move-3", "底部再往外扩300像素，多补一点草地出来", [], [e("extend", "all", ['"bottom": 300'])]),
    # --- 长的创意提示
    (
        "zh-creative-1",
        "把这张办公室照片变成一个漂浮在云端的空中花园，桌子变成长满苔藓的石台，电脑屏幕里长出藤蔓和小花，"
        "窗外是一望无际的云海，阳光从云层缝隙洒进来。坐在桌前的那个人保持不变。",
        [PERSON],
        [e("edit", "all", ["空中花园", "garden"])],
    ),
    (
        "zh-creative-2",
        "想象一下这只柯基成为了童话里的国王：戴着镶满宝石的金色王冠，披着红色天鹅绒斗篷，坐在城堡大厅的王座上，"
        "两边站着卫兵，整体像一幅古典油画。",
        [],
        [e("edit", "all", ["国王", "king"])],
    ),
    (
        "zh-creative-3",
        "把这张街拍改成雨夜里的香港老电影画面，霓虹招牌倒映在湿漉漉的路面上，色调偏青绿和洋红，画面带一点胶片颗粒，"
        "人物的脸和衣服都不要改。",
        ["face|脸", "cloth|衣服"],
        [e("edit", "all", ["香港", "霓虹", "hong kong"])],
    ),
]

CASES = [(cid, "en", text, keeps, steps) for cid, text, keeps, steps in EN] + [
    (cid, "zh", text, keeps, steps) for cid, text, keeps, steps in ZH
]
