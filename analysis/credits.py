"""Credits: where a sentence names a person as a cast list would, and judges no one.

A credit is no verdict, whatever the sentence says of someone else: "Phoenix is stunning as a man
whose wife (Rooney Mara) has left him" judges Phoenix, not Mara. The praise-target analysis
(:func:`analysis.praise.mention_scopes`) judges a mention inside a credit on the credit alone, as
neutral. Three conventions, with the words of ``data/mention-rules.yaml``:

* a bracket holding a name and, beside the names and their possessives, only performance and
  credit words: "Theodore (Joaquin Phoenix)", "(voiced by Scarlett Johansson)";
* a name right after a credit phrase, a colon allowed between: "a law officer played by David
  Warner", "starring: Bruce Willis";
* the names of a list that continues such a credit, each perhaps with its character in
  brackets: "starring the voices of tony goldwyn ( tarzan ) , minnie driver ( jane porter ) and
  brian blessed ( clayton )". A word other than a comma or "and" ends the list.

Two more ways of naming a person without judging them (:func:`analysis.mention_verdicts.mention_verdict`
reads them):

* an *attribution* (:func:`is_attribution`): the possessive before the film's title or "film"
  credits the film to the person ("an emotional performance in Spike Jonze's 'Her'");
* a person *named beside another's judgement* (:func:`named_beside`): the object of "to", "with"
  or "opposite" after the judgement of the person the sentence is about ("Stuart does a
  phenomenal job ..., narrating to a stunned Paxton": the guideline's rule 1).
"""

from __future__ import annotations

import re

from analysis.signals import judgement_cues
from analysis.tables import checks
from analysis.targets import BOUNDARY_BEFORE, WORD, mention_rules, phrase_alternation

# What may stand between two names of a cast list: the first one's character in brackets, then a
# comma, "and" or both.
_LIST_GAP = re.compile(r"\s*(?:[(\[][^()\[\]]*[)\]]\s*)?(?:,\s*(?:and\s+)?|(?:and|&)\s+)")


@checks(sentence=str)
def credits(sentence: str, name_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where `sentence` only credits the names at `name_spans`, as a cast list would.

    Returns
    -------
    list of (start, end)
        The span of each credit (see the module docstring): a bracket's text inside its brackets,
        spaces stripped; a credit phrase with its name; or a later name of the phrase's list; in
        order.

    >>> sentence = "Theodore (Joaquin Phoenix) meets Samantha, voiced by Scarlett Johansson."
    >>> [sentence[a:b] for a, b in credits(sentence, [(10, 25), (53, 71)])]
    ['Joaquin Phoenix', 'voiced by Scarlett Johansson']
    """
    rules = mention_rules()
    allowed = {str(word) for word in (*rules["performance_context"], *rules["credit_words"])}
    found = []
    for bracket in re.finditer(r"[(\[]\s*([^()\[\]]*?)\s*[)\]]", sentence):
        start, end = bracket.span(1)
        names = [(a, b) for a, b in name_spans if start <= a and b <= end]
        if not names:
            continue
        rest = list(sentence[start:end])
        for a, b in names:
            possessive = re.match(r"\s?['\u2019]s?(?![\w])", sentence[b:end])
            for position in range(a, b + (possessive.end() if possessive else 0)):
                rest[position - start] = " "
        if all(word.lower() in allowed for word in WORD.findall("".join(rest))):
            found.append((start, end))
    phrase = re.compile(rf"{BOUNDARY_BEFORE}(?:{phrase_alternation(rules['credit_phrases'])})\s*:?\s+$", re.IGNORECASE)
    brackets = list(found)
    list_end = None  # where the last name of a credit phrase's list ends
    for a, b in sorted(name_spans):
        if any(start <= a < end for start, end in brackets):
            continue  # a character's name in brackets: the list goes on after it
        before = phrase.search(sentence[:a])
        in_list = list_end is not None and _LIST_GAP.fullmatch(sentence[list_end:a]) is not None
        list_end = b if before or in_list else None
        if before:
            found.append((before.start(), b))
        elif in_list:
            found.append((a, b))
    return sorted(found)


# A possessive that credits the film to a person: "Spike Jonze's 'Her'", "Jonze's film", "Cameron's
# latest movie". The possessive may be part of the matched name or follow it.
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
_ATTRIBUTED_FILM = re.compile(
    r"""\s*(?:['"\u2018\u201c]|(?:(?:latest|new|newest|last|first|next)\s+)?(?:film|movie|picture|feature)s?\b)""",
    re.IGNORECASE,
)


@checks(sentence=str)
def is_attribution(sentence: str, start: int, matched_text: str) -> bool:
    """True when the name `matched_text` at `start` is a possessive that credits the film.

    >>> sentence = "An emotional performance in Spike Jonze's 'Her'."
    >>> is_attribution(sentence, 28, "Spike Jonze"), is_attribution("Jonze's direction", 0, "Jonze")
    (True, False)
    """
    end = start + len(matched_text)
    if not _POSSESSIVE_END.search(matched_text):
        possessive = re.match(r"['\u2019]s?", sentence[end:])
        if not possessive:
            return False
        end += possessive.end()
    return _ATTRIBUTED_FILM.match(sentence, end) is not None


@checks(scope=str)
def named_beside(scope: str, own: list[int], other_people: list[int]) -> bool:
    """True when the person named at `own` (starts in `scope`) is only named beside another's judgement.

    That is: another person is named first (a start in `other_people` before every one of `own`);
    each of `own` is the object of a preposition of ``beside_prepositions`` in
    ``data/mention-rules.yaml``, with at most two words between ("to a stunned Paxton"); and every
    judgement cue of `scope` stands after the other person's name and before the first such
    preposition, so none is in this person's own phrase ("opposite a luminous Adams" judges Adams).

    >>> scope = "Stuart does a phenomenal job, narrating the story to a stunned Paxton."
    >>> named_beside(scope, [63], [0]), named_beside("Stuart is great opposite a luminous Paxton.", [36], [0])
    (True, False)
    """
    if not own or not other_people or min(other_people) > min(own):
        return False
    preposition = re.compile(
        rf"{BOUNDARY_BEFORE}(?:{phrase_alternation(mention_rules()['beside_prepositions'])})\s+(?:[\w'-]+\s+){{0,2}}$",
        re.IGNORECASE,
    )
    objects = [preposition.search(scope[:start]) for start in own]
    if not all(objects):
        return False
    cues = judgement_cues(scope)
    first = min(other_people)
    before = min(match.start() for match in objects)
    return bool(cues) and all(first < cue["start"] and cue["end"] <= before for cue in cues)
