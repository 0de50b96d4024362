"""Readability: the Flesch Reading Ease score from our own sentences, words and syllables.

Flesch Reading Ease (Flesch 1948, *Journal of Applied Psychology* 32(3)) is
``206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)``; higher is easier
(60-70 "plain English", 30-50 "difficult", below 30 "very difficult", roughly college level).

Why not ``textstat.flesch_reading_ease``: textstat 0.7.13 downloads NLTK's CMU dictionary at
its first English call, which this project cannot do; and its own word and sentence counts would
differ from every other table here. So the counts are the study's own (sentences from
:func:`analysis.tokenization.split_sentences`; words as written, the word tokens with a letter
with each clitic joined back to its word by :func:`analysis.tokenization.written_words`, since
Flesch counted "isn't" as one word, not "is" and "n't"), and syllables are
counted the way textstat falls back to when a word is not in the CMU dictionary: Hunspell
hyphenation points (the `pyphen` package, which ships its dictionaries) plus one.

Caveats for web reviews: the formula was fitted on school reading passages; headings, lists,
titles in capitals and long parenthetical cast lists distort the words-per-sentence term, and
hyphenation points undercount syllables in names without hyphenation points ("Theodore" -> 1). Compare scores
between reviews, not with published grade bands.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import cache

from analysis.resources import read_bytes
from analysis.text import CLITICS, remembered

FLESCH_BASE = 206.835
FLESCH_SENTENCE_WEIGHT = 1.015
FLESCH_SYLLABLE_WEIGHT = 84.6


SYLLABLE_LEXICON = "syllables-en.tsv.gz"
_SYLLABLE_LESS_CLITICS = tuple(clitic for clitic in CLITICS if clitic != "n't")


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@cache
def _syllable_lexicon() -> dict[str, int]:
    """Hyphenation syllables of the commonest English words, computed once at build time
    (``scripts/build_syllable_lexicon.py``): hyphenating is the slow part of readability. A line
    of the file is a count, a tab and the words with that count (one dict update a line loads
    the 90,000 words several times faster than parsing a count per word)."""
    lexicon: dict[str, int] = {}
    for line in gzip.decompress(read_bytes(SYLLABLE_LEXICON)).decode("utf-8").splitlines():
        count, words = line.split("\t")
        lexicon.update(dict.fromkeys(words.split(" "), int(count)))
    return lexicon


def hyphenation_syllables(word: str) -> int:
    """Hunspell (en_US) hyphenation points of the lower-cased `word`, plus one."""
    return len(_hyphenator().positions(word.lower())) + 1


def syllable_count(word: str) -> int:
    """Syllables in `word`: Hunspell (en_US) hyphenation points + 1; 0 for a word with no letter.

    >>> [syllable_count(w) for w in ["film", "lonely", "operating", "computer", "Theodore"]]
    [1, 2, 4, 3, 1]

    The last shows the method's weak spot: a name with no hyphenation point counts as one.
    Common words are read from the shipped counts, others hyphenated. A compound counts the
    syllables of its parts ("half-way" 2, "44-year-old" 2; textstat, which removes the hyphen
    before hyphenating, also counts "half-way" 2), not 1 as the patterns read it whole. A word
    with a clitic counts as its stem ("Jonze's" 1, "they'll" 1), but for "n't", which the
    patterns count ("isn't" 2, "don't" 1).
    """
    return total_syllables([word])


def total_syllables(words: Sequence[str]) -> int:
    """The :func:`syllable_count` of `words` summed, each distinct word counted once while the
    per-word memo holds it (:func:`analysis.text.remembered`): words repeat."""
    return sum(remembered(_counted_syllables, words, _syllables_of_word))


_syllables_of_word: dict[str, int] = {}


def _counted_syllables(word: str) -> int:
    if "-" in word:
        # Hyphenation patterns read a compound as one word and find no point at its hyphen
        # ("half-way" would count 1); each part is a word of its own.
        return sum(_counted_syllables(part) for part in word.split("-"))
    if not any(character.isalpha() for character in word):
        return 0
    if "'" in word:
        stem = _without_contracted_clitic(word)
        if stem:
            return _counted_syllables(stem)
    known = _syllable_lexicon().get(word.lower())
    return known if known is not None else hyphenation_syllables(word)


def _without_contracted_clitic(word: str) -> str | None:
    """The word before a clitic that adds no syllable ("it's", "they'll", "Jonze's"), or None.

    Hyphenation reads such a clitic as a syllable of its own ("jack's" 2); "n't" is left to it,
    since it does add one after most stems ("isn't" 2, "don't" 1), as the patterns find."""
    lowered = word.lower()
    for clitic in _SYLLABLE_LESS_CLITICS:
        if lowered.endswith(clitic) and len(word) > len(clitic):
            return word[: -len(clitic)]
    return None


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch Reading Ease from counts; NaN if there are no words or sentences.

    >>> round(flesch_reading_ease(words=100, sentences=5, syllables=150), 3)
    59.635
    """
    if words <= 0 or sentences <= 0:
        return float("nan")
    return FLESCH_BASE - FLESCH_SENTENCE_WEIGHT * words / sentences - FLESCH_SYLLABLE_WEIGHT * syllables / words
