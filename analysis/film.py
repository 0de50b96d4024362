"""The film a corpus reviews: its credits, and the praise targets they give, parsed once.

The manifest's ``film:`` mapping gives the title, year and credits (cast as actor -> character,
director, writer, composer, cinematographer, ``crew``, ``other_people``); its ``people:``
mapping adds pronouns, aliases and ``short_names: false`` per name; its ``aspects:`` mapping
extends or overrides the craft aspects of ``data/aspects.yaml``. :func:`film_from_manifest`
checks all of it and returns one :class:`Film` that carries its :class:`Person` and
:class:`Aspect` targets, so every analysis reads the same parsed credits. A folder without a
manifest studies a :class:`Film` with no credits and the package's aspects. Where a text names
the film, :func:`without_title` blanks the title, whose words judge nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.resources import read_yaml
from analysis.tables import Expected

_TEXT_FIELDS = ("title", "director", "writer", "composer", "cinematographer")
_CREDITED_ROLES = ("director", "writer", "composer", "cinematographer")
PRONOUNS = ("he", "she", "they")


@dataclass(frozen=True)
class CastMember:
    actor: str
    character: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Aspect:
    """A craft aspect: its name, cue words and whether it counts only unattributed sentences."""

    name: str
    cues: tuple[str, ...]
    general_only: bool = False


@dataclass(frozen=True)
class Person:
    """A credited person: name, roles, the characters they play, pronoun gender, short names.

    ``character_aliases`` maps each character to the short names the manifest gives it.
    """

    name: str
    roles: tuple[str, ...]
    characters: tuple[str, ...] = ()
    pronouns: str | None = None
    aliases: tuple[str, ...] = ()
    short_names: bool = True
    character_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def aspect_lexicon(manifest: Mapping | None = None) -> dict[str, Aspect]:
    """The craft aspects and their cues: ``data/aspects.yaml`` with the manifest's ``aspects:``.

    A manifest entry that is a list of words adds those cues to the aspect (creating it if new);
    an entry ``{cues: [...], replace: true}`` replaces the aspect's cues.

    Raises
    ------
    ValueError
        A manifest aspect that is neither a list of words nor a mapping with a ``cues`` list.
    """
    lexicon = {
        name: Aspect(name, tuple(str(c) for c in entry["cues"]), bool(entry.get("general_only", False)))
        for name, entry in read_yaml("aspects.yaml").items()
    }
    extensions = (manifest or {}).get("aspects") or {}
    if not isinstance(extensions, Mapping):
        raise ValueError(f"manifest 'aspects' must map aspect names to cue lists, got {extensions!r}")
    for name, entry in extensions.items():
        name = str(name)
        replace = False
        if isinstance(entry, Mapping) and isinstance(entry.get("cues"), list):
            cues, replace = entry["cues"], bool(entry.get("replace", False))
        elif isinstance(entry, list):
            cues = entry
        else:
            raise ValueError(
                f"manifest aspect {name!r} must be a list of cue words or a mapping with a 'cues' "
                f"list (and optional 'replace: true'), got {entry!r}"
            )
        old = lexicon.get(name, Aspect(name, ()))
        merged = tuple(str(c) for c in cues) if replace else old.cues + tuple(
            str(c) for c in cues if str(c) not in old.cues
        )
        lexicon[name] = Aspect(name, merged, old.general_only)
    return lexicon


@dataclass(frozen=True)
class Film:
    """The film's facts and praise targets; everything empty for a plain folder.

    ``people`` are the credited people in credit order with roles merged ("Spike Jonze":
    director, writer); ``aspects`` the craft aspects by name. Build one with
    :func:`film_from_manifest`.
    """

    title: str | None = None
    year: int | None = None
    director: str | None = None
    writer: str | None = None
    composer: str | None = None
    cinematographer: str | None = None
    cast: tuple[CastMember, ...] = ()
    crew: Mapping[str, str] = field(default_factory=dict)
    other_people: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    aspects: Mapping[str, Aspect] = field(default_factory=aspect_lexicon)


# What a function given a film expects (see analysis.tables.checks).
FILM = Expected(Film, "a Film (from film_from_manifest)")


def film_label(film: Film) -> str:
    """The film as a heading names it: "Her (2013), directed by Spike Jonze"; "an unnamed film"
    for a corpus without a manifest.

    >>> film_label(Film(title="Her", year=2013, director="Spike Jonze")), film_label(Film())
    ('Her (2013), directed by Spike Jonze', 'an unnamed film')
    """
    label = film.title or "an unnamed film"
    if film.year is not None:
        label += f" ({film.year})"
    if film.director:
        label += f", directed by {film.director}"
    return label


def film_from_manifest(manifest: Mapping | None) -> Film:
    """The :class:`Film` a manifest describes (``film:``, ``people:`` and ``aspects:``).

    Raises
    ------
    ValueError
        Any of the three is malformed; the message says which key and what was wrong.
    """
    manifest = manifest or {}
    raw = manifest.get("film") or {}
    if not isinstance(raw, dict):
        raise ValueError(f"'film' must be a mapping, got {type(raw).__name__}")
    for key in ("cast", "other_people"):
        if not isinstance(raw.get(key) or [], list):
            raise ValueError(f"'film.{key}' must be a list, got {raw[key]!r}")
    cast = []
    for member in raw.get("cast") or []:
        if not isinstance(member, dict) or not member.get("actor"):
            raise ValueError(f"every cast entry needs an 'actor', got {member!r}")
        for key in ("actor", "character", "note"):
            if member.get(key) is not None and not isinstance(member[key], (str, int, float)):
                raise ValueError(f"cast entry {member['actor']!r}: '{key}' must be one name, got {member[key]!r}")
        character = member.get("character")
        cast.append(CastMember(str(member["actor"]), None if character is None else str(character), member.get("note")))
    crew = raw.get("crew") or {}
    if not isinstance(crew, dict):
        raise ValueError(f"'film.crew' must map roles to names, got {crew!r}")
    for role, name in crew.items():
        if not credited_names(name if isinstance(name, (str, list)) else None) or (
            isinstance(name, list) and not all(isinstance(item, str) for item in name)
        ):
            raise ValueError(f"'film.crew' role {role!r} needs a name or a list of names, got {name!r}")
    year = raw.get("year")
    if year is not None and not (
        (isinstance(year, int) and not isinstance(year, bool)) or re.fullmatch(r"[0-9]{4}", str(year))
    ):
        raise ValueError(f"'film.year' must be a year such as 2013, got {year!r}")
    for name in _TEXT_FIELDS:
        if isinstance(raw.get(name), list) and not all(isinstance(item, (str, int, float)) for item in raw[name]):
            raise ValueError(f"'film.{name}' must be a name or a list of names, got {raw[name]!r}")
    credits = Film(
        **{name: _credit_text(raw.get(name)) for name in _TEXT_FIELDS},
        year=int(year) if year is not None else None,
        cast=tuple(cast),
        crew={str(role): _credit_text(name) for role, name in crew.items()},
        other_people=tuple(str(person) for person in raw.get("other_people") or []),
        aspects=aspect_lexicon(manifest),
    )
    return Film(**{**vars(credits), "people": _people(credits, manifest.get("people") or {})})


def _credit_text(credit: object) -> str | None:
    """A credit as one text: a list of names becomes "A, B"; None stays None."""
    if credit is None:
        return None
    if isinstance(credit, list):
        return ", ".join(str(name).strip() for name in credit)
    return str(credit)


# "A, B", "A; B", "A and B", "A & B": several people. "and" only between words, so a name
# that holds the letters ("Alexandra") is one person.
_CREDIT_SEPARATOR = re.compile(r"\s*[,;&]\s*(?:and\s+)?|\s+and\s+")


def credited_names(credit: str | list | None) -> list[str]:
    """The people one credit names: "A, B", "A; B", "A and B", "A & B" and a list are several.

    >>> credited_names("Spike Jonze"), credited_names("Joel Coen, Ethan Coen"), credited_names(None)
    (['Spike Jonze'], ['Joel Coen', 'Ethan Coen'], [])
    >>> credited_names("Bob Peterson and Pete Docter"), credited_names(["A B", "C D & E F"])
    (['Bob Peterson', 'Pete Docter'], ['A B', 'C D', 'E F'])
    """
    if isinstance(credit, list):
        return [name for item in credit for name in credited_names(str(item))]
    return [name.strip() for name in _CREDIT_SEPARATOR.split(credit or "") if name.strip()]


def _people(film: Film, settings: object) -> tuple[Person, ...]:
    """The film's people in credit order, with the manifest's ``people:`` settings applied."""
    roles: dict[str, list[str]] = {}
    characters: dict[str, list[str]] = {}

    def add(name: str | None, role: str, character: str | None = None) -> None:
        if not name:
            return
        roles.setdefault(name, [])
        characters.setdefault(name, [])
        if role not in roles[name]:
            roles[name].append(role)
        if character and character not in characters[name]:
            characters[name].append(character)

    for member in film.cast:
        add(member.actor, "actor", member.character)
    for role in _CREDITED_ROLES:
        for name in credited_names(getattr(film, role)):
            add(name, role)
    for role, names in film.crew.items():
        for name in credited_names(names):
            add(name, role)
    for name in film.other_people:
        add(name, "other")
    if not isinstance(settings, Mapping):
        raise ValueError(f"manifest 'people' must map names to settings, got {settings!r}")

    def aliases(name: str) -> tuple[str, ...]:
        entry = settings.get(name) or {}
        if not isinstance(entry, Mapping):
            return ()
        found = entry.get("aliases") or []
        if not isinstance(found, list) or not all(isinstance(alias, str) and alias.strip() for alias in found):
            raise ValueError(f"manifest people entry {name!r}: aliases must be a list of names, got {found!r}")
        return tuple(found)

    result = []
    for name in roles:
        extra = settings.get(name) or {}
        if not isinstance(extra, Mapping):
            raise ValueError(f"manifest people entry {name!r} must be a mapping, got {extra!r}")
        pronouns = extra.get("pronouns")
        if pronouns not in (None, *PRONOUNS):
            raise ValueError(f"manifest people entry {name!r}: pronouns must be he, she or they, got {pronouns!r}")
        short_names = extra.get("short_names", True)
        if not isinstance(short_names, bool):
            raise ValueError(f"manifest people entry {name!r}: short_names must be true or false, got {short_names!r}")
        result.append(
            Person(
                name=name,
                roles=tuple(roles[name]),
                characters=tuple(characters[name]),
                pronouns=pronouns,
                aliases=aliases(name),
                short_names=short_names,
                character_aliases={character: aliases(character) for character in characters[name]},
            )
        )
    return tuple(result)


@lru_cache(maxsize=64)
def _title_pattern(title: str) -> re.Pattern | None:
    """The title of two or more words as whole words, its leading article optional ("Incredibles"
    for "The Incredibles"); None for a one-word title."""
    words = title.split()
    if len(words) < 2:
        return None
    article = words[0].lower() in ("the", "a", "an")
    rest = r"\s+".join(map(re.escape, words[1:] if article else words))
    leading = rf"(?:{re.escape(words[0])}\s+)?" if article else ""
    return re.compile(rf"(?<![\w-]){leading}{rest}(?![\w-])", re.IGNORECASE)


def without_title(text: str, title: str | None) -> str:
    """`text` with the film's title blanked out, at the same length so that offsets hold.

    The words of a title judge nothing: "good will hunting overcomes the banalities of its story"
    holds no "good", and "The Amazing Spider-Man" no "amazing". Verdict signals
    (:mod:`analysis.signals`) and a mention's judgement cues (:mod:`analysis.mention_verdicts`)
    are read in this text. A one-word title ("Her", "Up") is a common word that cue phrases need
    ("at her best"), so it stays.

    >>> without_title('unusually directed by gus van sant , " good will hunting " overcomes', "Good Will Hunting")
    'unusually directed by gus van sant , "                   " overcomes'
    >>> without_title("Her is at her best here.", "Her")
    'Her is at her best here.'
    """
    pattern = _title_pattern(title) if title else None
    return pattern.sub(lambda found: " " * len(found.group(0)), text) if pattern else text
