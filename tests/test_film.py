"""The film a corpus reviews: credits parsed once into people and aspects."""

from analysis.film import Film, film_from_manifest, film_label


def test_a_credit_of_two_people_names_both():
    film = film_from_manifest({"film": {"title": "X", "writer": "Joel Coen, Ethan Coen", "crew": {"editor": "A B; C D"}}})
    assert [(p.name, p.roles) for p in film.people] == [
        ("Joel Coen", ("writer",)), ("Ethan Coen", ("writer",)), ("A B", ("editor",)), ("C D", ("editor",)),
    ]


def test_film_label_says_only_what_is_known():
    assert film_label(Film(title="Her", year=2013, director="Spike Jonze")) == "Her (2013), directed by Spike Jonze"
    assert film_label(Film(title="Her")) == "Her"
    assert film_label(Film()) == "an unnamed film"


def test_a_plain_folder_film_has_no_people_and_the_package_aspects():
    film = film_from_manifest({})
    assert film.people == () and {"script", "music", "pacing"} <= set(film.aspects)


def test_a_credit_with_and_or_a_list_names_several_people():
    film = film_from_manifest({"film": {"writer": "Bob Peterson and Pete Docter", "director": ["A B", "C D & E F"]}})
    assert [(p.name, p.roles) for p in film.people] == [
        ("A B", ("director",)), ("C D", ("director",)), ("E F", ("director",)),
        ("Bob Peterson", ("writer",)), ("Pete Docter", ("writer",)),
    ]
    # A name that holds the letters "and" is one person.
    assert [p.name for p in film_from_manifest({"film": {"writer": "Alexandra Anderson"}}).people] == ["Alexandra Anderson"]


def test_a_credit_list_of_non_names_is_refused():
    import pytest

    with pytest.raises(ValueError, match=r"'film.writer' must be a name or a list of names, got \[\{'a': 1\}\]"):
        film_from_manifest({"film": {"writer": [{"a": 1}]}})
    with pytest.raises(ValueError, match="'film.crew' role 'editor' needs a name or a list of names"):
        film_from_manifest({"film": {"crew": {"editor": ""}}})
