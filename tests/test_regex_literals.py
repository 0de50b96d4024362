import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.line_shapes import cues, match
from analysis.regex_literals import fold, required_literals

CUES = [(family, pattern) for family, patterns in cues().items() for pattern in patterns]
# Hypothesis cannot write text for a lookaround; those cues are checked on real lines below.
GENERATED = [(family, pattern) for family, pattern in CUES if not re.search(r"\(\?<?[=!]", pattern.pattern)]
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("family", "cue"), GENERATED, ids=[f"{family}-{cue.pattern[:30]}" for family, cue in GENERATED])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_cue_contains_one_of_its_required_literals(family, cue, data):
    literals = required_literals(cue.pattern)
    if literals is None:
        return
    text = data.draw(st.from_regex(cue, fullmatch=False))
    found = cue.search(text)
    folded = fold(text)
    if found is not None and folded is not None:
        assert any(literal in folded for literal in literals), (cue.pattern, text, literals)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"affiliate links?", {"affiliate link"}),
        (r"^(leave|post) a (reply|comment)\b", {"reply", "comment"}),
        (r"(?-i:\b(Photo|CREDIT))\s*:", {"photo", "credit"}),
        (r"^[\d.,]+[km]?$", None),
        (r"^(spoilers?|)$", None),  # an empty alternative requires nothing
        (r"(?:a|b)?c", {"c"}),
        (r"(?=sign up)\w+", None),  # lookarounds add nothing
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == (None if expected is None else frozenset(expected))


def test_fold_follows_ignorecase_beyond_lower_case():
    # re.IGNORECASE matches "i" with the dotless "ı" and "s" with the long "ſ"; the fold does too.
    assert re.search("disclosure", "DıſCLOSURE", re.IGNORECASE)
    assert fold("DıſCLOSURE") == "disclosure"


def test_an_ascii_line_folds_to_its_lower_case():
    # The fast path for ASCII relies on every ASCII character being its own fold.
    from analysis.regex_literals import _SAME_UNDER_IGNORECASE

    ascii_text = "".join(map(chr, range(128)))
    assert fold(ascii_text) == ascii_text.lower() == ascii_text.lower().translate(_SAME_UNDER_IGNORECASE)


def test_screened_match_finds_the_first_cue_in_order():
    # "Photo: Annapurna" holds the literals of two notices cues; the first in the list wins.
    found = match("notices", "Photo: Annapurna Pictures")
    assert found is not None and found.re is cues()["notices"][0]


def test_screened_match_is_a_search_of_every_cue_in_order_on_real_lines():
    from analysis.line_shapes import _MAX_WORDS, CUE_MAX_WORDS

    lines = [
        line
        for folder in ("tests/data", "corpus")
        for path in sorted((ROOT / folder).rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
    ]
    lines += [line.upper() for line in lines] + ["İ" + line for line in lines[:200]]
    assert len(lines) > 4000
    for family, patterns in cues().items():
        for line in lines:
            text = line.rstrip("\r\n") if family in ("comment_item", "comment_reply") else line.strip()
            searched = len(text.split()) <= _MAX_WORDS.get(family, CUE_MAX_WORDS)
            expected = next((hit for pattern in patterns if (hit := pattern.search(text))), None) if searched else None
            found = match(family, line)
            assert (found is None) == (expected is None), (family, line)
            if found is not None:
                assert (found.re, found.span()) == (expected.re, expected.span()), (family, line)
