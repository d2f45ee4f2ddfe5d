"""A labelled dev set for the planner: what a demanding user means, in editree's IR, scored coarsely.

Every sentence here was written for this file (none is taken from a third-party corpus). The labels were
written from the IR (editree/ops) and the meaning of the request, not from what any planner outputs.

Format (read by tests/planner/test_dev_set.py and by ../shared/planner-dev/score_plans.py `labelled`):

    CASES = [(case_id, lang, text, keeps, steps), ...]

- case_id: "<lang>-<class>-<n>"; the class names the phenomenon (see CLASSES below).
- keeps: head-word alternatives of the plan's `keep` constraints, one entry per constraint ("person|people").
  Matched as substrings of the constraint region's words; the count must match (one keep holding a union of
  several expected heads also passes). `preserve_identity` ("keep her recognisable", 不要改变人物身份) is
  not a keep and is left out.
- steps: in the order of the instruction. An edit is {"op", "target", "arg"}; a condition is
  {"if": {"exists": X} | {"not_exists": X} | {"image_is": P}, "then": [...], "else": [...]}.
  - op: one op, or "a|b" where both are right ("make the grass greener": adjust|recolor).
  - target: "all", "background", "not:X" (everything except X, the rest, colour pop; also matches minus(.., X)),
    or head words "man|person" matched as substrings of the region's words (text and source).
  - arg: substrings of which one must occur in the step's args JSON; [] when the op alone says it.

Conventions decided here (apply them to new cases too):
- One verb over coordinated objects with the same arguments ("remove the cup and the straw", "make the car and
  the bike red") is ONE step on a union region (the target checks one head of it). Different properties or
  arguments are separate steps ("increase the contrast and saturation" is two adjusts).
- Brighter/darker/lighten: adjust brightness or exposure. Warmer/cooler/less yellow/less blue: adjust warmth.
  Green or magenta cast: adjust tint. More vivid/colourful/pop/muted: saturation or vibrance. Sharpen: adjust
  sharpness. Deblur/"less blurry": enhance deblur or adjust sharpness. Dehaze/"remove the haze": enhance dehaze.
  Grain/noise: enhance denoise. Generic enhance/improve: enhance.
- Comparatives on a region ("the sky bluer", "greener grass") are region-scoped adjust|recolor.
  "Make the background <colour>" is recolor|adjust (a tint of what is there), never replace; a "plain / solid /
  pure white background" (product shot) is replace|recolor.
- Black and white, sepia, watercolour ...: restyle. Colour pop / colour splash / "only X stays in colour" /
  "X保留彩色": ONE restyle(black and white) on not:X, and NO keep (X is excluded from that step, not frozen:
  later steps may still change it). "Keep X unchanged/intact/as it is", "leave X alone", "without changing X",
  "don't touch X", 保持X不变, 不要改变X, X不变, 别动X: keep(X). An exclusion attached to one step ("add fog, but not
  on the bridge", "everything except X", 除了X以外) is the step's target not:X, not a keep.
- "Everything else", "the rest (of the image)", "everything around him", 其余, 其他: not:<the region named before>.
- "Don't change anything else" / 其他不变 after edits: keep(not:<the edited region>), labelled ["not:"]: keep heads
  are matched as plain substrings, so the head inside a complement cannot be checked (the step pins the region).
- add: the target is where ("add a hat to the girl": add, target girl, prompt hat); no place: all. Placement
  relative to an object ("to the left of the car") targets that object or all. Fog/haze/mist/rain/snow/night/
  sunset look: atmosphere (mist is fog or haze). "Add a vignette" / "darken the corners" / 暗角: vignette.
- An effect added after a region clause ("darken the background and add fog") may target all or that region.
- "select / segment / find / 选中 / 框选 X and <edit> it": the selection is not a step; the edit targets X.
- Pronouns (it/them/him/her/它/他/她, 上面 "on it") resolve to the region meant, also across sentences.
- Free-form edits ("make the woman smile") are `edit` on the region they name. Long creative prompts (several
  descriptive sentences) are ONE `edit` on all, plus the keep constraints they state.
- Geometry: clockwise turns are negative degrees ("-90"); straighten is rotate auto; "upside down" is
  rotate 180 or flip vertical. New ops (being added): vignette(amount), move(target, to), scale(target, factor),
  upscale(factor); "make the moon bigger" is scale, "increase the resolution"/高清放大 is upscale.
- Conditions: "unless X" / 除非X否则 is if not_exists X; "if the photo is dark" is image_is dark.
- Chinese: targets and args list the English head word and the Chinese one ("person|人物|人", ["forest", "森林"]).
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
REC = "recolor|adjust"
ADJ = "adjust|recolor"
PERSON = "person|people|人"
PERSON_EN = "person|people"

CLASSES = {
    "coord": "coordination and ellipsis (a bare second property, a second object with its verb left out, "
    "put A on X and B on Y)",
    "comp": "comparatives on a region",
    "clause": "constraints and exclusions in participial/adverbial clauses; a constraint first or last; "
    "a second clause with its own target",
    "cond": "conditions, negative ones and 'unless' included",
    "pron": "pronouns across sentences",
    "effect": "named effects: vignette, colour pop / splash, select X and ...",
    "free": "free-form edits that still have a target",
    "rest": "everything else / the rest / 其余 / 其他 after a named region",
    "map": "mappings a new user hits: background colour, vignette, sunset look, extend",
    "req": "single requests and questions (can someone, could you, is it possible, I need, 请, 能不能, 麻烦)",
    "nom": "gerunds and nominalisations",
    "tele": "telegraphic requests",
    "np": "open noun phrases: attributes, relative clauses, participles, PPs, counts, possessives, fillers",
    "purpose": "purpose clauses (so that, to ...) that give a direction, not a region",
    "lex": "lexical variants of ops (get rid of, wipe out, swap, insert, dye, defocus ...)",
    "geo": "canvas ops: crop, rotate, flip, resize, extend",
    "move": "move, scale, upscale (ops being added)",
    "creative": "long creative prompts: one free-form edit plus stated keeps",
    "multi": "several sentences, one edit or constraint each",
    "conn": "Chinese clause connectives after a comma (然后, 同时, 再, 接着, 最后, 然后在上面, a second 给X)",
    "compound": "Chinese compounds a character lexicon splits (日落时分的海滩, 樱花, 雪山)",
}

EN = [
    # --- coordination and ellipsis
    (
        "en-coord-1",
        "Increase the contrast and saturation a little.",
        [],
        [e("adjust", "all", CONTRAST), e("adjust", "all", SAT)],
    ),
    (
        "en-coord-2",
        "Turn up the exposure and the warmth.",
        [],
        [e("adjust", "all", ["exposure"]), e("adjust", "all", WARM)],
    ),
    (
        "en-coord-3",
        "raise the brightness and warm tones slightly",
        [],
        [e("adjust", "all", BRIGHT), e("adjust", "all", WARM)],
    ),
    (
        "en-coord-4",
        "Change the car to red and the mailbox to yellow.",
        [],
        [e("recolor", "car", ["red"]), e("recolor", "mailbox", ["yellow"])],
    ),
    (
        "en-coord-5",
        "Replace the cat with a rabbit and the rug with a wooden floor.",
        [],
        [e("replace", "cat", ["rabbit"]), e("replace", "rug", ["wood", "floor"])],
    ),
    (
        "en-coord-6",
        "Turn the lemons into oranges and the bowl into a wicker basket.",
        [],
        [e("replace", "lemon", ["orange"]), e("replace", "bowl", ["basket"])],
    ),
    (
        "en-coord-7",
        "Put a lamp on the desk and a potted plant on the windowsill.",
        [],
        [e("add", "desk", ["lamp"]), e("add", "windowsill|window", ["plant"])],
    ),
    (
        "en-coord-8",
        "place a candle on the table and a painting on the wall",
        [],
        [e("add", "table", ["candle"]), e("add", "wall", ["painting"])],
    ),
    ("en-coord-9", "Remove the trash can and the parked bikes.", [], [e("remove", "bike", [])]),
    (
        "en-coord-10",
        "Brighten the faces and blur the background.",
        [],
        [e("adjust", "face", BRIGHT), e("blur", "background")],
    ),
    (
        "en-coord-11",
        "Make the sky bluer and the clouds whiter.",
        [],
        [e(ADJ, "sky", BLUER), e(ADJ, "cloud", ["white", "brightness", "exposure"])],
    ),
    (
        "en-coord-12",
        "Darken the road and the sidewalk a bit, then add rain.",
        [],
        [e("adjust", "sidewalk", BRIGHT), e("atmosphere", "all", ["rain"])],
    ),
    (
        "en-coord-13",
        "Recolor the front door green and the window frames white.",
        [],
        [e("recolor", "door", ["green"]), e("recolor", "frame", ["white"])],
    ),
    (
        "en-coord-14",
        "Add a red scarf to the snowman and a top hat to the little girl.",
        [],
        [e("add", "snowman", ["scarf"]), e("add", "girl", ["hat"])],
    ),
    (
        "en-coord-15",
        "Lower the highlights and lift the shadows.",
        [],
        [e("adjust", "all", ["highlights"]), e("adjust", "all", ["shadows"])],
    ),
    (
        "en-coord-16",
        "Desaturate the background and sharpen the dog.",
        [],
        [e("adjust", "background", SAT), e("adjust", "dog", SHARP)],
    ),
    (
        "en-coord-17",
        "Increase brightness, contrast and sharpness.",
        [],
        [e("adjust", "all", BRIGHT), e("adjust", "all", CONTRAST), e("adjust", "all", SHARP)],
    ),
    (
        "en-coord-18",
        "Swap the mug for a wine glass, and the laptop for an open book.",
        [],
        [e("replace", "mug", ["glass"]), e("replace", "laptop", ["book"])],
    ),
    # --- comparatives on a region
    ("en-comp-1", "Make the grass along the path greener.", [], [e(ADJ, "grass", GREENER)]),
    ("en-comp-2", "I'd like the sky more blue.", [], [e(ADJ, "sky", BLUER)]),
    ("en-comp-3", "The sky darker, please.", [], [e("adjust", "sky", BRIGHT)]),
    (
        "en-comp-4",
        "Make the water a deeper blue and the sand a bit warmer.",
        [],
        [e(ADJ, "water", [*BLUER, "brightness"]), e("adjust", "sand", WARM)],
    ),
    ("en-comp-5", "Could her dress be a little brighter?", [], [e("adjust", "dress", BRIGHT)]),
    ("en-comp-6", "Make the trees on the left darker.", [], [e("adjust", "tree", BRIGHT)]),
    (
        "en-comp-7",
        "Make the flowers more vivid but leave the leaves alone.",
        ["leaves|leaf"],
        [e("adjust", "flower", SAT)],
    ),
    (
        "en-comp-8",
        "The mountains should look less hazy.",
        [],
        [e("enhance|adjust", "mountain", ["dehaze", "contrast"])],
    ),
    ("en-comp-9", "Make the walls a little less yellow.", [], [e("adjust", "wall", ["warmth", "hue", "saturation"])]),
    (
        "en-comp-10",
        "Give the lake more contrast and make the hills lighter.",
        [],
        [e("adjust", "lake", CONTRAST), e("adjust", "hill", BRIGHT)],
    ),
    ("en-comp-11", "Make the man's jacket a darker red.", [], [e(ADJ, "jacket", ["red", "brightness", "exposure"])]),
    (
        "en-comp-12",
        "Make the evening sky more orange and the sea darker.",
        [],
        [e(ADJ, "sky", ["orange", "warmth", "saturation", "hue"]), e("adjust", "sea", BRIGHT)],
    ),
    ("en-comp-13", "Make the skin tones slightly warmer.", [], [e("adjust", "skin", WARM)]),
    (
        "en-comp-14",
        "brighter eyes, whiter teeth",
        [],
        [e("adjust", "eye", BRIGHT), e(ADJ, "teeth", ["white", "brightness", "exposure"])],
    ),
    # --- constraints and exclusions in clauses; constraint first or last; second clause with its own target
    (
        "en-clause-1",
        "Replace the sky with a stormy one, keeping the lighthouse intact.",
        ["lighthouse"],
        [e("replace", "sky", ["storm"])],
    ),
    (
        "en-clause-2",
        "Warm up the whole picture while keeping the skin tones unchanged.",
        ["skin"],
        [e("adjust", "all", WARM)],
    ),
    ("en-clause-3", "Add fog, but not on the bridge.", [], [e("atmosphere", "not:bridge", ["fog"])]),
    ("en-clause-4", "Brighten everything, leaving the sky as it is.", ["sky"], [e("adjust", "all", BRIGHT)]),
    ("en-clause-5", "Blur the background without touching the dog.", ["dog"], [e("blur", "background")]),
    (
        "en-clause-6",
        "Without altering the person, make the background a little warmer.",
        [PERSON_EN],
        [e("adjust", "background", WARM)],
    ),
    ("en-clause-7", "Recolor the sky pink without changing the people.", [PERSON_EN], [e("recolor", "sky", ["pink"])]),
    ("en-clause-8", "Add snow everywhere except on the car.", [], [e("atmosphere", "not:car", ["snow"])]),
    (
        "en-clause-9",
        "Apply a sepia tone, making sure the baby stays exactly as it is.",
        ["baby"],
        [e("restyle", "all", SEPIA)],
    ),
    (
        "en-clause-10",
        "Turn the woman sepia and the background black and white.",
        [],
        [e("restyle", "woman", SEPIA), e("restyle", "background", BW)],
    ),
    (
        "en-clause-11",
        "With the faces left untouched, raise the contrast of the photo.",
        ["face"],
        [e("adjust", "all", CONTRAST)],
    ),
    (
        "en-clause-12",
        "Darken the background and add a light haze, taking care not to alter the bride.",
        ["bride"],
        [e("adjust", "background", BRIGHT), e("atmosphere", "all|background", ["haze"])],
    ),
    (
        "en-clause-13",
        "Remove the power lines but leave the birds sitting on them alone.",
        ["bird"],
        [e("remove", "line")],
    ),
    (
        "en-clause-14",
        "Turn the photo black and white except for the red umbrella.",
        [],
        [e("restyle", "not:umbrella", BW)],
    ),
    ("en-clause-15", "Increase the saturation, but don't let the faces change.", ["face"], [e("adjust", "all", SAT)]),
    (
        "en-clause-16",
        "Put rain over the street scene, with the shop signs kept exactly as they are.",
        ["sign"],
        [e("atmosphere", "all|street", ["rain"])],
    ),
    (
        "en-clause-17",
        "Keep the couple unchanged, swap the background for a beach at sunset and add some haze.",
        ["couple"],
        [e("replace", "background", ["beach"]), e("atmosphere", "all|background", ["haze"])],
    ),
    (
        "en-clause-18",
        "Make it warmer and brighter; the cake must not change.",
        ["cake"],
        [e("adjust", "all", WARM), e("adjust", "all", BRIGHT)],
    ),
    ("en-clause-19", "Blur the crowd behind her while preserving the woman exactly.", ["woman"], [e("blur", "crowd")]),
    (
        "en-clause-20",
        "Make the lamp brighter and don't change anything else.",
        ["not:"],
        [e("adjust", "lamp", BRIGHT)],
    ),
    # --- conditions
    (
        "en-cond-1",
        "If there are no people in the photo, add a deer in the meadow.",
        [],
        [when(absent("people|person"), [e("add", "meadow", ["deer"])])],
    ),
    (
        "en-cond-2",
        "If there's a dog, blur it; otherwise brighten the image.",
        [],
        [when(exists("dog"), [e("blur", "dog")], [e("adjust", "all", BRIGHT)])],
    ),
    (
        "en-cond-3",
        "When the photo is too dark, raise the exposure.",
        [],
        [when(image_is("dark"), [e("adjust", "all", BRIGHT)])],
    ),
    (
        "en-cond-4",
        "Add snow unless there are people in the shot.",
        [],
        [when(absent("people|person"), [e("atmosphere", "all", ["snow"])])],
    ),
    (
        "en-cond-5",
        "If you see any cars, remove them. After that, make the whole photo black and white.",
        [],
        [when(exists("car"), [e("remove", "car")]), e("restyle", "all", BW)],
    ),
    (
        "en-cond-6",
        "If there isn't a moon in the sky, add one.",
        [],
        [when(absent("moon"), [e("add", "sky|all", ["moon"])])],
    ),
    (
        "en-cond-7",
        "Keep the faces unchanged; if the image is blurry, sharpen it.",
        ["face"],
        [when(image_is("blurry"), [e("adjust|enhance", "all", DEBLUR)])],
    ),
    (
        "en-cond-8",
        "In case there's a cat, replace it with a fox, else add a fox on the sofa.",
        [],
        [when(exists("cat"), [e("replace", "cat", ["fox"])], [e("add", "sofa", ["fox"])])],
    ),
    (
        "en-cond-9",
        "If the picture is bright, darken it slightly, otherwise brighten it.",
        [],
        [when(image_is("bright"), [e("adjust", "all", BRIGHT)], [e("adjust", "all", BRIGHT)])],
    ),
    (
        "en-cond-10",
        "If nobody is in the picture, replace the background with mountains.",
        [],
        [when(absent("person|people|body|one"), [e("replace", "background", ["mountain"])])],
    ),
    (
        "en-cond-11",
        "Should there be a watermark, remove it.",
        [],
        [when(exists("watermark"), [e("remove", "watermark")])],
    ),
    (
        "en-cond-12",
        "Add fog to the background, but only if there are trees.",
        [],
        [when(exists("tree"), [e("atmosphere", "background", ["fog"])])],
    ),
    # --- pronouns across sentences
    (
        "en-pron-1",
        "Leave the woman's face alone. Give her a green dress.",
        ["face"],
        [e("recolor|replace", "dress", ["green"])],
    ),
    ("en-pron-2", "There's a bike by the door. Remove it.", [], [e("remove", "bike")]),
    ("en-pron-3", "See the red car? Make it blue.", [], [e("recolor", "car", ["blue"])]),
    (
        "en-pron-4",
        "The dog looks dull. Brighten it a bit and sharpen it.",
        [],
        [e("adjust", "dog", BRIGHT), e("adjust", "dog", SHARP)],
    ),
    (
        "en-pron-5",
        "Find the old man on the bench. Keep him as he is and blur everything around him.",
        ["man"],
        [e("blur", "not:man|background")],
    ),
    (
        "en-pron-6",
        "The kids are too dark. Lighten them up and add a little warmth to them.",
        [],
        [e("adjust", "kid", BRIGHT), e("adjust", "kid", WARM)],
    ),
    ("en-pron-7", "Focus on the vase. Make it gold.", [], [e("recolor", "vase", ["gold"])]),
    ("en-pron-8", "The sky is boring. Replace it with a starry night sky.", [], [e("replace", "sky", ["star"])]),
    (
        "en-pron-9",
        "Leave the boy untouched. Put a snowy landscape behind him.",
        ["boy"],
        [e("replace", "background", ["snow"])],
    ),
    (
        "en-pron-10",
        "Look at the cups on the shelf. Remove them, then darken the shelf.",
        [],
        [e("remove", "cup"), e("adjust", "shelf", BRIGHT)],
    ),
    # --- named effects
    ("en-effect-1", "Add a vignette to the photo.", [], [e("vignette", "all")]),
    (
        "en-effect-2",
        "Add a subtle vignette and warm up the picture.",
        [],
        [e("vignette", "all"), e("adjust", "all", WARM)],
    ),
    ("en-effect-3", "Darken the corners a bit.", [], [e("vignette", "all")]),
    ("en-effect-4", "Colour pop on the yellow taxi.", [], [e("restyle", "not:taxi", BW)]),
    ("en-effect-5", "Do a colour splash where only the roses stay in colour.", [], [e("restyle", "not:rose", BW)]),
    ("en-effect-6", "Create a color pop of the child and the balloon.", [], [e("restyle", "not:balloon", BW)]),
    ("en-effect-7", "Select the cat and make it brighter.", [], [e("adjust", "cat", BRIGHT)]),
    ("en-effect-8", "Select the sky and replace it with a sunset.", [], [e("replace", "sky", ["sunset"])]),
    ("en-effect-9", "Select the man on the right and remove him.", [], [e("remove", "man")]),
    ("en-effect-10", "Segment the bottle, then recolor it purple.", [], [e("recolor", "bottle", ["purple"])]),
    (
        "en-effect-11",
        "Add a strong vignette, then make it black and white.",
        [],
        [e("vignette", "all"), e("restyle", "all", BW)],
    ),
    (
        "en-effect-12",
        "Selective colour: the red dress stays in colour and everything else goes grey.",
        [],
        [e("restyle", "not:dress", [*BW, "grey", "gray"])],
    ),
    # --- free-form edits with a target
    ("en-free-1", "Have the woman on the left close her eyes.", [], [e("edit", "woman", ["eye", "close"])]),
    ("en-free-2", "Make the dog look surprised.", [], [e("edit", "dog", ["surprise"])]),
    ("en-free-3", "Make the girl wave at the camera.", [], [e("edit", "girl", ["wave"])]),
    ("en-free-4", "Give the statue a weathered, mossy look.", [], [e("edit|restyle", "statue", ["moss", "weather"])]),
    (
        "en-free-5",
        "Make the boy look older and brighten the photo.",
        [],
        [e("edit", "boy", ["old"]), e("adjust", "all", BRIGHT)],
    ),
    ("en-free-6", "Turn the man's head toward the window.", [], [e("edit", "man|head", ["window", "turn"])]),
    ("en-free-7", "Open the wardrobe doors.", [], [e("edit", "door|wardrobe", ["open"])]),
    (
        "en-free-8",
        "Make the flowers look wilted, keeping the vase unchanged.",
        ["vase"],
        [e("edit", "flower", ["wilt"])],
    ),
    # --- everything else / the rest
    (
        "en-rest-1",
        "Brighten the bride and blur everything else.",
        [],
        [e("adjust", "bride", BRIGHT), e("blur", "not:bride")],
    ),
    ("en-rest-2", "Keep the cake in colour and make the rest black and white.", [], [e("restyle", "not:cake", BW)]),
    (
        "en-rest-3",
        "Sharpen the flowers and darken the rest of the image.",
        [],
        [e("adjust", "flower", SHARP), e("adjust", "not:flower", BRIGHT)],
    ),
    (
        "en-rest-4",
        "Recolor the boat red and desaturate everything else.",
        [],
        [e("recolor", "boat", ["red"]), e("adjust", "not:boat", SAT)],
    ),
    (
        "en-rest-5",
        "Leave the puppy as it is and add snow to the rest.",
        ["puppy"],
        [e("atmosphere", "not:puppy", ["snow"])],
    ),
    (
        "en-rest-6",
        "Make the lantern brighter and darken the rest.",
        [],
        [e("adjust", "lantern", BRIGHT), e("adjust", "not:lantern", BRIGHT)],
    ),
    ("en-rest-7", "Blur everything other than the two dancers.", [], [e("blur", "not:dancer")]),
    (
        "en-rest-8",
        "Turn the maple tree autumn orange and everything else a bit cooler.",
        [],
        [e("recolor|adjust", "tree|maple", ["orange", "warmth", "hue"]), e("adjust", "not:tree|not:maple", WARM)],
    ),
    # --- mappings
    ("en-map-1", "Turn the background purple.", [], [e(REC, "background", ["purple", "tint", "hue"])]),
    ("en-map-2", "Give the photo a sunset look.", [], [e("atmosphere", "all", ["sunset"])]),
    ("en-map-3", "Extend the picture by 250 px to the left.", [], [e("extend", "all", ['"left": 250'])]),
    (
        "en-map-4",
        "Make the wall teal and add a vignette.",
        [],
        [e(REC, "wall", ["teal", "hue", "tint"]), e("vignette", "all")],
    ),
    ("en-map-5", "Give the scene a night-time mood.", [], [e("atmosphere", "all", ["night"])]),
    (
        "en-map-6",
        "Give the street a rainy look and extend the image upward by 100 pixels.",
        [],
        [e("atmosphere", "all|street", ["rain"]), e("extend", "all", ['"top": 100'])],
    ),
    # --- requests and questions
    ("en-req-1", "Can someone remove the lamp post from behind my head?", [], [e("remove", "post|lamp")]),
    ("en-req-2", "Could you make this a little less blue?", [], [e("adjust", "all", WARM)]),
    (
        "en-req-3",
        "Is it possible to get rid of the fence and make the grass behind it greener?",
        [],
        [e("remove", "fence"), e(ADJ, "grass", GREENER)],
    ),
    ("en-req-4", "I need the background blurred.", [], [e("blur", "background")]),
    ("en-req-5", "Would anyone be able to brighten the faces?", [], [e("adjust", "face", BRIGHT)]),
    ("en-req-6", "Can you please swap the grey sky for a blue one?", [], [e("replace|recolor", "sky", ["blue"])]),
    (
        "en-req-7",
        "Could somebody sharpen this and crop it to a square?",
        [],
        [e("adjust", "all", SHARP), e("crop", "all", ["1:1"])],
    ),
    (
        "en-req-8",
        "Is there any way to make the photo look less grainy and a bit sharper?",
        [],
        [e("enhance", "all", ["denoise"]), e("adjust", "all", SHARP)],
    ),
    (
        "en-req-9",
        "I'd love it if the water looked more turquoise.",
        [],
        [e(ADJ, "water", ["turquoise", "hue", "saturation", "blue", "green"])],
    ),
    ("en-req-10", "Please could you take the tourists out of the background?", [], [e("remove", "tourist")]),
    (
        "en-req-11",
        "Can you turn the sky pink and add some clouds?",
        [],
        [e(REC, "sky", ["pink"]), e("add", "sky|all", ["cloud"])],
    ),
    ("en-req-12", "Can anyone help remove the glare on my glasses?", [], [e("remove|edit|enhance", "glare|glasses")]),
    (
        "en-req-13",
        "I want the picture warmer, with more contrast.",
        [],
        [e("adjust", "all", WARM), e("adjust", "all", CONTRAST)],
    ),
    ("en-req-14", "Would it be possible to add a rainbow over the hills?", [], [e("add", "hill|sky|all", ["rainbow"])]),
    # --- gerunds and nominalisations
    ("en-nom-1", "Boosting the saturation a little would help.", [], [e("adjust", "all", SAT)]),
    (
        "en-nom-2",
        "The photo needs more brightening and a little less saturation.",
        [],
        [e("adjust", "all", BRIGHT), e("adjust", "all", SAT)],
    ),
    ("en-nom-3", "A slight increase in contrast, please.", [], [e("adjust", "all", CONTRAST)]),
    (
        "en-nom-4",
        "Removal of the wires across the sky, and maybe a warmer tone.",
        [],
        [e("remove", "wire"), e("adjust", "all", WARM)],
    ),
    (
        "en-nom-5",
        "Some sharpening on the lettering, and a touch more warmth overall.",
        [],
        [e("adjust", "letter", SHARP), e("adjust", "all", WARM)],
    ),
    (
        "en-nom-6",
        "Lowering the highlights and deepening the shadows.",
        [],
        [e("adjust", "all", ["highlights"]), e("adjust", "all", ["shadows"])],
    ),
    ("en-nom-7", "Needs a square crop.", [], [e("crop", "all", ["1:1"])]),
    (
        "en-nom-8",
        "Darkening the sky would be great, plus a bit of fog.",
        [],
        [e("adjust", "sky", BRIGHT), e("atmosphere", "all|sky", ["fog"])],
    ),
    ("en-nom-9", "Straightening of the horizon, please.", [], [e("rotate", "all", ['"auto": true'])]),
    (
        "en-nom-10",
        "The colours need boosting and the image needs denoising.",
        [],
        [e("adjust", "all", SAT), e("enhance", "all", ["denoise"])],
    ),
    # --- telegraphic
    (
        "en-tele-1",
        "background darker, less yellow",
        [],
        [e("adjust", "background", BRIGHT), e("adjust", "background|all", WARM)],
    ),
    ("en-tele-2", "more contrast, less saturation", [], [e("adjust", "all", CONTRAST), e("adjust", "all", SAT)]),
    ("en-tele-3", "b/w please, and a bit more contrast", [], [e("restyle", "all", BW), e("adjust", "all", CONTRAST)]),
    ("en-tele-4", "brighter + warmer", [], [e("adjust", "all", BRIGHT), e("adjust", "all", WARM)]),
    (
        "en-tele-5",
        "contrast up a bit, shadows lifted",
        [],
        [e("adjust", "all", CONTRAST), e("adjust", "all", ["shadows"])],
    ),
    ("en-tele-6", "crop square, then sepia", [], [e("crop", "all", ["1:1"]), e("restyle", "all", SEPIA)]),
    ("en-tele-7", "sky bluer, grass greener", [], [e(ADJ, "sky", BLUER), e(ADJ, "grass", GREENER)]),
    ("en-tele-8", "exposure +20%", [], [e("adjust", "all", ["exposure"])]),
    # --- open noun phrases
    ("en-np-1", "Remove the small boy in the yellow raincoat standing next to the fountain.", [], [e("remove", "boy")]),
    (
        "en-np-2",
        "Replace the two rusty bicycles leaning against the fence with a scooter.",
        [],
        [e("replace", "bicycle", ["scooter"])],
    ),
    ("en-np-3", "Change the colour of the woman's handbag to emerald green.", [], [e("recolor", "bag", ["green"])]),
    ("en-np-4", "Delete the man who is holding the umbrella in this photo.", [], [e("remove", "man")]),
    ("en-np-5", "Recolor the third chair from the left bright yellow.", [], [e("recolor", "chair", ["yellow"])]),
    (
        "en-np-6",
        "Blur the licence plate of the white van, but keep the driver unchanged.",
        ["driver"],
        [e("blur", "plate")],
    ),
    ("en-np-7", "Make the tallest building in the picture darker.", [], [e("adjust", "building", BRIGHT)]),
    (
        "en-np-8",
        "Remove all of the seagulls on the railing and brighten the image.",
        [],
        [e("remove", "gull"), e("adjust", "all", BRIGHT)],
    ),
    (
        "en-np-9",
        "Add a wooden bench under the big oak tree on the right side of the image.",
        [],
        [e("add", "tree|oak", ["bench"])],
    ),
    ("en-np-10", "Turn the little girl's pink balloon into a red kite.", [], [e("replace", "balloon", ["kite"])]),
    (
        "en-np-11",
        "Erase the logo printed on the man's t-shirt and make the shirt navy.",
        [],
        [e("remove", "logo"), e("recolor", "shirt", ["navy", "blue"])],
    ),
    (
        "en-np-12",
        "Replace the cloudy sky of this photo with a clear blue one.",
        [],
        [e("replace", "sky", ["blue", "clear"])],
    ),
    # --- purpose clauses
    (
        "en-purpose-1",
        "Brighten the photo so that the faces are easier to see, but keep the sky as it is.",
        ["sky"],
        [e("adjust", "all", BRIGHT)],
    ),
    (
        "en-purpose-2",
        "Increase the exposure to bring out the details in the dark corners.",
        [],
        [e("adjust", "all", BRIGHT)],
    ),
    (
        "en-purpose-3",
        "Dehaze the picture so the mountains stand out, then warm it up slightly.",
        [],
        [e("enhance", "all", ["dehaze"]), e("adjust", "all", WARM)],
    ),
    (
        "en-purpose-4",
        "Sharpen it so it looks crisper, then add a little contrast.",
        [],
        [e("adjust", "all", SHARP), e("adjust", "all", CONTRAST)],
    ),
    ("en-purpose-5", "Cool the photo down to make it feel like winter.", [], [e("adjust", "all", WARM)]),
    ("en-purpose-6", "Lower the saturation so the colours look more natural.", [], [e("adjust", "all", SAT)]),
    # --- lexical variants
    (
        "en-lex-1",
        "Get rid of the cables and erase the sticker on the window.",
        [],
        [e("remove", "cable"), e("remove", "sticker")],
    ),
    (
        "en-lex-2",
        "Wipe out the watermark in the corner and crop to 3:2.",
        [],
        [e("remove", "watermark"), e("crop", "all", ["3:2"])],
    ),
    ("en-lex-3", "Edit out the photobomber behind us.", [], [e("remove", "photobomber")]),
    ("en-lex-4", "Swap the apple for a pear.", [], [e("replace", "apple", ["pear"])]),
    ("en-lex-5", "Exchange the sofa with a red armchair.", [], [e("replace", "sofa", ["armchair"])]),
    ("en-lex-6", "Insert a small sailboat on the lake.", [], [e("add", "lake", ["sailboat", "boat"])]),
    (
        "en-lex-7",
        "Paint the fence white and the shutters dark green.",
        [],
        [e("recolor", "fence", ["white"]), e("recolor", "shutter", ["green"])],
    ),
    ("en-lex-8", "Dye the horse's mane blue.", [], [e("recolor", "mane", ["blue"])]),
    ("en-lex-9", "Throw a bit of fog over the valley.", [], [e("atmosphere", "valley", ["fog"])]),
    (
        "en-lex-10",
        "Defocus the background and lighten the foreground.",
        [],
        [e("blur", "background"), e("adjust", "foreground", BRIGHT)],
    ),
    # --- canvas ops
    ("en-geo-1", "Give the picture a quarter turn clockwise.", [], [e("rotate", "all", ["-90"])]),
    (
        "en-geo-2",
        "Flip it vertically and crop to 4:5.",
        [],
        [e("flip", "all", ["vertical"]), e("crop", "all", ["4:5"])],
    ),
    (
        "en-geo-3",
        "Straighten the horizon and crop to 16:9.",
        [],
        [e("rotate", "all", ['"auto": true']), e("crop", "all", ["16:9"])],
    ),
    (
        "en-geo-4",
        "Resize it to 1080 pixels wide and sharpen it a little.",
        [],
        [e("resize", "all", ["1080"]), e("adjust", "all", SHARP)],
    ),
    ("en-geo-5", "Mirror the photo left to right.", [], [e("flip", "all", ["horizontal"])]),
    ("en-geo-6", "Make the picture half the size.", [], [e("resize", "all", ["0.5"])]),
    ("en-geo-7", "Expand the canvas by 200 px on the left.", [], [e("extend", "all", ['"left": 200'])]),
    ("en-geo-8", "Turn the photo upside down.", [], [e("rotate|flip", "all", ["180", "vertical"])]),
    # --- move, scale, upscale
    ("en-move-1", "Move the lamp to the left.", [], [e("move", "lamp", ["left"])]),
    (
        "en-move-2",
        "Shift the boat a little to the right and make it bigger.",
        [],
        [e("move", "boat", ["right"]), e("scale", "boat")],
    ),
    ("en-move-3", "Make the moon twice as large.", [], [e("scale", "moon", ["2"])]),
    ("en-move-4", "Shrink the logo by half.", [], [e("scale", "logo", ["0.5"])]),
    ("en-move-5", "Upscale the photo 4x.", [], [e("upscale", "all", ["4"])]),
    (
        "en-move-6",
        "Move the cat closer to the fireplace, then increase the resolution.",
        [],
        [e("move", "cat", ["fireplace"]), e("upscale", "all")],
    ),
    # --- long creative prompts
    (
        "en-creative-1",
        "Reimagine this photo as a vintage travel poster from the 1950s. Use bold flat colours and a cream paper "
        "texture. The mountains should become simple layered shapes and the sky a soft orange gradient. Keep the "
        "hiker's face unchanged.",
        ["face"],
        [e("edit", "all", ["poster"])],
    ),
    (
        "en-creative-2",
        "Transform the living room into a cozy winter cabin. Add a crackling fireplace, thick wool blankets on the "
        "sofa and frost on the windows. The light should feel warm and golden, like late afternoon.",
        [],
        [e("edit", "all", ["cabin"])],
    ),
    (
        "en-creative-3",
        "Turn the scene into a miniature diorama sitting on a wooden desk. Use a tilt-shift depth of field, tiny "
        "plastic trees and soft studio light from above. The buildings should look like painted clay models.",
        [],
        [e("edit", "all", ["diorama"])],
    ),
    (
        "en-creative-4",
        "Portray the cat as a knight in shining armour standing on a castle wall at dawn. The armour has engraved "
        "details and a small red cape. The whole picture should look like an oil painting, but keep the cat's eyes "
        "exactly as they are.",
        ["eye"],
        [e("edit", "all", ["knight"])],
    ),
    (
        "en-creative-5",
        "Create a dreamy underwater version of this street. The cars become coral reefs, schools of fish swim "
        "between the lampposts and light ripples down from the surface. Leave the girl in the middle untouched.",
        ["girl"],
        [e("edit", "all", ["underwater"])],
    ),
    (
        "en-creative-6",
        "Make this look like a frame from a 1980s science fiction film. Neon pink and cyan lighting, heavy film "
        "grain and a retro-futuristic skyline far away. Everything should feel moody and cinematic.",
        [],
        [e("edit", "all", ["neon", "science fiction"])],
    ),
    # --- several sentences
    (
        "en-multi-1",
        "Remove the umbrella. Then brighten the picture slightly.",
        [],
        [e("remove", "umbrella"), e("adjust", "all", BRIGHT)],
    ),
    (
        "en-multi-2",
        "Crop it to a square. Make it warmer. Add a vignette.",
        [],
        [e("crop", "all", ["1:1"]), e("adjust", "all", WARM), e("vignette", "all")],
    ),
    (
        "en-multi-3",
        "First replace the sky with a sunset. After that, add birds flying over the sea.",
        [],
        [e("replace", "sky", ["sunset"]), e("add", "sea|sky|all", ["bird"])],
    ),
    (
        "en-multi-4",
        "Keep the horse unchanged. Blur the field behind it and add a light mist.",
        ["horse"],
        [e("blur", "field"), e("atmosphere", "all|field", ["fog", "haze"])],
    ),
    (
        "en-multi-5",
        "Reduce the noise. Boost the vibrance. Finally, sharpen the eyes.",
        [],
        [e("enhance", "all", ["denoise"]), e("adjust", "all", SAT), e("adjust", "eye", SHARP)],
    ),
    (
        "en-multi-6",
        "Take out the trash bags on the left. The wall behind them should be painted light blue.",
        [],
        [e("remove", "bag"), e("recolor", "wall", ["blue"])],
    ),
]

ZH = [
    # --- 逗号后的连接词
    (
        "zh-conn-1",
        "把天空换成晚霞，然后把草地调得更绿一些",
        [],
        [e("replace", "sky|天空", ["sunset", "glow", "晚霞"]), e(ADJ, "grass|草", GREENER)],
    ),
    (
        "zh-conn-2",
        "先去掉画面左边的垃圾桶，然后整体提亮一点",
        [],
        [e("remove", "trash|garbage|bin|垃圾桶"), e("adjust", "all", BRIGHT)],
    ),
    (
        "zh-conn-3",
        "把桌子换成木质的，然后在上面放一盆花",
        [],
        [e("replace", "table|桌", ["wood", "木"]), e("add", "table|桌", ["flower", "花"])],
    ),
    (
        "zh-conn-4",
        "给人物加一顶帽子，给背景加一点雾",
        [],
        [e("add", "person|people|人", ["hat", "帽"]), e("atmosphere", "background", ["fog"])],
    ),
    ("zh-conn-5", "把背景虚化，同时让人物稍微亮一些", [], [e("blur", "background"), e("adjust", PERSON, BRIGHT)]),
    (
        "zh-conn-6",
        "把汽车改成红色，再把路面调暗",
        [],
        [e("recolor", "car|汽车", ["red", "红"]), e("adjust", "road|路", BRIGHT)],
    ),
    ("zh-conn-7", "去掉电线，接着把天空调蓝一点", [], [e("remove", "wire|cable|line|电线"), e(ADJ, "sky|天空", BLUER)]),
    ("zh-conn-8", "把照片裁成正方形，最后加一个暗角", [], [e("crop", "all", ["1:1"]), e("vignette", "all")]),
    (
        "zh-conn-9",
        "给小狗戴上一条红围巾，然后把背景换成雪地",
        [],
        [e("add", "dog|狗", ["scarf", "围巾"]), e("replace", "background", ["snow", "雪"])],
    ),
    (
        "zh-conn-10",
        "把猫换成兔子，并且让它看起来更可爱",
        [],
        [e("replace", "cat|猫", ["rabbit", "兔"]), e("edit", "rabbit|兔|cat|猫", ["cute", "可爱"])],
    ),
    ("zh-conn-11", "提高对比度，同时降低饱和度", [], [e("adjust", "all", CONTRAST), e("adjust", "all", SAT)]),
    (
        "zh-conn-12",
        "把墙刷成浅灰色，然后在墙上挂一幅画",
        [],
        [e("recolor", "wall|墙", ["gray", "grey", "灰"]), e("add", "wall|墙", ["painting", "picture", "画"])],
    ),
    ("zh-conn-13", "把人物抠出来，然后把背景换成纯白色", [], [e("replace|recolor", "background", ["white", "白"])]),
    ("zh-conn-14", "先把照片旋转90度，然后调亮一点", [], [e("rotate", "all", ["90"]), e("adjust", "all", BRIGHT)]),
    # --- 并列与省略
    ("zh-coord-1", "提高亮度和对比度", [], [e("adjust", "all", BRIGHT), e("adjust", "all", CONTRAST)]),
    (
        "zh-coord-2",
        "把车换成自行车，把狗换成猫",
        [],
        [e("replace", "car|车", ["bicycle", "bike", "自行车"]), e("replace", "dog|狗", ["cat", "猫"])],
    ),
    (
        "zh-coord-3",
        "把衬衫改成蓝色，裤子改成黑色",
        [],
        [e("recolor", "shirt|衬衫", ["blue", "蓝"]), e("recolor", "pants|trousers|裤", ["black", "黑"])],
    ),
    (
        "zh-coord-4",
        "在桌上放一个苹果，在椅子上放一个书包",
        [],
        [e("add", "table|桌", ["apple", "苹果"]), e("add", "chair|椅", ["bag", "书包"])],
    ),
    (
        "zh-coord-5",
        "增加饱和度、对比度和清晰度",
        [],
        [e("adjust", "all", SAT), e("adjust", "all", CONTRAST), e("adjust|enhance", "all", DEBLUR)],
    ),
    ("zh-coord-6", "把天空和海水都调得更蓝", [], [e(ADJ, "sky|天空", BLUER)]),
    ("zh-coord-7", "去掉路人和垃圾桶", [], [e("remove", "trash|garbage|bin|垃圾桶")]),
    ("zh-coord-8", "让画面更亮、更暖", [], [e("adjust", "all", BRIGHT), e("adjust", "all", WARM)]),
    ("zh-coord-9", "把左边的人和右边的树都去掉", [], [e("remove", "tree|树")]),
    (
        "zh-coord-10",
        "把花变成黄色，叶子变成深绿色",
        [],
        [e("recolor", "flower|花", ["yellow", "黄"]), e("recolor", "leaf|leaves|叶", ["green", "绿"])],
    ),
    # --- 约束与排除
    (
        "zh-clause-1",
        "保持人物不变，把背景调暗并加一点雾",
        [PERSON],
        [e("adjust", "background", BRIGHT), e("atmosphere", "all|background", ["fog", "雾"])],
    ),
    ("zh-clause-2", "背景虚化，人物不变", [PERSON], [e("blur", "background")]),
    ("zh-clause-3", "把照片调成黑白，人物保留彩色", [], [e("restyle", "not:person|not:people|not:人", BW)]),
    ("zh-clause-4", "把背景换成海边，但不要改变人物", [PERSON], [e("replace", "background", ["sea", "beach", "海"])]),
    ("zh-clause-5", "在不改变人物的情况下，让背景更暖一些", [PERSON], [e("adjust", "background", WARM)]),
    ("zh-clause-6", "除了天空以外，把整张图调亮", [], [e("adjust", "not:sky|not:天空", BRIGHT)]),
    ("zh-clause-7", "加点雪，但是汽车上不要加", [], [e("atmosphere", "not:car|not:汽车", ["snow", "雪"])]),
    ("zh-clause-8", "把天空换成星空，房子保持原样", ["house|房"], [e("replace", "sky|天空", ["star", "星"])]),
    ("zh-clause-9", "整体加暖色调，注意别动人物的脸", ["face|脸"], [e("adjust", "all", WARM)]),
    (
        "zh-clause-10",
        "把人物调成复古色，背景调成黑白",
        [],
        [e("restyle", PERSON, [*SEPIA, "vintage", "retro"]), e("restyle", "background", BW)],
    ),
    (
        "zh-clause-11",
        "背景稍微暗一点，人物稍微亮一点",
        [],
        [e("adjust", "background", BRIGHT), e("adjust", PERSON, BRIGHT)],
    ),
    (
        "zh-clause-12",
        "保持小猫不动，把沙发换成皮沙发，再加点暖光",
        ["cat|猫"],
        [e("replace", "sofa|沙发", ["leather", "皮"]), e("adjust", "all", WARM)],
    ),
    (
        "zh-clause-13",
        "把照片变成水彩画风格，只有主角的脸保持不变",
        ["face|脸"],
        [e("restyle", "all", ["watercolor", "watercolour", "水彩"])],
    ),
    ("zh-clause-14", "除了人物之外都加上雾", [], [e("atmosphere", "not:person|not:people|not:人", ["fog", "雾"])]),
    # --- 条件
    (
        "zh-cond-1",
        "如果照片里有狗，就把狗换成猫，否则在草地上加一只猫",
        [],
        [when(exists("dog|狗"), [e("replace", "dog|狗", ["cat", "猫"])], [e("add", "grass|草", ["cat", "猫"])])],
    ),
    (
        "zh-cond-2",
        "如果没有人，就在路边加一只鹿",
        [],
        [when(absent("person|people|人"), [e("add", "road|路", ["deer", "鹿"])])],
    ),
    ("zh-cond-3", "要是照片太暗，就提亮一些", [], [when(image_is("dark"), [e("adjust", "all", BRIGHT)])]),
    (
        "zh-cond-4",
        "如果天空里没有云，就加几朵白云",
        [],
        [when(absent("cloud|云"), [e("add", "sky|天空", ["cloud", "云"])])],
    ),
    (
        "zh-cond-5",
        "如果有汽车，就把它们都去掉。最后把整张照片调成黑白",
        [],
        [when(exists("car|汽车"), [e("remove", "car|汽车")]), e("restyle", "all", BW)],
    ),
    (
        "zh-cond-6",
        "如果画面很模糊，就锐化一下，否则只提高对比度",
        [],
        [when(image_is("blurry"), [e("adjust|enhance", "all", DEBLUR)], [e("adjust", "all", CONTRAST)])],
    ),
    ("zh-cond-7", "假如图中有水印，请去除水印", [], [when(exists("watermark|水印"), [e("remove", "watermark|水印")])]),
    (
        "zh-cond-8",
        "除非画面里有人，否则加上下雨效果",
        [],
        [when(absent("person|people|人"), [e("atmosphere", "all", ["rain", "雨"])])],
    ),
    (
        "zh-cond-9",
        "保持人物不变；如果照片偏亮，就稍微压暗",
        [PERSON],
        [when(image_is("bright"), [e("adjust", "all", BRIGHT)])],
    ),
    (
        "zh-cond-10",
        "如果照片里有猫，就把猫变成橘色；如果没有，就加一只橘猫",
        [],
        [when(exists("cat|猫"), [e("recolor", "cat|猫", ["orange", "橘"])], [e("add", "all", ["cat", "猫"])])],
    ),
    # --- 词典会拆开的复合词
    ("zh-compound-1", "把背景换成黄昏时分的海滩", [], [e("replace", "background", ["beach", "海滩"])]),
    ("zh-compound-2", "背景改成一片盛开的樱花林", [], [e("replace", "background", ["cherry", "sakura", "樱花"])]),
    (
        "zh-compound-3",
        "把天空换成满天繁星，再把地面调暗一点",
        [],
        [e("replace", "sky|天空", ["star", "繁星"]), e("adjust", "ground|地面", BRIGHT)],
    ),
    ("zh-compound-4", "背景换成雪山", [], [e("replace", "background", ["snow", "mountain", "雪山"])]),
    (
        "zh-compound-5",
        "把墙换成红砖墙，地板换成木地板",
        [],
        [e("replace", "wall|墙", ["brick", "砖"]), e("replace", "floor|地板", ["wood", "木"])],
    ),
    ("zh-compound-6", "把地面换成金色的麦田", [], [e("replace", "ground|floor|地面", ["wheat", "麦田"])]),
    ("zh-compound-7", "把背景换成城市夜景", [], [e("replace", "background", ["city", "城市", "夜景"])]),
    ("zh-compound-8", "在湖面上加一只白天鹅", [], [e("add", "lake|湖", ["swan", "天鹅"])]),
    ("zh-compound-9", "把杯子换成玻璃杯", [], [e("replace", "cup|杯", ["glass", "玻璃"])]),
    (
        "zh-compound-10",
        "把背景换成竹林，再加一点薄雾",
        [],
        [e("replace", "background", ["bamboo", "竹"]), e("atmosphere", "all|background", ["fog", "haze", "雾"])],
    ),
    ("zh-compound-11", "把草地换成向日葵花海", [], [e("replace", "grass|lawn|草", ["sunflower", "向日葵"])]),
    ("zh-compound-12", "在窗台上放一盆仙人掌", [], [e("add", "window|sill|窗台", ["cactus", "仙人掌"])]),
    # --- 其余 / 其他
    (
        "zh-rest-1",
        "把宇航员调亮，其余部分虚化",
        [],
        [e("adjust", "astronaut|宇航员", BRIGHT), e("blur", "not:astronaut|not:宇航员")],
    ),
    ("zh-rest-2", "只让红色的花保留颜色，其他都变成黑白", [], [e("restyle", "not:flower|not:花", BW)]),
    (
        "zh-rest-3",
        "把狗的毛色调成金色，其他地方稍微冷一点",
        [],
        [e("recolor", "dog|fur|狗|毛", ["gold", "金"]), e("adjust", "not:dog|not:fur|not:狗|not:毛", WARM)],
    ),
    (
        "zh-rest-4",
        "人物保持不变，其余部分加雪",
        [PERSON],
        [e("atmosphere", "not:person|not:people|not:人", ["snow", "雪"])],
    ),
    (
        "zh-rest-5",
        "锐化招牌，其他部分稍微暗一点",
        [],
        [e("adjust", "sign|招牌", SHARP), e("adjust", "not:sign|not:招牌", BRIGHT)],
    ),
    (
        "zh-rest-6",
        "把新娘提亮，其他的人都虚化",
        [],
        [e("adjust", "bride|新娘", BRIGHT), e("blur", "not:bride|not:新娘|people|person|人")],
    ),
    # --- 区域上的比较级
    ("zh-comp-1", "让天空更蓝一些", [], [e(ADJ, "sky|天空", BLUER)]),
    ("zh-comp-2", "把草地调得更绿", [], [e(ADJ, "grass|lawn|草", GREENER)]),
    (
        "zh-comp-3",
        "天空暗一点，云白一点",
        [],
        [e("adjust", "sky|天空", BRIGHT), e(ADJ, "cloud|云", ["white", "白", "brightness", "exposure"])],
    ),
    ("zh-comp-4", "让她的裙子更鲜艳，其他不变", ["not:"], [e("adjust", "dress|skirt|裙", SAT)]),
    (
        "zh-comp-5",
        "让远处的山更清楚一些",
        [],
        [e("enhance|adjust", "mountain|山", ["dehaze", "sharpness", "contrast"])],
    ),
    ("zh-comp-6", "让皮肤稍微暖一点", [], [e("adjust", "skin|皮肤", WARM)]),
    (
        "zh-comp-7",
        "把海水调深一点，沙滩亮一点",
        [],
        [
            e(ADJ, "sea|water|海", ["brightness", "exposure", "blue", "saturation", "蓝"]),
            e("adjust", "beach|sand|沙滩", BRIGHT),
        ],
    ),
    ("zh-comp-8", "让树叶更黄一些，像秋天一样", [], [e(ADJ, "leaf|leaves|叶", ["yellow", "黄", "warmth", "hue"])]),
    # --- 命名效果
    ("zh-effect-1", "加一个暗角", [], [e("vignette", "all")]),
    ("zh-effect-2", "加点暗角，再调成黑白", [], [e("vignette", "all"), e("restyle", "all", BW)]),
    ("zh-effect-3", "做一个色彩保留效果，只让红伞保留颜色", [], [e("restyle", "not:umbrella|not:伞", BW)]),
    ("zh-effect-4", "只保留黄色裙子的颜色，其余变成黑白", [], [e("restyle", "not:dress|not:skirt|not:裙", BW)]),
    ("zh-effect-5", "选中天空，把它换成晚霞", [], [e("replace", "sky|天空", ["sunset", "glow", "晚霞"])]),
    ("zh-effect-6", "选中左边的男人，然后删掉他", [], [e("remove", "man|男")]),
    ("zh-effect-7", "框选出小猫，把它调亮一点", [], [e("adjust", "cat|猫", BRIGHT)]),
    ("zh-effect-8", "给照片加一圈暗角，并稍微提高饱和度", [], [e("vignette", "all"), e("adjust", "all", SAT)]),
    # --- 有目标的自由编辑
    ("zh-free-1", "让左边的女孩笑起来", [], [e("edit", "girl|女孩", ["smil", "笑"])]),
    ("zh-free-2", "让小狗把头转向镜头", [], [e("edit", "dog|狗", ["camera", "镜头", "turn", "转"])]),
    (
        "zh-free-3",
        "让那位老人闭上眼睛，同时把背景调暗",
        [],
        [e("edit", "old|man|老人", ["eye", "close", "闭"]), e("adjust", "background", BRIGHT)],
    ),
    ("zh-free-4", "让雕像看起来长满青苔", [], [e("edit|restyle", "statue|雕像", ["moss", "青苔"])]),
    ("zh-free-5", "让男孩看起来老十岁", [], [e("edit", "boy|男孩", ["old", "老"])]),
    # --- 跨句代词
    (
        "zh-pron-1",
        "不要改变女人的脸。给她换一条红色的裙子。",
        ["face|脸"],
        [e("recolor|replace", "dress|skirt|裙", ["red", "红"])],
    ),
    ("zh-pron-2", "门口有一辆自行车。把它去掉。", [], [e("remove", "bicycle|bike|自行车")]),
    (
        "zh-pron-3",
        "那只狗太暗了，把它调亮一点，再锐化一下",
        [],
        [e("adjust", "dog|狗", BRIGHT), e("adjust", "dog|狗", SHARP)],
    ),
    ("zh-pron-4", "天空太单调了。把它换成多云的天空。", [], [e("replace", "sky|天空", ["cloud", "云"])]),
    ("zh-pron-5", "别动那个小男孩。在他身后放一片雪景。", ["boy|男孩"], [e("replace", "background", ["snow", "雪"])]),
    # --- 请求与问句
    ("zh-req-1", "请帮我把背景里的路人去掉", [], [e("remove", "passer|pedestrian|路人|people|person")]),
    ("zh-req-2", "能不能把照片调亮一点，再暖一点？", [], [e("adjust", "all", BRIGHT), e("adjust", "all", WARM)]),
    ("zh-req-3", "麻烦把这张图片的天空换成蓝天白云", [], [e("replace", "sky|天空", ["blue", "蓝天"])]),
    (
        "zh-req-4",
        "我想要背景虚化的效果，人物清楚一点",
        [],
        [e("blur", "background"), e("adjust|enhance", PERSON, DEBLUR)],
    ),
    (
        "zh-req-5",
        "可以帮我去掉照片上的水印吗？顺便裁成正方形",
        [],
        [e("remove", "watermark|水印"), e("crop", "all", ["1:1"])],
    ),
    (
        "zh-req-6",
        "帮忙把这张照片的噪点去掉，顺便提高一下清晰度",
        [],
        [e("enhance", "all", ["denoise"]), e("adjust|enhance", "all", DEBLUR)],
    ),
    ("zh-req-7", "我需要把这张照片裁成16:9", [], [e("crop", "all", ["16:9"])]),
    ("zh-req-8", "能否把人物的衣服换成西装？", [], [e("replace", "cloth|衣服", ["suit", "西装"])]),
    # --- 画布操作
    ("zh-geo-1", "顺时针旋转90度", [], [e("rotate", "all", ["-90"])]),
    ("zh-geo-2", "水平翻转，再裁成正方形", [], [e("flip", "all", ["horizontal"]), e("crop", "all", ["1:1"])]),
    ("zh-geo-3", "把图片缩小一半，然后锐化", [], [e("resize", "all", ["0.5"]), e("adjust", "all", SHARP)]),
    ("zh-geo-4", "向左扩展200像素", [], [e("extend", "all", ['"left": 200'])]),
    (
        "zh-geo-5",
        "把地平线拉直，然后加一点对比度",
        [],
        [e("rotate", "all", ['"auto": true']), e("adjust", "all", CONTRAST)],
    ),
    # --- 移动、缩放、超分
    ("zh-move-1", "把台灯往左移一点", [], [e("move", "lamp|灯", ["left", "左"])]),
    ("zh-move-2", "把月亮放大一倍", [], [e("scale", "moon|月亮", ["2"])]),
    ("zh-move-3", "高清放大两倍", [], [e("upscale", "all", ["2"])]),
    (
        "zh-move-4",
        "把杯子移到桌子的右边，再把它缩小一点",
        [],
        [e("move", "cup|杯", ["right", "右"]), e("scale", "cup|杯")],
    ),
    # --- 长的创意提示
    (
        "zh-creative-1",
        "把这张照片变成一幅宫崎骏风格的动画场景。天空要有大朵的白云，草地上开满小野花，远处有一座红色屋顶的小房子。"
        "整体色调温暖明亮，保持人物的脸不变。",
        ["face|脸"],
        [e("edit", "all", ["宫崎骏", "miyazaki"])],
    ),
    (
        "zh-creative-2",
        "把客厅改造成赛博朋克风格的酒吧。墙上挂满霓虹灯招牌，地面反射着粉色和蓝色的光。空气中有淡淡的烟雾，"
        "整体氛围神秘而热闹。",
        [],
        [e("edit", "all", ["赛博朋克", "cyberpunk"])],
    ),
    (
        "zh-creative-3",
        "将画面变成一个放在木桌上的微缩模型。房子和树都像是手工黏土做的，光线柔和，带有移轴摄影的景深效果。"
        "背景中的人物保持原样。",
        [PERSON],
        [e("edit", "all", ["微缩", "miniature"])],
    ),
    (
        "zh-creative-4",
        "想象这条街道一百年后被森林覆盖的样子。藤蔓爬满墙壁，汽车锈迹斑斑，阳光透过树叶洒下来。不要改变画面中的那只猫。",
        ["cat|猫"],
        [e("edit", "all", ["藤蔓", "森林", "forest"])],
    ),
]

CASES = [(cid, "en", text, keeps, steps) for cid, text, keeps, steps in EN] + [
    (cid, "zh", text, keeps, steps) for cid, text, keeps, steps in ZH
]
