import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import normalise
from analysis.tokenization import MAX_SENTENCE_WORDS, _OPENING_QUOTE, _WORD_PATTERN, content_terms, is_heading, split_sentences, stopwords, terms, word_tokens, written_words


def test_clitics_split_the_treebank_way():
    assert word_tokens("can't don't Jonze's they're") == ["ca", "n't", "do", "n't", "Jonze", "'s", "they", "'re"]


def test_curly_apostrophe_gives_the_same_tokens():
    assert word_tokens("Jonze\u2019s") == word_tokens("Jonze's")


def test_numbers_and_hyphenated_words_stay_whole():
    assert word_tokens("10,000 empty words, 4.5 clappers, 8/10, career-defining") == [
        "10,000", "empty", "words", ",", "4.5", "clappers", ",", "8/10", ",", "career-defining"]


def test_sentences_split_at_line_breaks_and_full_stops_but_not_abbreviations():
    text = "Her is great. Mr. Jonze made it.\n\n  \u2022 human connection\nThe Script"
    assert [s.text for s in split_sentences(text)] == [
        "Her is great.", "Mr. Jonze made it.", "human connection", "The Script"]


def test_sentence_spans_point_into_the_text():
    text = "First one. \u201cHer\u201d second."
    for sentence in split_sentences(text):
        assert len(text[sentence.start:sentence.end].strip()) == len(sentence.text)


def test_capitalised_title_is_a_content_term_and_the_pronoun_a_stopword():
    assert terms(["Her", "moved", "her"], title="Her") == [
        ("Her", "Her", True), ("moved", "moved", True), ("her", "her", False)]
    assert content_terms('"HER" broke her heart', title="Her") == ["Her", "broke", "heart"]


def test_multi_word_titles_are_one_term():
    assert content_terms("Lost in Translation is lost", title="Lost in Translation") == [
        "Lost in Translation", "lost"]


def test_stopwords_are_nltk_english_list_plus_clitics():
    assert {"the", "her", "n't", "'s", "ca"} <= stopwords()
    assert len(stopwords()) == 189
    assert "film" not in stopwords()


def test_splitting_and_tokenizing_never_import_nltk():
    # Importing NLTK costs over a second per command; nothing on the analysis path needs it.
    code = (
        "import sys; from analysis.tokenization import split_sentences, word_tokens;"
        "assert [s.text for s in split_sentences('One. Two.')] == ['One.', 'Two.'];"
        "word_tokens('One.'); print('nltk' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_headings_are_short_lines_without_closing_punctuation():
    assert [is_heading(t) for t in ["The Script", "Joaquin Phoenix's Acting", "Phoenix is great.",
                                    "A lonely man who falls in love with an operating system"]] == [True, True, False, False]


def test_double_quotes_are_spelled_the_treebank_way():
    assert word_tokens('He said "yes" ("no"), \u201cHer,\u201d') == [
        "He", "said", "``", "yes", "''", "(", "``", "no", "''", ")", ",", "``", "Her", ",", "''"]


@pytest.mark.parametrize("title", ["Her", "Up", "12 Years a Slave", None])
def test_token_columns_agree_with_terms(title):
    from analysis.tokenization import token_columns

    sentences = [("r", 0, "Up is a film. I looked up."), ("r", 1, "Her moved her."), ("r", 2, "12 Years  a Slave is great")]
    columns = token_columns([(*row, word_tokens(row[2])) for row in sentences], title=title)
    expected = [triple for _, _, text in sentences for triple in terms(word_tokens(text), title=title)]
    assert list(zip(columns["token"], columns["term"], columns["is_content"])) == expected
    assert list(columns["token_index"]) == [i for _, _, text in sentences for i in range(len(terms(word_tokens(text), title=title)))]


@pytest.mark.parametrize("title", ["Her", "Up", "12 Years a Slave", None])
def test_word_counts_count_what_the_token_columns_flag(title):
    from analysis.tokenization import token_columns, word_counts

    texts = ["Up is a film. I looked up.", "Her moved her, 2 times!", "12 Years  a Slave is great", "-- ... 8/10", ""]
    for _ in range(2):  # the second time every token's kind is remembered
        for text in texts:
            columns = token_columns([("r", 0, text, word_tokens(text))], title=title)
            expected = (int(columns["is_word"].sum()), int(columns["is_content"].sum()))
            assert word_counts(text, word_tokens(text), title=title) == expected, text


def test_token_columns_of_no_sentences_are_empty():
    from analysis.tokenization import token_columns

    columns = token_columns([], title="Her")
    assert {name: len(values) for name, values in columns.items()} == dict.fromkeys(columns, 0)


def test_a_double_quote_opens_at_the_start_and_after_whitespace_or_an_opening_bracket():
    # As Treebank spells them, except that a line break opens a quote as a space does.
    assert word_tokens('"A" ("b") x"y" ["z"] <"w"> {"v"}\n"u"') == [
        "``", "A", "''", "(", "``", "b", "''", ")", "x", "''", "y", "''", "[", "``", "z", "''", "]",
        "<", "``", "w", "''", ">", "{", "``", "v", "''", "}", "``", "u", "''",
    ]


# Text with the characters the token rules turn on made likely: clitics, quotes, hyphens,
# separators in numbers, every kind of whitespace (Unicode's too), and any other character.
TOKENIZER_TEXT = st.lists(
    st.one_of(
        st.characters(),
        st.sampled_from(list("nN'tsdmlrev \t\n\r\x0b\x0c\x1c\x1f\u00a0\u2028\u3000-/.,:\"`()[]{}<") + list("0123456789")),
        st.sampled_from(["can", "not", "gon", "na", "n't", "'s", "'re", "don't", "O'Brien", "10,000", "--"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(TOKENIZER_TEXT)
def test_tokens_are_the_token_pattern_run_over_the_whole_text(text):
    normalised = normalise(text)
    if '"' in normalised:
        normalised = _OPENING_QUOTE.sub("``", normalised).replace('"', "''")
    assert word_tokens(text) == _WORD_PATTERN.findall(normalised)


def test_tokens_of_whitespace_separated_chunks_match_the_whole_text_pattern_on_real_lines():
    lines = [
        "Jonze's film isn't slow:\u00a010,000 words,\t4.5 clappers!",
        "I cannot -- gonna cry ... \"Her\" (2013) is o'donnell's writer/director's best; don't.",
        "'tis the season' she said''n' wasn't\u2028it",
        "no-spaces:" + "don't,4.5/10--gonna(" * 12 + " then a space",  # a chunk too long to remember
    ]
    for line in lines:
        normalised = _OPENING_QUOTE.sub("``", normalise(line)).replace('"', "''")
        assert word_tokens(line) == _WORD_PATTERN.findall(normalised)


def test_zero_width_spaces_and_byte_order_marks_are_spaces():
    text = "\ufeffA fine film.\n\u200b\u200b\nThe end\u200bis weak."
    assert [s.text for s in split_sentences(text)] == ["A fine film.", "The end is weak."]
    assert word_tokens("end\u200bis") == ["end", "is"]


def test_a_clitic_in_any_letter_case_joins_its_word():
    tokens = word_tokens("I CAN'T SAY JONZE'S FILM IS N'T MOVING")
    assert written_words(tokens) == ["I", "CAN'T", "SAY", "JONZE'S", "FILM", "ISN'T", "MOVING"]
    assert written_words(["'S", "alone"]) == ["'S", "alone"]  # nothing to join to


def test_a_run_on_sentence_is_cut_after_every_max_sentence_words_words():
    text = "Intro. " + " ".join(f"w{i}" for i in range(2 * MAX_SENTENCE_WORDS + 100)) + "  end. Next one."
    sentences = split_sentences(text)
    assert [len(s.text.split()) for s in sentences] == [1, MAX_SENTENCE_WORDS, MAX_SENTENCE_WORDS, 101, 2]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    # A sentence of exactly that many words is one sentence.
    exact = " ".join(["word"] * MAX_SENTENCE_WORDS) + "."
    assert [s.text for s in split_sentences(exact)] == [exact]


# A paragraph as a critic wrote it, for copies that wrap it at a fixed width.
_PARAGRAPH = (
    "The first thing we see the Shibata family do is steal. Osamu (Lily Franky), a day labourer "
    "with a bad ankle and a grin that could talk its way out of anything, works a Tokyo supermarket "
    "with the boy he calls his son, the two of them trading little hand signals across the aisles. "
    "Shota fills his rucksack with instant noodles while Osamu blocks the sightline of the shop "
    "assistant. It is done so neatly, and with such evident affection between man and boy, that you "
    "catch yourself rooting for them before you have had time to think about it. Dr. Kore-eda's "
    "trap is the whole film in miniature."
)


@pytest.mark.parametrize("width", [44, 60, 72, 80, 100])
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_a_hard_wrapped_paragraph_splits_into_the_sentences_of_the_unwrapped_one(width, line_end):
    wrapped = line_end.join(textwrap.wrap(_PARAGRAPH, width, break_on_hyphens=False)) + line_end
    assert len(wrapped.splitlines()) >= 6
    sentences = split_sentences(wrapped)
    # A line end is read as spaces, as many as its characters: "\r\n" keeps a sentence's length.
    assert [" ".join(s.text.split()) for s in sentences] == [s.text for s in split_sentences(_PARAGRAPH)]
    for sentence in sentences:
        assert len(wrapped[sentence.start : sentence.end]) == len(sentence.text)
        assert wrapped[sentence.start : sentence.end].split() == sentence.text.split()


def test_wrapped_paragraphs_stay_apart_and_their_last_lines_end_them():
    first, second = _PARAGRAPH[:240], "Second paragraph:" + _PARAGRAPH[240:]
    text = "\n".join(textwrap.wrap(first, 70)) + "\n\n" + "\n".join(textwrap.wrap(second, 70)) + "\n"
    texts = [s.text for s in split_sentences(text)]
    expected = [s.text for s in split_sentences(first)] + [s.text for s in split_sentences(second)]
    assert expected[1].endswith("the two of them trading")  # the first paragraph ends mid-sentence
    assert texts == expected


@pytest.mark.parametrize("text", [
    # A sentence a line, lines of one width: every line ends a sentence.
    "".join(f"this is sentence number {i} of a review written one sentence a line .\n" for i in range(12)),
    # Lines without sentence ends, but short ones: a list, a poem, credits.
    "".join(f"Director of photography {i}\n" for i in range(12)),
    # Long lines without sentence ends, but fewer than half of the lines that have a line after them.
    "".join(
        f"a long line of a review that ends with its sentence number {i} and a full stop.\n"
        + ("a long line of a review that runs on without a full stop at its end here\n" if i % 3 == 0 else "")
        for i in range(12)
    ),
    # Wide run-on lines, but each followed by a bullet item.
    "".join(f"* a bulleted item of a list that runs over one line and has no stop {i}\n" for i in range(12)),
])
def test_lines_that_are_not_hard_wrapped_stay_sentence_breaks(text):
    lines = text.splitlines()
    assert [s.text for s in split_sentences(text)] == [
        s.text for line in lines for s in split_sentences(line)
    ]
