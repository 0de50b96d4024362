"""Where the review starts on a page, and the lines at its edges that are not its text.

:mod:`analysis.segmentation` labels a page line by line; these rules read a line with the lines
around it: the first paragraph (:func:`first_paragraph`), a blog's masthead above its menu, a
byline and the critic's title under it, a site's menu, a credits block, and the critic's bio
after the review, named by the header's byline.
"""

from __future__ import annotations

import re

from analysis.line_shapes import has_sentence_end, is_date_line, is_furniture, is_prose, match, word_count

# The first paragraph of the review is a sentence of at least this many words; shorter
# sentences above it are a standfirst or a headline.
PARAGRAPH_MIN_WORDS = 15
# A review without any sentence end starts at the first line of at least this many words.
UNPUNCTUATED_REVIEW_MIN_WORDS = 8
# A run of at least this many short lines, with no blank line between, above the review is a
# site's menu ("Games / Movies / TV / Video / Wikis"); a header's lines are fewer, or apart.
MENU_MIN_LINES = 5
MENU_ITEM_MAX_WORDS = 3
# A film card's label on a line of its own: "Director", "Directed by", "Release date".
CARD_LABEL_MAX_WORDS = 2
# Cue families of a post's header: "« on: …»", "#1", "By …", "Starring: …".
HEADER_FAMILIES = ("post_marker", "reply_title", "byline", "header_label", "film_heading")
# A person's name as a header prints it alone: two or three capitalised words, no article first.
_PERSON_NAME = re.compile(r"(?!(?:The|A|An|Our|My|Your)\b)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}")


def bio_of_critic(line: str, header: set[str]) -> bool:
    """A third-person bio of the critic the page's header names ("Thomas Ekberg has covered
    Cannes …" under "By Thomas Ekberg"): "Rosamund Pike is the MVP" after a post's counts is
    the review going on."""
    named = match("bio_sentence", line)
    return named is not None and any(named.group(1).casefold() in text.casefold() for text in header)


def bio_by_full_name(line: str, header: set[str]) -> bool:
    """A bio sentence that opens on the full name the header gives the critic, on a line of its
    own or in its byline ("Lydia Marchetti is a film critic …" under "Lydia Marchetti"): read as
    the bio even right after the review's last paragraph, where a name the header merely holds
    ("Michael Fassbender is a marvel" under a headline naming him) is the review going on."""
    if not line.lstrip()[:1].isupper():  # a bio opens on the name; most lines of a review do not
        return False
    named = match("bio_sentence", line)
    return named is not None and _is_critics_full_name(named.group(1), header)


def _is_critics_full_name(name: str, header: set[str]) -> bool:
    """Whether `name`, of two words or more, is the critic's as the header gives it: a line of
    its own ("Lydia Marchetti") or the end of a byline ("By Lydia Marchetti")."""
    spaced = " ".join(name.split())
    full_name = spaced.casefold()
    alone = _PERSON_NAME.fullmatch(spaced) is not None  # not a masthead's "The Second Screening"
    return len(full_name.split()) >= 2 and any(
        (alone and text.strip().casefold() == full_name)
        or (text.strip().casefold().endswith(full_name) and match("byline", text))
        for text in header
    )


def film_card_label(lines: list[str], index: int) -> bool:
    """A credit's label on a line of its own with its value right under it ("Director" over
    "David Fincher"): the start of a film's credits card, which a critic's site may print after
    the review."""
    if word_count(lines[index]) > CARD_LABEL_MAX_WORDS:  # most lines: cached, before any copy
        return False
    label = lines[index].strip().rstrip(":")
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        ":" not in label  # "Cinematography: 8/10" is a sub-score, no label alone
        and _credit_label(label)
        and bool(following.strip())
        and not is_prose(following)
    )


def under_byline(lines: list[str], index: int) -> bool:
    """A short line right under a byline, no blank line between: the critic's title ("Senior
    Culture Editor" under "Movie review by Alison Petrakis"), not the review going on."""
    above = lines[index - 1]
    return bool(above.strip()) and match("byline", above) is not None and not is_prose(lines[index])


def critic_by_name(line: str, header: set[str]) -> bool:
    """A line that is only the name of the critic the header's byline names ("Callum Reyes" under
    "By Callum Reyes"): after the review, the heading of their bio card."""
    name = line.strip().casefold()
    return len(name.split()) >= 2 and any(
        text.casefold().endswith(name) and match("byline", text) for text in header
    )


def in_credits_block(lines: list[str], index: int) -> bool:
    """A labelled credit ("Director: …", "Duración: 137 minutos.") next to another, with no blank
    line between: a film's credits box, which a newspaper may print under the review. A lone
    "Plot: …" in the review stays the critic's."""
    if ":" not in lines[index]:  # every label ends in one; most body lines have none
        return False
    neighbours = (lines[index - 1] if index > 0 else "", lines[index + 1] if index + 1 < len(lines) else "")
    return bool(match("header_label", lines[index])) and any(match("header_label", line) for line in neighbours)


def first_paragraph(lines: list[str], texts: list[int]) -> int:
    """Where the review proper starts: the first sentence of at least 15 words (not a labelled
    credit or a credits line, nor site furniture such as a cookie notice), else the first
    sentence, else (a review typed without punctuation) the first line long enough not to be a
    title; ``len(lines)`` when there is none."""
    paragraphs = (
        i
        for i in texts
        if word_count(lines[i]) >= PARAGRAPH_MIN_WORDS
        and has_sentence_end(lines[i])
        and not match("header_label", lines[i])
        and not match("film_heading", lines[i])
        and not is_furniture(lines[i])
    )
    prose = (i for i in texts if is_prose(lines[i]))
    unpunctuated = (
        i
        for i in texts
        if word_count(lines[i]) >= UNPUNCTUATED_REVIEW_MIN_WORDS
        and not is_furniture(lines[i])
        and not any(match(family, lines[i]) for family in HEADER_FAMILIES)
    )
    for candidates in (paragraphs, prose, unpunctuated):
        found = next(candidates, None)
        if found is not None:
            return found
    return len(lines)


def masthead_to_header(lines: list[str], labels: list[str], texts: list[int], furniture: int) -> int:
    """Relabel as header the short lines read as body under a header line and above the site
    furniture at `furniture`, above the first paragraph, and return how many: a blog's tagline
    under its name ("films, mostly. sometimes soup.") sits above the site's menu, where a
    standfirst, a sentence of its own or a line as long as a paragraph, sits under the headline."""
    above = [i for i in texts if i < furniture and labels[i] == "body"]
    if not above or any(is_prose(lines[i]) or word_count(lines[i]) >= PARAGRAPH_MIN_WORDS for i in above):
        return 0
    if not any(labels[i] == "header" for i in texts if i < above[0]):  # no site name over it
        return 0
    for i in above:
        labels[i] = "header"
    return len(above)


def menus_to_boilerplate(lines: list[str], labels: list[str], texts: list[int], first: int) -> None:
    """Relabel as boilerplate the menus above the first paragraph at `first`: runs of at least
    :data:`MENU_MIN_LINES` header lines of at most :data:`MENU_ITEM_MAX_WORDS` words, with no
    blank line between, none a sentence, a byline or a date ("Explore / Main Page / Discuss /
    All Pages / …"); a headline stands apart or runs longer. A film's card, its credits' labels
    over their values ("Director / Alex Garland / Runtime / 115 minutes"), is no menu."""
    runs: list[list[int]] = [[]]
    for index in texts:
        if index >= first:
            break
        if not _menu_item(lines[index], labels[index]):
            runs.append([])
            continue
        if runs[-1] and index != runs[-1][-1] + 1:
            runs.append([])
        runs[-1].append(index)
    for run in runs:
        if len(run) >= MENU_MIN_LINES and not any(_credit_label(lines[index]) for index in run):
            for index in run:
                labels[index] = "boilerplate"


def _menu_item(line: str, label: str) -> bool:
    return (
        label == "header"
        and word_count(line) <= MENU_ITEM_MAX_WORDS
        and not has_sentence_end(line)
        and not is_date_line(line)
        and not any(match(family, line) for family in HEADER_FAMILIES)
    )


def _credit_label(line: str) -> bool:
    """A credit's label on a line of its own ("Director", "Runtime:")."""
    return match("header_label", line.strip().rstrip(":") + ":") is not None
