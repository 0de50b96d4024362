"""Praise targets: the people and craft aspects a review talks about, and where it names them.

Targets come from the :class:`analysis.film.Film`. **People** are the film's credits in the
corpus manifest (cast as actor -> character, director, writer, composer, cinematographer, crew)
plus ``other_people`` (a credit naming several people, "A, B", "A and B" or a list, is each of
them); **aspects** are crafts (script, cinematography, direction, music, pacing, editing,
effects, animation, sound, production design, themes, performances in general) with cue words
from ``data/aspects.yaml``, which a manifest's ``aspects:`` mapping extends or overrides. The
spellings of every name are :func:`analysis.names.name_forms`.

Mention rules (the ``rule`` column), applied sentence by sentence in reading order:

``full_name``
    The whole credited name ("Joaquin Phoenix").
``surname``
    Everything after the first name ("Phoenix", "van Hoytema") and the last word ("Hoytema").
``first_name``
    A cast member's first name alone ("Joaquin"), only when no other person or character shares
    it; a crew member is never matched by a first name ("a giant bird called Kevin" is not the
    editor Kevin Nolting).
``alias``
    A short name the manifest gives under ``people: {NAME: {aliases: [...]}}``.
``possessive``
    Any of the above followed by ``'s`` or ``'`` ("Phoenix's", "joaquin phoenix 's").
``character_in_performance_context``
    A character's name ("Theodore", its first word, or a manifest alias such as "Theo") credits the
    actor *only* in a sentence that also has a performance word ("portrayal", "plays", "voice",
    ``data/mention-rules.yaml``): "his portrayal of Theodore is nuanced" judges Phoenix, while
    "Theodore buys a new operating system" is plot and credits no one.
``pronoun_backref``
    He/him/his/himself or she/her/hers/herself credits the one person of that gender named in the
    previous sentence (gender from ``people: {NAME: {pronouns: he|she|they}}``; a person whose
    gender the manifest does not give matches either). It is not resolved when the sentence itself
    names a person the pronoun could refer to, or when the previous sentence names several.
``fuzzy_full_name``, ``fuzzy_surname``
    A misspelt full name or surname of six letters or more, within a small edit distance word by
    word ("Scarlet Johansen" -> Scarlett Johansson; bounds in ``data/mention-rules.yaml``,
    :class:`analysis.names.FuzzyNames`). A misspelling never overrides an exact name it does not
    outgrow.
``cue_word``
    A craft aspect's cue word ("screenplay" -> script). A cue inside a name, inside a longer cue
    of another aspect ("sound effects" is sound, not effects), inside a genre phrase ("an
    animated feature", :mod:`analysis.genres`) or inside a phrase where it has another sense ("a
    plot to erase the data", "to plot a graph", "an animation studio": ``aspect_other_senses`` in
    ``data/mention-rules.yaml``) does not count.

Collisions. Longer names win over shorter ones at the same place ("Samantha Morton" is not the
character Samantha). A first name that is also a character's name stands for the character ("Amy"
is Amy Adams's character, not Amy Adams; "Samantha" is never Samantha Morton). A short form shared
by two people is dropped. Characters with descriptive names of three or more words ("Chat Room
Friend") are matched only in full; for two-word names the first word is the short form, after
descriptive words are set aside ("Young Ellie" -> "Ellie", never "Young"). A
manifest can switch short forms off for a name that is made of common words (a band such as
"Arcade Fire": ``short_names: false``). Names are matched case-sensitively, so the word "fire" or
"bill" is no name. The *performances* aspect counts only sentences that credit no cast member, so
"Phoenix gives a great performance" is Phoenix's praise, not the cast's.

Film title versus pronoun. A capitalised "Her" (or "HER") is the film's title, never a pronoun,
as in :func:`analysis.tokenization.terms`.

Lower-cased, pre-tokenized text ("joaquin phoenix 's performance is great ."). A review whose
body has no capital letter is matched case-insensitively. Then first names are not used (too many
are common words: bill, will, mark), and a pronoun spelled like the film's title ("her") is never
resolved, because it cannot be told from the title.

A person is credited with all of their work: "Jonze's script" is a mention of Spike Jonze (who
wrote it) *and* of the script aspect, and both are judged on that sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Literal

import pandas as pd

from analysis.film import FILM, Aspect, Film
from analysis.genres import genre_spans
from analysis.names import FuzzyNames, NameForm, name_forms
from analysis.resources import read_yaml
from analysis.tables import checks
from analysis.text import normalise

MENTION_COLUMNS = [
    "review_id", "sentence_index", "sentence", "target", "target_kind",
    "matched_text", "rule", "start", "end",
]
INVENTORY_COLUMNS = ["target", "target_kind", "roles", "characters", "pronouns", "name_forms", "cues"]
# The start of a word and a word, shared with analysis.credits.
BOUNDARY_BEFORE = r"(?<![\w'-])"
_BOUNDARY_AFTER = r"(?![\w-])"
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_POSSESSIVE = r"(?P<possessive>\s?'s(?![\w])|'(?![\w]))?"


def mention_rules() -> dict:
    """The settings of ``data/mention-rules.yaml``: performance_context, performance_window,
    pronoun_within_words, pronouns, descriptive_words and fuzzy_names."""
    return read_yaml("mention-rules.yaml")


@checks(film=FILM)
def target_inventory(film: Film) -> pd.DataFrame:
    """Every target: the film's people and the craft aspects, with the forms that name them.

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target``, ``target_kind`` (person or aspect), ``roles``
        ("actor", "director, writer" ...; the aspect name for aspects), ``characters``,
        ``pronouns``, ``name_forms`` (each spelling with its rule, "; "-joined) and ``cues``
        (an aspect's cue words, "; "-joined).
    """
    persons = film.people
    forms = name_forms(persons)
    rows = [
        {
            "target": p.name,
            "target_kind": "person",
            "roles": ", ".join(p.roles),
            "characters": ", ".join(p.characters),
            "pronouns": p.pronouns or "",
            "name_forms": "; ".join(
                f"{f.text} ({'character' if f.is_character else f.rule})" for f in forms if f.person == p.name
            ),
            "cues": "",
        }
        for p in persons
    ]
    rows += [
        {"target": a.name, "target_kind": "aspect", "roles": "aspect", "characters": "", "pronouns": "",
         "name_forms": "", "cues": "; ".join(a.cues)}
        for a in film.aspects.values()
    ]
    return pd.DataFrame(rows, columns=INVENTORY_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Matching


def phrase_alternation(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, any whitespace run between their words."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


@cache
def _cue_regex(words: tuple[str, ...], *, ignore_case: bool = True) -> re.Pattern:
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(BOUNDARY_BEFORE + f"(?:{phrase_alternation(list(words))})" + _BOUNDARY_AFTER, flags)


def _name_regex(forms: list[NameForm], ignore_case: bool) -> re.Pattern | None:
    if not forms:
        return None
    flags = re.IGNORECASE if ignore_case else 0
    pattern = BOUNDARY_BEFORE + f"(?P<name>{phrase_alternation([f.text for f in forms])})" + _BOUNDARY_AFTER + _POSSESSIVE
    return re.compile(pattern, flags)


def _is_lower_cased(texts: list[str]) -> bool:
    # Lower-casing leaves a text without capitals unchanged; only other scripts need a closer look.
    return not any(
        text != text.lower() or (not text.isascii() and any(character.isupper() for character in text))
        for text in texts
    )


@checks(sentences=["review_id", "sentence_index", "text"], film=FILM)
def find_mentions(
    sentences: pd.DataFrame,
    film: Film,
    *,
    case: Literal["auto", "sensitive", "insensitive"] = "auto",
) -> pd.DataFrame:
    """Find every mention of a person or craft aspect in `sentences`.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A sentence table with ``review_id``, ``sentence_index`` and ``text``
        (:func:`analysis.corpus.sentence_table`).
    film : analysis.film.Film
        The film whose people and aspects are the targets.
    case : {"auto", "sensitive", "insensitive"}
        How names match: "auto" matches a review case-insensitively only when it has no capital
        letter at all (lower-cased, pre-tokenized text).

    Returns
    -------
    pandas.DataFrame
        One row per mention, in reading order: ``review_id``, ``sentence_index``, ``sentence``,
        ``target``, ``target_kind`` (person or aspect), ``matched_text``, ``rule`` (see the module
        docstring), ``start`` and ``end`` (character offsets of the match in the sentence).

    Raises
    ------
    ValueError
        `case` is not one of the three options.
    analysis.tables.TableError
        `sentences` is not a table or lacks one of its three columns (a ValueError too).
    TypeError
        `film` is not a Film.
    """
    if case not in ("auto", "sensitive", "insensitive"):
        raise ValueError(f"case must be 'auto', 'sensitive' or 'insensitive', got {case!r}")
    persons = {p.name: p for p in film.people}
    forms = name_forms(film.people)
    aspects = film.aspects
    any_aspect = _any_aspect_regex(aspects)
    cue_regexes = [(aspect, _cue_regex(aspect.cues)) for aspect in aspects.values()]
    rules = mention_rules()
    context = _cue_regex(tuple(rules["performance_context"]))
    rows: list[dict] = []
    fuzzy_matchers: dict[bool, FuzzyNames] = {}
    ordered = sentences.sort_values(["review_id", "sentence_index"], kind="mergesort")
    for review_id, group in ordered.groupby("review_id", sort=False):
        texts = [normalise(str(t)) for t in group["text"]]
        ignore_case = case == "insensitive" or (case == "auto" and _is_lower_cased(texts))
        usable = [f for f in forms if not (ignore_case and f.rule == "first_name")]
        by_text = {(f.text.lower() if ignore_case else f.text): f for f in usable}
        names = _name_regex(usable, ignore_case)
        # One matcher per case mode for the whole corpus: it remembers the words it has seen.
        if ignore_case not in fuzzy_matchers:
            fuzzy_matchers[ignore_case] = FuzzyNames(usable, ignore_case=ignore_case)
        fuzzy = fuzzy_matchers[ignore_case]
        pronouns = _pronoun_regex(rules["pronouns"], film.title, ignore_case)
        previous_named: set[str] = set()
        previous_index = None
        for sentence_index, text in zip(group["sentence_index"], texts):
            found, character_in_plot = _person_mentions(
                text, names, by_text, ignore_case, context, rules["performance_window"]
            )
            found = _with_misspelt_names(found, fuzzy.find(text))
            named = {m["target"] for m in found}
            adjacent = previous_index is not None and sentence_index == previous_index + 1
            if adjacent and not character_in_plot:
                # A character named in plot summary is what a pronoun there refers to.
                found += _pronoun_mention(
                    text, pronouns, rules, persons, named, previous_named, film.title
                )
            credited_actor = any("actor" in persons[m["target"]].roles for m in found)
            taken = [(m["start"], m["end"]) for m in found if m["rule"] != "pronoun_backref"]
            found += _aspect_mentions(text, cue_regexes, any_aspect, taken, skip_general=credited_actor)
            for mention in sorted(found, key=lambda m: (m["start"], m["target"])):
                rows.append({"review_id": review_id, "sentence_index": int(sentence_index), "sentence": text, **mention})
            previous_named, previous_index = named, sentence_index
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _words_before(text: str, position: int) -> int:
    return sum(1 for word in WORD.finditer(text) if word.end() <= position)


def _near_performance_word(text: str, start: int, end: int, context: re.Pattern, window: int) -> bool:
    """True when a performance word stands within `window` words of the span ``start:end``."""
    before = [w for w in WORD.finditer(text) if w.end() <= start][-window:]
    after = [w for w in WORD.finditer(text) if w.start() >= end][:window]
    low = before[0].start() if before else start
    high = after[-1].end() if after else end
    return any(low <= cue.start() and cue.end() <= high for cue in context.finditer(text))


def _person_mentions(text, names, by_text, ignore_case, context, window) -> tuple[list[dict], bool]:
    """Name mentions in `text`, and whether a character was named outside a performance context."""
    if names is None:
        return [], False
    found = []
    character_in_plot = False
    for match in names.finditer(text):
        spelled = " ".join(match.group("name").split())
        form = by_text[spelled.lower() if ignore_case else spelled]
        if form.is_character:
            if not _near_performance_word(text, match.start(), match.end(), context, window):
                character_in_plot = True
                continue
            rule = "character_in_performance_context"
        else:
            rule = "possessive" if match.group("possessive") else form.rule
        found.append({"target": form.person, "target_kind": "person", "matched_text": match.group(0),
                      "rule": rule, "start": match.start(), "end": match.end()})
    # A character credit never repeats an actor the sentence names anyway.
    named = {m["target"] for m in found if m["rule"] != "character_in_performance_context"}
    kept = [m for m in found if m["rule"] != "character_in_performance_context" or m["target"] not in named]
    return kept, character_in_plot


def _with_misspelt_names(found: list[dict], misspelt: list) -> list[dict]:
    """`found` plus each misspelt name that is longer than every exact match it overlaps
    ("Scarlett Johansen" is the full name, not the first name "Scarlett")."""
    for form, start, end, spelled in misspelt:
        overlapped = [m for m in found if m["start"] < end and start < m["end"]]
        if any(m["end"] - m["start"] >= end - start for m in overlapped):
            continue
        found = [m for m in found if m not in overlapped]
        found.append({"target": form.person, "target_kind": "person", "matched_text": spelled,
                      "rule": f"fuzzy_{form.rule}", "start": start, "end": end})
    return found


def _pronoun_regex(pronouns: Mapping, title: str | None, ignore_case: bool) -> re.Pattern:
    words = [w for forms in pronouns.values() for w in forms]
    if ignore_case and title:
        words = [w for w in words if w != title.lower()]
    return re.compile(BOUNDARY_BEFORE + f"(?:{phrase_alternation(words)})" + _BOUNDARY_AFTER, re.IGNORECASE)


def _pronoun_mention(text, regex, rules, persons, named_here, named_before, title) -> list[dict]:
    if not named_before:
        return []
    for match in regex.finditer(text):
        if _words_before(text, match.start()) >= rules["pronoun_within_words"]:
            break
        word = match.group(0)
        if title and word[:1].isupper() and word.lower() == title.lower():
            continue  # a capitalised "Her" is the film's title
        gender = next(g for g, forms in rules["pronouns"].items() if word.lower() in forms)

        def fits(name: str) -> bool:
            return persons[name].pronouns in (None, gender)

        if any(fits(name) for name in named_here):
            return []  # the sentence names someone the pronoun can refer to
        candidates = sorted(name for name in named_before if fits(name))
        if len(candidates) == 1:
            return [{"target": candidates[0], "target_kind": "person", "matched_text": word,
                     "rule": "pronoun_backref", "start": match.start(), "end": match.end()}]
    return []


def _any_aspect_regex(aspects: Mapping[str, Aspect]) -> re.Pattern | None:
    """One alternation of every aspect's cues, lower-cased: most sentences name no craft, and one
    case-sensitive search of the lower-cased sentence (faster than ignoring case) tells."""
    every_cue = tuple(sorted({cue.lower() for aspect in aspects.values() for cue in aspect.cues}))
    return _cue_regex(every_cue, ignore_case=False) if every_cue else None


def _aspect_mentions(
    text, cue_regexes: list[tuple[Aspect, re.Pattern]], any_aspect, taken, *, skip_general: bool
) -> list[dict]:
    if any_aspect is None or not any_aspect.search(text.lower()):
        return []
    # "An animated feature" says nothing of the animation, "a plot to erase the data" of the script.
    other_senses = _cue_regex(tuple(mention_rules()["aspect_other_senses"]))
    taken = taken + genre_spans(text) + [match.span() for match in other_senses.finditer(text)]
    found = []
    for aspect, cues in cue_regexes:
        if skip_general and aspect.general_only:
            continue
        for match in cues.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue  # a cue inside a name or a genre phrase
            found.append({"target": aspect.name, "target_kind": "aspect", "matched_text": match.group(0),
                          "rule": "cue_word", "start": match.start(), "end": match.end()})
    # A cue inside a longer cue of another aspect is part of that one ("sound effects" is sound).
    return [
        m for m in found
        if not any(o["start"] <= m["start"] and m["end"] <= o["end"] and o["end"] - o["start"] > m["end"] - m["start"]
                   for o in found)
    ]
