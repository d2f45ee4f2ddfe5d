"""Chinese -> English for English-only models: whole phrases or nothing, curated words before CC-CEDICT's."""

from __future__ import annotations

import gzip
import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editree.planner import cedict
from editree.planner.translate import lexicon, translate

_CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """A cache root of the test's own, so the dictionary table is built here, not in the user's cache."""
    monkeypatch.setenv("EDITREE_CACHE_DIR", str(tmp_path))
    cedict._connection.cache_clear()
    yield tmp_path
    cedict._connection.cache_clear()


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("樱花", "cherry blossoms"),  # one word, not 樱 + "flowers"
        ("日落时分的海滩", "beach at sunset"),  # a time before 的 comes after the noun
        ("桌子上的花瓶", "vase on the table"),  # a place before 的 too
        ("人物面部特征", "person's facial features"),  # an owner right before a body part
        ("男人的衬衫", "man's shirt"),
        ("斑点和细纹", "spots and fine lines"),
        ("一只小狗", "a puppy"),
    ],
)
def test_curated_words_and_english_order(chinese: str, english: str) -> None:
    assert translate(chinese).text == english


def test_a_dictionary_word_fills_a_gap_of_the_curated_lexicon() -> None:
    assert "齿轮" not in lexicon()
    assert translate("一个齿轮").text == "a gear"


def test_a_word_the_curated_lexicon_splits_is_read_as_the_dictionary_word() -> None:
    # 马 alone is "horse" in the curated lexicon; 马路 is one word, a road.
    assert translate("马路").text == "road"


@pytest.mark.parametrize("clause", ["把饼干放进杯子里的场景", "适合展示商品的环境", "喜欢吃鱼的猫"])
def test_a_phrase_with_a_verb_stays_as_written_and_names_what_failed(clause: str) -> None:
    result = translate(clause)
    assert result.text == clause
    assert result.untranslated and all(word in clause for word in result.untranslated)


def test_unknown_characters_are_reported_as_one_gap() -> None:
    assert translate("一片琉晶草地").untranslated == ["琉晶"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*sorted(lexicon())[:400], "的", "和", "琉", "晶", "放", "在", "上", "sky", "4k", " "]),
        min_size=1,
        max_size=6,
    )
)
def test_never_a_mix_of_english_and_untranslated_chinese(pieces: list[str]) -> None:
    text = "".join(pieces)
    result = translate(text)
    if result.untranslated:
        assert result.text == text.strip()
    else:
        assert not _CJK.search(result.text), result.text


@pytest.mark.parametrize(
    ("definitions", "sense"),
    [
        (
            "oriental cherry (Prunus serrulata or Prunus yedoensis), prized for its blossom/also known as sakura",
            "oriental cherry",
        ),
        ("biscuit; cracker; cookie/CL:片[pian4]", "biscuit"),
        ("to fit; to suit; appropriate", None),
        ("CL:個|个[ge4]/environment/surroundings", "environment"),
        ("variant of 樱[ying1]/cherry", "cherry"),
        ("(machine) gear/pinion", "gear"),
        # a region word is a thing: loanwords, plain nouns after definitions and adjectives, heads of long senses
        ("funny/droll/(loanword) soda pop", "soda pop"),
        ("(coll.) mother's mother/maternal grandmother", "maternal grandmother"),
        ("beautiful-sounding/(old) harp", "beautiful-sounding"),
        ("the edge of a cliff", "cliff edge"),
        ("a tower of three or more floors/CL:座[zuo4]", "tower"),
        ("(bird species of China) black kite (Milvus migrans)", "black kite"),
    ],
)
def test_the_first_short_sense_of_an_entry(definitions: str, sense: str | None) -> None:
    assert cedict.short_sense(definitions) == sense


def test_a_common_noun_entry_beats_a_proper_name(tmp_path) -> None:
    source = tmp_path / "mini.txt.gz"
    with gzip.open(source, "wt", encoding="utf-8") as out:
        out.write("# a header\n")
        out.write("漢堡 汉堡 [Han4 bao3] /Hamburg (German city)/\n")
        out.write("漢堡 汉堡 [han4 bao3] /hamburger (loanword)/\n")
        out.write("土星 土星 [Tu3 xing1] /Saturn (planet)/\n")
    assert dict(cedict._rows(source)) == {"汉堡": "hamburger", "土星": "Saturn"}


def test_the_dictionary_table_is_built_once_under_the_cache_root(fresh_cache) -> None:
    assert cedict.lookup(["齿轮", "适合", "不是一个词"]) == {"齿轮": "gear", "适合": None}
    tables = list((fresh_cache / "lexicon").glob("cedict-*.sqlite"))
    assert len(tables) == 1 and not list((fresh_cache / "lexicon").glob("*.tmp"))
    with sqlite3.connect(tables[0]) as db:
        assert db.execute("SELECT count(*) FROM words").fetchone()[0] > 50000


def test_without_a_usable_cache_the_curated_lexicon_still_translates(fresh_cache) -> None:
    (fresh_cache / "lexicon").write_text("not a folder")  # the table cannot be written
    assert cedict.lookup(["齿轮"]) == {}
    assert translate("红裙子").text == "red dress"
    assert translate("一个齿轮").untranslated == ["齿轮"]
