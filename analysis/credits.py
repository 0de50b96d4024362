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
"""

from __future__ import annotations

import re

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
