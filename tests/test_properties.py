"""Property tests: segmentation is lossless and never fails, and a manifest of any shape gives
either a corpus or one CorpusError, never another exception.

Derandomised, so a run in CI tries the same examples as a run here.
"""

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import CorpusError, load_corpus
from analysis.segmentation import segment

# Text as copied from the web: any characters, with the line breaks, bullets, digits and rating
# glyphs that the segmentation rules look at made likely.
WEB_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("\n\r\t *-•★☆½/:.!?\"'") + list(string.digits) + ["\u2028", "\ufeff", "\x00"]),
    ),
    max_size=400,
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), children, max_size=4)),
    max_leaves=20,
)
# File names with the characters that break paths made likely: NUL, separators, dots, spaces.
FILE_NAMES = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list("a.txt/\\\x00 ~"))), max_size=12)
MANIFESTS = st.one_of(
    YAML_VALUES,
    st.fixed_dictionaries(
        {
            "film": YAML_VALUES,
            "reviews": st.one_of(
                YAML_VALUES,
                st.just([{"file": "a.txt"}]),
                st.lists(st.fixed_dictionaries({"file": FILE_NAMES}, optional={"id": SCALARS}), max_size=3),
            ),
        },
        optional={"people": YAML_VALUES, "aspects": YAML_VALUES, "rating_scales": YAML_VALUES},
    ),
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(WEB_TEXT)
def test_segmentation_is_lossless_and_never_fails(text):
    segments = segment(text)
    assert "".join(s.text for s in segments) == text
    assert all(s.start < s.end for s in segments)


@settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MANIFESTS)
def test_any_manifest_gives_a_corpus_or_one_corpus_error(tmp_path, manifest):
    (tmp_path / "a.txt").write_text("A fine film. Great cast, but a dull script.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    try:
        corpus = load_corpus(tmp_path)
    except CorpusError as problem:
        assert str(problem).startswith(str(tmp_path))
    else:
        assert corpus.reviews


@settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_manifest_text_gives_a_corpus_or_one_corpus_error(tmp_path, text):
    (tmp_path / "a.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    try:
        load_corpus(tmp_path)
    except CorpusError as problem:
        assert str(problem).startswith(str(tmp_path))


@settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries({"file": FILE_NAMES}, optional={"id": SCALARS}), min_size=1, max_size=3))
def test_any_review_file_names_give_a_corpus_or_one_corpus_error(tmp_path, entries):
    (tmp_path / "a.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    manifest = {"film": {"title": "X"}, "reviews": entries}
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    try:
        load_corpus(tmp_path)
    except CorpusError as problem:
        assert str(problem).startswith(str(tmp_path))
