"""Flesch Reading Ease from counts, syllables from pyphen."""

import math

import pytest

from analysis.readability import flesch_reading_ease, syllable_count


def test_flesch_formula():
    # 206.835 - 1.015 * 100/5 - 84.6 * 150/100 = 206.835 - 20.3 - 126.9
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(59.635)
    assert math.isnan(flesch_reading_ease(0, 0, 0))


def test_syllables_from_hyphenation_points():
    assert [syllable_count(w) for w in ["film", "lonely", "operating", "computer"]] == [1, 2, 4, 3]
    assert syllable_count("10,000") == 0


def test_a_compound_counts_the_syllables_of_its_parts():
    assert [syllable_count(w) for w in ["half-way", "spoon-fed", "44-year-old", "thought-provoking", "-"]] == [2, 2, 2, 4, 0]


def test_a_clitic_adds_no_syllable_but_a_negation_may():
    # Hyphenation alone reads "jack's" as 2.
    assert [syllable_count(w) for w in ["jack's", "Jonze's", "they'll", "I'm", "it's"]] == [1, 1, 1, 1, 1]
    assert [syllable_count(w) for w in ["isn't", "doesn't", "don't", "can't"]] == [2, 2, 1, 1]


def test_shipped_syllable_counts_are_pyphens():
    from analysis.readability import _syllable_lexicon, hyphenation_syllables

    lexicon = _syllable_lexicon()
    assert len(lexicon) > 80_000
    sample = sorted(lexicon)[::40]
    assert [word for word in sample if lexicon[word] != hyphenation_syllables(word)] == []


def test_words_outside_the_shipped_counts_are_hyphenated():
    from analysis.readability import _syllable_lexicon

    assert "nolting" not in _syllable_lexicon()
    assert syllable_count("Nolting") == 2


def test_syllable_lexicon_rebuilds_to_the_same_bytes(tmp_path, monkeypatch):
    import runpy

    from analysis.paths import PROJECT_ROOT

    shipped = (PROJECT_ROOT / "analysis" / "data" / "syllables-en.tsv.gz").read_bytes()
    (tmp_path / "analysis" / "data").mkdir(parents=True)
    monkeypatch.setattr("analysis.paths.PROJECT_ROOT", tmp_path)
    runpy.run_path(str(PROJECT_ROOT / "scripts" / "build_syllable_lexicon.py"), run_name="__main__")
    assert (tmp_path / "analysis" / "data" / "syllables-en.tsv.gz").read_bytes() == shipped
