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
