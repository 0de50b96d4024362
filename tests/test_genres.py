from analysis.genres import genre_spans, without_genre_words


def test_genre_phrases():
    text = "A disaster movie, a horror film and Disney's latest animated feature; a disaster."
    assert [text[start:end] for start, end in genre_spans(text)] == ["disaster", "horror", "animated"]
    assert without_genre_words(text) == "A movie, a film and Disney's latest feature; a disaster."


def test_no_genre_phrase_leaves_the_text_alone():
    assert without_genre_words("The animation is lush.") == "The animation is lush."
    assert genre_spans("") == []
