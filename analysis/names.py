"""The spellings that name a film's people and characters, and misspelt names.

:func:`name_forms` lists, for every credited person, the forms a review may use — full name,
surname, first name, manifest aliases, characters and their short forms — with the collisions
resolved (see :mod:`analysis.targets`, whose mention rules read them). :class:`FuzzyNames` finds
misspelt names: a form of at least six letters matches a run of words that differs from it by a
small edit distance, word by word (Levenshtein distance with :mod:`rapidfuzz`; the bounds are
data in ``data/mention-rules.yaml``), so "Scarlet Johansen" finds Scarlett Johansson; a
misspelt word that is itself a common English word (``wordfreq``) is no name ("start" is not
"Stuart").

Short forms, and what never becomes one:

* a surname is what follows the first name, less initials ("K. K. Barrett" -> "Barrett"), and
  its last word ("van Hoytema" -> "Hoytema");
* a first name is a short form for cast members only: a crew member is never called by a first
  name, so "a giant bird called Kevin" is not the editor Kevin Nolting;
* a character's short form is the first word of a two-word name once its descriptive words are
  set aside ("Theodore Twombly" -> "Theodore"; "Young Ellie" -> "Ellie", never "Young";
  ``descriptive_words`` in ``data/mention-rules.yaml``); a name of three or more words
  ("Chat Room Friend") has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.film import Person
from analysis.resources import read_yaml


@dataclass(frozen=True)
class NameForm:
    """One spelling of a person's or character's name, with the rule that made it."""

    text: str
    person: str
    rule: str
    is_character: bool


@cache
def _rules() -> dict:
    return read_yaml("mention-rules.yaml")


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) <= 1


def _is_descriptive(word: str) -> bool:
    return word.lower().rstrip(".") in set(_rules()["descriptive_words"])


def character_short_form(character: str) -> str | None:
    """The short form of a character's name, or None when it has none.

    >>> [character_short_form(c) for c in ("Theodore Twombly", "Young Ellie", "Chat Room Friend", "Samantha")]
    ['Theodore', 'Ellie', None, None]
    """
    words = character.split()
    naming = [word for word in words if not _is_descriptive(word)]
    if len(words) == 1 or not naming or len(naming) > 2:
        return None
    if len(naming) == 1:
        return naming[0]
    return naming[0] if len(words) == 2 else None


def _person_forms(person: Person) -> list[NameForm]:
    forms = [NameForm(person.name, person.name, "full_name", False)]
    forms += [NameForm(alias, person.name, "alias", False) for alias in person.aliases]
    words = person.name.split()
    if person.short_names and len(words) > 1:
        rest = words[1:]
        while len(rest) > 1 and _is_initial(rest[0]):
            rest = rest[1:]
        forms.append(NameForm(" ".join(rest), person.name, "surname", False))
        if len(rest) > 1:
            forms.append(NameForm(rest[-1], person.name, "surname", False))
        if "actor" in person.roles and not _is_initial(words[0]):
            forms.append(NameForm(words[0], person.name, "first_name", False))
    for character in person.characters:
        forms.append(NameForm(character, person.name, "character", True))
        forms += [NameForm(a, person.name, "character", True) for a in person.character_aliases.get(character, ())]
        short = character_short_form(character)
        if short:
            forms.append(NameForm(short, person.name, "character", True))
    return forms


def name_forms(persons: tuple[Person, ...]) -> list[NameForm]:
    """Every spelling that names a person or a character, collisions resolved.

    A character's short form shared by two actors' characters names neither; a person's short
    form that is a character's name, a full name, or shared by two people is dropped; one
    spelling has one form, the first in credit order.
    """
    forms = [form for person in persons for form in _person_forms(person)]
    full_names = {f.text for f in forms if f.rule == "full_name" or (f.is_character and " " in f.text)}
    character_words = {f.text for f in forms if f.is_character}
    owners: dict[str, set[str]] = {}
    for form in forms:
        owners.setdefault(form.text, set()).add(form.person)
    kept = []
    for form in forms:
        if form.rule in ("full_name", "alias"):
            kept.append(form)
        elif form.is_character:
            if len({f.person for f in forms if f.is_character and f.text == form.text}) == 1:
                kept.append(form)
        elif not (form.text in character_words or form.text in full_names or len(owners[form.text]) > 1):
            kept.append(form)
    unique: dict[str, NameForm] = {}
    for form in kept:
        unique.setdefault(form.text, form)
    return list(unique.values())


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@cache
def _is_common_word(word: str) -> bool:
    """True for a word as common as ``fuzzy_names.common_word_zipf`` in English (wordfreq)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= float(_rules()["fuzzy_names"]["common_word_zipf"])


def _letters(text: str) -> int:
    return sum(character.isalpha() for character in text)


class FuzzyNames:
    """Misspelt full names and surnames: word-by-word matching within a small edit distance.

    Parameters
    ----------
    forms : list of NameForm
        The exact forms (:func:`name_forms`); only people's full names and surnames of at least
        ``min_letters`` letters are matched fuzzily.
    ignore_case : bool
        Lower-cased text: any word may be a name; otherwise a name word must be capitalised.
    """

    def __init__(self, forms: list[NameForm], *, ignore_case: bool) -> None:
        settings = _rules()["fuzzy_names"]
        self._bounds = sorted((int(length), int(distance)) for length, distance in settings["max_distance"].items())
        self._single_word = int(settings["single_word_max_distance"])
        self._ignore_case = ignore_case
        self._exact = {(f.text.lower() if ignore_case else f.text) for f in forms}
        eligible = [
            f for f in forms
            if not f.is_character and f.rule in ("full_name", "surname") and _letters(f.text) >= settings["min_letters"]
        ]
        self._forms = eligible
        # By first letter, with the first word's length and allowed distance for a quick check.
        self._by_initial: dict[str, list[tuple[NameForm, str, int]]] = {}
        self._near: dict[str, list[NameForm]] = {}
        for form in eligible:
            first = form.text.split()[0]
            entry = (form, first, self._allowed(first, len(form.text.split())))
            self._by_initial.setdefault(first[:1].lower(), []).append(entry)

    def _allowed(self, word: str, words_in_form: int) -> int:
        allowed = max((distance for length, distance in self._bounds if _letters(word) >= length), default=0)
        return min(allowed, self._single_word) if words_in_form == 1 else allowed

    def _close(self, spelled: list[str], form: NameForm) -> bool:
        from rapidfuzz.distance import Levenshtein

        target = form.text.split()
        misspelt = []
        for written, word in zip(spelled, target):
            if self._ignore_case:
                written, word = written.lower(), word.lower()
            elif not written[:1].isupper():
                return False
            if written[:1] != word[:1]:
                return False
            allowed = self._allowed(word, len(target))
            distance = Levenshtein.distance(written, word, score_cutoff=allowed)
            if distance > allowed:
                return False
            if distance:
                misspelt.append(written)
        # Checked last, as it is the slowest: "start" is no misspelt "Stuart".
        return bool(misspelt) and not any(_is_common_word(word) for word in misspelt)

    def _forms_near(self, written: str) -> list[NameForm]:
        """The forms whose first word `written` may be a spelling of (memoised: words repeat)."""
        if written not in self._near:
            from rapidfuzz.distance import Levenshtein

            compared = written.lower() if self._ignore_case else written
            self._near[written] = [
                form for form, first, allowed in self._by_initial.get(written[:1].lower(), ())
                if abs(len(compared) - len(first)) <= allowed
                and Levenshtein.distance(compared, first.lower() if self._ignore_case else first, score_cutoff=allowed) <= allowed
            ]
        return self._near[written]

    def find(self, text: str) -> list[tuple[NameForm, int, int, str]]:
        """Misspelt names in `text`: (form, start, end, matched text), in reading order.

        A run of words that spells a form exactly is no misspelling; where two fuzzy matches
        overlap, the one of more words wins.
        """
        if not self._forms:
            return []
        words = list(_WORD.finditer(text))
        candidates = []
        for first, word in enumerate(words):
            initial = word.group(0)[:1]
            if not self._ignore_case and not initial.isupper():
                continue
            for form in self._forms_near(word.group(0).removesuffix("'s")):
                size = len(form.text.split())
                window = words[first : first + size]
                if len(window) < size or any(text[a.end() : b.start()] != " " for a, b in zip(window, window[1:])):
                    continue  # the words of a name stand side by side
                spelled = [w.group(0) for w in window]
                if spelled[-1].endswith("'s"):
                    spelled[-1] = spelled[-1][:-2]  # a possessive: the name is what precedes it
                joined = " ".join(spelled)
                if (joined.lower() if self._ignore_case else joined) in self._exact or not self._close(spelled, form):
                    continue
                end = window[-1].end()
                candidates.append((-size, first, form, window[0].start(), end))
        used: set[int] = set()
        found = []
        for negative_size, first, form, start, end in sorted(candidates, key=lambda c: (c[0], c[1], c[2].text)):
            span = set(range(first, first - negative_size))
            if span & used:
                continue
            used |= span
            found.append((form, start, end, text[start:end]))
        return sorted(found, key=lambda item: item[1])
