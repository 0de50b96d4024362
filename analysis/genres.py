"""Genre phrases: a word that names a kind of film is not a judgement or a craft.

"A disaster movie" is no verdict of disaster, and "Disney's latest animated feature" says
nothing of the animation. :func:`genre_spans` finds such phrases (a genre word of
``data/genre-words.yaml`` followed by a noun for a film), so that an aspect cue inside one is no
mention (:mod:`analysis.targets`), a verdict cue inside one no signal, and the sentence model
judges a mention's scope without the genre word (:func:`without_genre_words`).
"""

from __future__ import annotations

import re
from functools import cache

from analysis.resources import read_yaml


def _alternation(words) -> str:
    ordered = sorted((str(word) for word in words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)


@cache
def _genre_regex() -> re.Pattern:
    data = read_yaml("genre-words.yaml")
    return re.compile(
        rf"(?<![\w'-])(?P<genre>{_alternation(data['genres'])})(?:\s*-\s*|\s+)(?:{_alternation(data['film_nouns'])})(?![\w-])",
        re.IGNORECASE,
    )


_WORD = re.compile(r"\w+")


@cache
def _genre_openings() -> frozenset[str]:
    """The first word of every genre, lower-cased: a phrase starts with one of them."""
    return frozenset(_WORD.match(str(genre).lower()).group(0) for genre in read_yaml("genre-words.yaml")["genres"])


def genre_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the genre *words* of `text`'s genre phrases.

    >>> text = "It is a disaster movie, and a disaster."
    >>> [text[start:end] for start, end in genre_spans(text)]
    ['disaster']
    """
    # Most sentences hold no genre word; the set of their lower-cased words says so far faster
    # than the phrase pattern. Only for ASCII text, where lower-casing and the pattern's
    # ignoring of case agree letter for letter.
    if text.isascii() and _genre_openings().isdisjoint(_WORD.findall(text.lower())):
        return []
    return [match.span("genre") for match in _genre_regex().finditer(text)]


def without_genre_words(text: str) -> str:
    """`text` with the genre word of each genre phrase left out ("a disaster movie" -> "a movie").

    >>> without_genre_words("The comet-disaster flick is a disaster alright.")
    'The flick is a disaster alright.'
    """
    spans = genre_spans(text)
    if not spans:
        return text
    kept, position = [], 0
    for start, end in spans:
        kept.append(text[position:start])
        # The separator after the genre word goes with it.
        position = end + len(re.match(r"\s*-?\s*", text[end:]).group(0))
    kept.append(text[position:])
    return "".join(kept)
