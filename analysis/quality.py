"""A data-quality report: damage from scraping, flagged and never silently "fixed".

Copy-and-paste from the web fuses words together, cuts them mid-word and drops comments. Each
flag names the review, where in the raw file it is, and the context, so a reader can judge it:

* ``fused_or_garbled`` — a lower-case word (or a part of a hyphenated or apostrophised word)
  of at least 6 letters that English does not use: its Zipf frequency in ``wordfreq``'s English
  lists (Speer 2022) is below 1, i.e. under once per 100 million words. Where it splits into two
  common words the ``detail`` suggests the split. Capitalised words are skipped: names are rare.
* ``cut_word`` — a lower-case word of at most 4 letters with no vowel, the remnant of a word cut
  mid-way ("some ng cinematography").
* ``comment_count_mismatch`` — the page announces more reader comments than survived.

A flag is a place to look, not a verdict: a coinage can be flagged, and damage that leaves real
words ("an already movie experience") is not found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus, once_per_corpus
from analysis.parallel import ordered_map
from analysis.segmentation import Segment
from analysis.tables import checks
from analysis.text import WORD_CACHE_SIZE

RARE_ZIPF = 1.0
COMMON_ZIPF = 3.0
MIN_GARBLED_LETTERS = 6
MAX_CUT_LETTERS = 4
CONTEXT_CHARS = 40

_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['\u2019\u2018\-][^\W\d_]+)*")
_PART_SEPARATOR = re.compile(r"['\u2019\u2018\-]")
_VOWEL = re.compile(r"[aeiouy]")
_ANNOUNCED_COMMENTS = re.compile(r"^\s*(\d+)\s+(?:comments?|responses?|replies|thoughts)\b", re.I)
_CLITICS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})
COLUMNS = ["review_id", "flag", "word", "start", "context", "detail"]
# wordfreq's frequency for a word it does not know (Zipf 0: once per billion words).
MISSING_FREQUENCY = 1e-9


@cache
def _frequency_buckets() -> list[list[str]]:
    """wordfreq's large English word list (``best``), read straight from its data file: list
    ``i`` holds the words of frequency ``10 ** (-i / 100)``.

    Importing wordfreq costs about 0.4 s (its tokenizer for every language), three times
    reading the table, and each worker process of a corpus would pay it. The file is wordfreq's
    documented *cBpack*: gzipped msgpack, a header, then one list of words per centibel of
    frequency. Tests compare it with ``wordfreq.get_frequency_dict("en", "best")``.
    """
    import gzip
    from importlib.util import find_spec

    import msgpack

    data_file = Path(find_spec("wordfreq").origin).parent / "data" / "large_en.msgpack.gz"
    with gzip.open(data_file, "rb") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"{data_file}: not a wordfreq frequency list of the known format ({header!r})")
    return buckets


def _zipf_of_frequency(frequency: float) -> float:
    """The Zipf value wordfreq gives a word of `frequency`: rounded to three significant digits first."""
    frequency = max(1.0 / (1.0 / frequency), MISSING_FREQUENCY)
    rounded = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


_MISSING_ZIPF = _zipf_of_frequency(MISSING_FREQUENCY)


@cache
def _zipf_table() -> dict[str, float]:
    """The Zipf value of every word of wordfreq's list: one value per frequency list, computed once."""
    table: dict[str, float] = {}
    for index, bucket in enumerate(_frequency_buckets()):
        table.update(dict.fromkeys(bucket, _zipf_of_frequency(10 ** (-index / 100))))
    return table


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``, read straight from its table for plain words.

    wordfreq's tokenizer leaves a lower-case ASCII word whole, so its value is the table's, with
    Zipf 0 (10^-9) for a word it lacks. Skipping the tokenizer halves the corpus command's time
    on flags; tests compare the two on every word of the Her corpus and a sample of the table.
    Any other word goes through wordfreq itself.
    """
    if not (word.isascii() and word.isalpha() and word.islower()):
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    return _zipf_table().get(word, _MISSING_ZIPF)


def _split_suggestion(word: str) -> str | None:
    splits = [
        (min(_zipf(word[:i]), _zipf(word[i:])), word[:i], word[i:])
        for i in range(2, len(word) - 1)
    ]
    best = max(splits, default=None)
    if best and best[0] >= COMMON_ZIPF:
        return f"{best[1]} + {best[2]}?"
    return None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_flag(word: str) -> tuple[str, str] | None:
    """``(flag, detail)`` for a damaged word, None for a sound one (the rules of the module doc)."""
    if not word[0].islower():
        return None
    if len(word) < MIN_GARBLED_LETTERS:
        # No part of so short a word can be garbled; it can only be a cut remnant.
        if len(word) <= MAX_CUT_LETTERS and word.isalpha() and not _VOWEL.search(word):
            return "cut_word", "no vowel: a remnant of a cut word"
        return None
    parts = [word] if word.isalpha() else [p for p in _PART_SEPARATOR.split(word) if p.lower() not in _CLITICS]
    unknown = [p for p in parts if len(p) >= MIN_GARBLED_LETTERS and _zipf(p) < RARE_ZIPF]
    if not unknown:
        return None
    suggestions = [s for s in map(_split_suggestion, unknown) if s]
    detail = f"not an English word: {', '.join(unknown)}"
    if suggestions:
        detail += f" (fused: {'; '.join(suggestions)})"
    return "fused_or_garbled", detail


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _damaged_words(chunk: str) -> tuple[tuple[str, int], ...]:
    """Each word of `chunk` (text between whitespace) that :func:`_word_flag` flags, with its
    offset in the chunk."""
    return tuple((found.group(), found.start()) for found in _WORD.finditer(chunk) if _word_flag(found.group()) is not None)


@checks(text=str)
def word_flags(text: str) -> list[tuple[str, str, int, str]]:
    """Flag fused, garbled and cut words in `text`.

    Returns
    -------
    list of (flag, word, offset, detail)

    >>> [f[:2] for f in word_flags("stunning cinematograpaudiences'sterful and some ng shots")]
    [('fused_or_garbled', "cinematograpaudiences'sterful"), ('cut_word', 'ng')]
    """
    # A word never spans whitespace, and at a chunk's start its look-behind sees whitespace or
    # nothing alike, so the words of the text are those of its chunks. Each distinct chunk is
    # judged once; only the few holding a damaged word are located.
    flags = []
    for chunk in [chunk for chunk in set(text.split()) if _damaged_words(chunk)]:
        for start in _whole_chunk_starts(text, chunk):
            for word, offset in _damaged_words(chunk):
                flag, detail = _word_flag(word)
                flags.append((flag, word, start + offset, detail))
    return sorted(flags, key=lambda flag: flag[2])


def _whole_chunk_starts(text: str, chunk: str) -> Iterator[int]:
    """Where `chunk` stands in `text` between whitespace (or the text's ends), as ``str.split`` cuts it."""
    start = text.find(chunk)
    while start != -1:
        end = start + len(chunk)
        if (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace()):
            yield start
        # No whole occurrence starts inside this one: it would follow whitespace, which a chunk lacks.
        start = text.find(chunk, end)


def _body_word_flags(body: tuple[Segment, ...]) -> list[list[tuple[str, str, int, str]]]:
    """:func:`word_flags` of each body segment of a review (run in worker processes)."""
    return [word_flags(seg.text) for seg in body]


@once_per_corpus
def quality_report(corpus: Corpus) -> pd.DataFrame:
    """Every data-quality flag in the corpus, in review and file order.

    Words of the film's credits (people, characters, aliases) are never flagged.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``flag``, ``word``, ``start`` (offset in the raw file), ``context`` (the
        surrounding raw text), ``detail``.
    """
    # A credited name is no garbled word, even lower-cased ("phoenix", "jonze").
    names = {
        word.lower()
        for person in corpus.film.people
        for name in (person.name, *person.characters, *person.aliases)
        for word in _WORD.findall(name)
    }
    bodies = [review.segments_labelled("body") for review in corpus.reviews]
    flags_by_review = ordered_map(_body_word_flags, bodies, description="checking words")
    rows = []
    for review, body, flags_by_segment in zip(corpus.reviews, bodies, flags_by_review):
        for seg, flags in zip(body, flags_by_segment):
            for flag, word, offset, detail in flags:
                if word.lower() in names:
                    continue
                start = seg.start + offset
                context = review.raw[max(0, start - CONTEXT_CHARS) : start + len(word) + CONTEXT_CHARS]
                rows.append([review.id, flag, word, start, " ".join(context.split()), detail])
        announced = [
            int(m.group(1))
            for s in review.segments_labelled("boilerplate")
            if (m := _ANNOUNCED_COMMENTS.match(s.text))
        ]
        found = len(review.comments)
        for count in announced:
            if count > found:
                rows.append(
                    [review.id, "comment_count_mismatch", None, None, None,
                     f"the page announces {count} comments; {found} survived collection"]
                )
    return pd.DataFrame(rows, columns=COLUMNS).astype({"start": "Int64"})
