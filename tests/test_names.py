"""Name forms and misspelt names (analysis.names), through the mention rules of analysis.targets."""

import pandas as pd

from analysis.film import film_from_manifest
from analysis.names import character_short_form, name_forms
from analysis.targets import find_mentions, target_inventory

UP = film_from_manifest({
    "film": {
        "title": "Up",
        "director": "Pete Docter",
        "writer": "Bob Peterson and Pete Docter",
        "cast": [
            {"actor": "Ed Asner", "character": "Carl Fredricksen"},
            {"actor": "Elie Docter", "character": "Young Ellie"},
            {"actor": "Christopher Plummer", "character": "Charles Muntz"},
            {"actor": "Scarlett Johansson", "character": "Samantha"},
        ],
        "crew": {"editor": "Kevin Nolting"},
    }
})


def credits(*sentences: str, film=UP) -> list[tuple[int, str, str, str]]:
    table = pd.DataFrame({"review_id": "r", "sentence_index": range(len(sentences)), "text": list(sentences)})
    found = find_mentions(table, film)
    people = found[found["target_kind"] == "person"]
    return list(zip(people["sentence_index"], people["target"], people["matched_text"], people["rule"]))


def test_a_crew_members_first_name_alone_never_matches():
    assert credits("They meet a giant bird called Kevin.") == []
    assert credits("Kevin Nolting cuts it briskly.") == [(0, "Kevin Nolting", "Kevin Nolting", "full_name")]
    # A cast member's first name still does.
    assert credits("Christopher is superb.") == [(0, "Christopher Plummer", "Christopher", "first_name")]


def test_descriptive_words_never_become_short_names():
    assert [character_short_form(c) for c in ("Young Ellie", "Old Rose", "Little Tarzan", "Professor Porter")] == [
        "Ellie", "Rose", "Tarzan", "Porter",
    ]
    forms = {form.text for form in name_forms(UP.people)}
    assert "Young" not in forms and "Ellie" in forms
    assert credits("Young people will love it.") == []
    assert credits("Young Ellie is voiced with charm.") == [
        (0, "Elie Docter", "Young Ellie", "character_in_performance_context")
    ]


def test_a_misspelt_full_name_matches_within_a_small_edit_distance():
    assert credits("Scarlet Johansen is great.") == [
        (0, "Scarlett Johansson", "Scarlet Johansen", "fuzzy_full_name")
    ]
    assert credits("Scarlet Johansen's voice is warm.") == [
        (0, "Scarlett Johansson", "Scarlet Johansen's", "fuzzy_full_name")
    ]
    # The exact first name does not keep the misspelt full name from matching.
    assert credits("Scarlett Johansen is great.") == [
        (0, "Scarlett Johansson", "Scarlett Johansen", "fuzzy_full_name")
    ]


def test_fuzzy_matching_has_limits():
    # A surname alone may differ by one edit: "Plumer" is Plummer, "Johansen" (two) is not.
    assert credits("Plumer is menacing.") == [(0, "Christopher Plummer", "Plumer", "fuzzy_surname")]
    assert credits("Johansen is great.") == []
    # Names under six letters, other first letters and lower-case words in cased text never match.
    assert credits("Asher is great.", "Chummer is great.", "the plumer is great.") == []


def test_a_common_word_is_never_a_misspelt_name():
    titanic = film_from_manifest({"film": {"cast": [{"actor": "Gloria Stuart"}, {"actor": "David Warner"}]}})
    assert credits("from the start it is gripping .", "we were warned .", film=titanic) == []
    assert credits("stuert is moving .", film=titanic) == [(0, "Gloria Stuart", "stuert", "fuzzy_surname")]


def test_fuzzy_names_in_lower_cased_text():
    assert credits("scarlet johansen is great .") == [
        (0, "Scarlett Johansson", "scarlet johansen", "fuzzy_full_name")
    ]


def test_several_people_in_one_credit_are_each_a_target():
    inventory = target_inventory(UP).set_index("target")
    assert inventory.loc["Bob Peterson", "roles"] == "writer"
    assert inventory.loc["Pete Docter", "roles"] == "director, writer"
