from analysis.text import normalise


def test_curly_and_straight_apostrophes_become_one_character():
    assert normalise("Jonze\u2019s") == normalise("Jonze's") == "Jonze's"


def test_quotes_bullets_and_no_break_spaces_are_plain():
    assert normalise("\u201cHer\u201d\u00a0\u2022 love") == '"Her" * love'


def test_length_is_preserved_so_offsets_point_into_the_raw_text():
    raw = "In Spike Jonze\u2019s transcendent film \u201cHer,\u201d \u2014 \u2026"
    assert len(normalise(raw)) == len(raw)
