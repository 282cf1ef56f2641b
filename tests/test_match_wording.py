"""Word diffs and speaker identity."""

import pytest

from workbench.match.wording import changed_words, only_spelling_differs, same_speaker, word_diff


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Zelensky", "Volodymyr Zelensky", True),
        ("President Volodymyr Zelensky", "Zelensky", True),
        ("Defense Minister Rustem Umerov", "Rustem Umerov", True),
        ("Anton Drevic", "Ilya Sorn", False),
        ("Ilya Sorn", "Foreign Minister Ilya Sorn", True),
        ("Anna Smith", "John Smith", False),  # same surname, other person
        (None, "Ilya Sorn", None),
        ("Ilya Sorn", "", None),
        ("the minister", "Ilya Sorn", None),  # an unresolved role: unknown
    ],
)
def test_same_speaker(a, b, expected):
    assert same_speaker(a, b) is expected


def test_word_diff_shows_changed_words_with_original_spelling():
    diff = word_diff("The test met every objective we set,",
                     "The test met all the objectives we had set")
    ops = [(c.op, c.claim, c.evidence) for c in diff]
    assert ("equal", "The test met", "The test met") in ops
    assert ("replace", "every objective", "all the objectives") in ops
    assert ("insert", "", "had") in ops


def test_word_diff_ignores_case_and_punctuation():
    diff = word_diff("Our tests are defensive.", "our tests are defensive")
    assert [c.op for c in diff] == ["equal"]


def test_changed_words_summary():
    assert changed_words("in reach", "within reach") == "in → within"
    assert changed_words("same words", "same words") == ""


@pytest.mark.parametrize(
    "claim, evidence, same",
    [
        ("The government will act this winter", "the government will act this winter.", True),
        ("The government will act this winter", "The goverment will act this winter", True),
        ("The government will act this winter", "The government will act", True),  # excerpt
        ("will act this winter", "The government will act this winter", True),  # longer quote
        ("The government will act this winter", "The government would act this winter", False),
        ("The government will act this winter", "The government will not act this winter", False),
        ("The government will act this winter", "The government will act winter", False),
        ("The government will act this winter", "The cabinet will act this winter", False),
    ],
)
def test_only_spelling_differs(claim, evidence, same):
    assert only_spelling_differs(claim, evidence) is same
