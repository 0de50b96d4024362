from analysis.text import _TABLE, REMEMBERED_KEY_CHARS, normalise, remembered


def test_curly_and_straight_apostrophes_become_one_character():
    assert normalise("Jonze\u2019s") == normalise("Jonze's") == "Jonze's"


def test_quotes_bullets_and_no_break_spaces_are_plain():
    assert normalise("\u201cHer\u201d\u00a0\u2022 love") == '"Her" * love'


def test_length_is_preserved_so_offsets_point_into_the_raw_text():
    raw = "In Spike Jonze\u2019s transcendent film \u201cHer,\u201d \u2014 \u2026"
    assert len(normalise(raw)) == len(raw)


def test_ascii_text_is_read_as_the_table_reads_it():
    every_ascii = "".join(map(chr, range(128)))
    assert normalise(every_ascii) == every_ascii.translate(_TABLE)
    assert normalise("a `quoted` word") == "a 'quoted' word"


def test_a_sentence_computes_each_new_word_once_and_keeps_none_too_long():
    calls = []

    def measured(word):
        calls.append(word)
        return len(word)

    memo = {}
    long_word = "w" * (REMEMBERED_KEY_CHARS + 1)
    assert remembered(measured, ["Her", "is", "Her", long_word], memo) == [3, 2, 3, REMEMBERED_KEY_CHARS + 1]
    assert calls == ["Her", "is", long_word]
    assert remembered(measured, ["is", "Her"], memo) == [2, 3]
    assert calls == ["Her", "is", long_word]
    assert long_word not in memo
