"""Flesch Reading Ease from counts, syllables from pyphen."""

import math

import pytest

from analysis.readability import flesch_reading_ease, syllable_count, syllables_per_token


def test_flesch_formula():
    # 206.835 - 1.015 * 100/5 - 84.6 * 150/100 = 206.835 - 20.3 - 126.9
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(59.635)
    assert math.isnan(flesch_reading_ease(0, 0, 0))


def test_syllables_from_hyphenation_points():
    assert [syllable_count(w) for w in ["film", "lonely", "operating", "computer"]] == [1, 2, 4, 3]
    assert syllable_count("10,000") == 0
    assert syllables_per_token(["Her", "is", "lonely", "Her", "10,000"]).tolist() == [1, 1, 2, 1, 0]
