"""The manifest's schema: every wrongly typed field is one error naming its key path and value."""

import pytest
import yaml

from analysis.corpus import CorpusError, load_corpus
from analysis.manifest import MAX_MANIFEST_BYTES
from analysis.manifest import ManifestError, check_manifest, manifest_reference
from analysis.paths import DEFAULT_CORPUS_DIR, PROJECT_ROOT
from analysis.reviews import MAX_REVIEW_BYTES

CAST = "film:\n  title: X\n  cast:\n    - {actor: Ann Lee, character: Bo}\n"
REVIEWS = "reviews:\n  - {file: a.txt}\n"


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("[a, b]\n", "the manifest: ['a', 'b'] is not a mapping with 'film' and 'reviews' keys"),
        ("film: {title: X}\n", "the manifest: needs a 'reviews' (a mapping with 'film' and 'reviews' keys)"),
        ("reviews: nope\n", "reviews: 'nope' is not a non-empty list of review entries, each with a 'file'"),
        ("reviews: []\n", "reviews: [] is not a non-empty list of review entries, each with a 'file'"),
        ("reviews:\n  - {title: X}\n", "reviews[0]: needs a 'file' (a review entry with a 'file')"),
        ("reviews:\n  - {file: '  '}\n", "reviews[0].file: '  ' is not a .txt file name inside the corpus folder"),
        ("reviews:\n  - {file: \"a\\0.txt\"}\n", "reviews[0].file: 'a\\x00.txt' is not a .txt file name inside the corpus folder"),
        ("reviews:\n  - {file: a.txt, date: 2014-13-45}\n",
         "reviews[0].date: '2014-13-45' is not a date (YYYY-MM-DD, YYYY-MM or YYYY), or null"),
        ("reviews:\n  - {file: a.txt, date: 6 March 2014}\n",
         "reviews[0].date: '6 March 2014' is not a date (YYYY-MM-DD, YYYY-MM or YYYY), or null"),
        ("reviews:\n  - {file: a.txt, author: [A, B]}\n", "reviews[0].author: ['A', 'B'] is not text, or null where the review gives none"),
        ("reviews:\n  - {file: a.txt, id: [1]}\n", "reviews[0].id: [1] is not a unique id, as text or a number"),
        ("film: [a, b]\n" + REVIEWS, "film: ['a', 'b'] is not a mapping of the film's facts"),
        ("film: {title: X, year: soon}\n" + REVIEWS, "film.year: 'soon' is not a year such as 2013"),
        ("film: {title: X, year: '²⁰¹³'}\n" + REVIEWS, "film.year: '²⁰¹³' is not a year such as 2013"),
        ("film: {title: X, year: true}\n" + REVIEWS, "film.year: True is not a year such as 2013"),
        ("film: {title: X, year: 20130}\n" + REVIEWS, "film.year: 20130 is not a year such as 2013"),
        ("film: {title: X, writer: [A, 5]}\n" + REVIEWS, "film.writer[1]: 5 is not a name"),
        ("film: {title: X, writer: {A: B}}\n" + REVIEWS,
         "film.writer: {'A': 'B'} is not a name, several separated by commas (\"Joel Coen, Ethan Coen\") or \"and\", or a list of names"),
        ("film: {title: X, cast: Joaquin Phoenix}\n" + REVIEWS,
         "film.cast: 'Joaquin Phoenix' is not a list of cast entries, each with an 'actor'"),
        ("film: {title: X, cast: [{character: Bo}]}\n" + REVIEWS,
         "film.cast[0]: needs a 'actor' (a cast entry with an 'actor' and optionally a 'character' and a 'note')"),
        ("film:\n  title: X\n  cast:\n    - {actor: Ann Lee, character: [Bo, Cy]}\n" + REVIEWS,
         "film.cast[0].character: ['Bo', 'Cy'] is not one character's name"),
        ("film:\n  title: X\n  cast:\n    - {actor: Ann Lee, character: {Bo: Cy}}\n" + REVIEWS,
         "film.cast[0].character: {'Bo': 'Cy'} is not one character's name"),
        ("film: {title: X, crew: {sound: null}}\n" + REVIEWS, "film.crew.sound: None is not a name, several separated by commas or \"and\", or a list of names"),
        ("film: {title: X, other_people: Samantha Morton}\n" + REVIEWS,
         "film.other_people: 'Samantha Morton' is not a list of people the reviews name who are not credited"),
        (CAST + "people: {Ann Lee: {aliases: Annie}}\n" + REVIEWS,
         "people.Ann Lee.aliases: 'Annie' is not a list of extra short names ([Theo])"),
        (CAST + "people: {Ann Lee: {aliases: 5}}\n" + REVIEWS,
         "people.Ann Lee.aliases: 5 is not a list of extra short names ([Theo])"),
        (CAST + "people: {Ann Lee: {short_names: 'false'}}\n" + REVIEWS,
         "people.Ann Lee.short_names: 'false' is not true or false (false matches only the full name)"),
        (CAST + "people: {Ann Lee: {pronouns: him}}\n" + REVIEWS, "people.Ann Lee.pronouns: 'him' is not he, she or they"),
        ("aspects: {music: ''}\n" + REVIEWS,
         "aspects.music: '' is not a list of cue words, or a mapping with a 'cues' list and 'replace'"),
        # An empty cue would match every sentence.
        ("aspects: {music: [score, '']}\n" + REVIEWS,
         "aspects.music: ['score', ''] is not a list of cue words, or a mapping with a 'cues' list and 'replace'"),
        ("rating_scales: {5: 5}\n" + REVIEWS, "rating_scales: the key 5 is not a name as text"),
        ("rating_scales: {null: 5}\n" + REVIEWS, "rating_scales: the key None is not a name as text"),
        ("rating_scales: {stars: true}\n" + REVIEWS, "rating_scales.stars: True is not a positive number"),
        ("rating_scales: {stars: .inf}\n" + REVIEWS, "rating_scales.stars: inf is not a positive number"),
        ("rating_scales: {stars: 0}\n" + REVIEWS, "rating_scales.stars: 0 is not a positive number"),
        # The first offending field in document order is the one named.
        ("film: {title: X, year: soon}\nreviews:\n  - {file: a.txt, date: May}\n", "film.year: 'soon' is not a year such as 2013"),
    ],
)
def test_a_wrongly_typed_manifest_field_is_one_error_naming_its_key_path(tmp_path, manifest, message):
    (tmp_path / "a.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(manifest, encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(error.value) == f"{tmp_path / 'manifest.yaml'}: {message}"


def test_dates_stay_as_written_and_partial_dates_are_dates(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A dull film.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "reviews:\n  - {file: a.txt, date: 2014-03-06}\n  - {file: b.txt, date: 2014-03}\n", encoding="utf-8"
    )
    assert [review.date for review in load_corpus(tmp_path).reviews] == ["2014-03-06", "2014-03"]


def test_a_huge_value_is_shown_cut_short():
    with pytest.raises(ManifestError) as error:
        check_manifest({"reviews": "x" * 1000})
    assert str(error.value) == "reviews: " + repr("x" * 1000)[:77] + "... is not a non-empty list of review entries, each with a 'file'"


def test_a_deeply_nested_manifest_is_refused(tmp_path):
    (tmp_path / "manifest.yaml").write_text("film: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(error.value) == f"{tmp_path / 'manifest.yaml'}: nested too deeply to be a manifest"


def test_an_oversized_manifest_is_refused_before_it_is_read(tmp_path):
    with (tmp_path / "manifest.yaml").open("wb") as manifest:
        manifest.truncate(MAX_MANIFEST_BYTES + 1)
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(error.value) == f"{tmp_path / 'manifest.yaml'}: 32.0 MB is too large for a manifest (limit 32.0 MB)"


def test_an_oversized_review_is_skipped_and_the_rest_load(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    with (tmp_path / "b.txt").open("wb") as review:
        review.truncate(MAX_REVIEW_BYTES + 1)
    corpus = load_corpus(tmp_path)
    assert [review.id for review in corpus.reviews] == ["a"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [("b.txt", "10.0 MB is larger than any review (limit 10.0 MB)")]


def test_the_shipped_manifests_follow_the_schema():
    for path in [DEFAULT_CORPUS_DIR / "manifest.yaml", *sorted((PROJECT_ROOT / "tests/data/corpora").glob("*/manifest.yaml"))]:
        check_manifest(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_the_corpus_readme_lists_every_field_from_the_schema():
    assert manifest_reference() in (DEFAULT_CORPUS_DIR / "README.md").read_text(encoding="utf-8")
