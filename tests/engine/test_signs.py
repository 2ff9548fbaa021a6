"""A minus sign belongs to its number: "-0.3%" / "0.3%" turns a fall into growth, and must be a number
change, not a mere format change; hyphens that join words or numbers (COVID-19, 2020-21) are no sign."""

from __future__ import annotations

import pytest

import drift_viewer
from drift_viewer.engine.model import ChangeKind as K


def kinds(left: str, right: str) -> list[tuple[K, str, str]]:
    comparison = drift_viewer.compare_texts(left, right)
    return [(c.kind, c.left_text.strip(), c.right_text.strip()) for _, c in comparison.iter_changes()]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Growth was -0.3% in the third quarter.", "Growth was 0.3% in the third quarter."),
        ("Temperatures fell to -15 degrees overnight.", "Temperatures fell to 15 degrees overnight."),
        ("Temperatures (-5 °C) were low.", "Temperatures (5 °C) were low."),
        ("Temperatures fell to minus 15 degrees overnight.", "Temperatures fell to 15 degrees overnight."),
        ("Die Temperatur fiel auf minus 15 Grad.", "Die Temperatur fiel auf 15 Grad."),
        ("La température est descendue à moins 15 degrés.", "La température est descendue à 15 degrés."),
        ("Температура упала до минус 15 градусов.", "Температура упала до 15 градусов."),
    ],
)
def test_a_sign_lost_is_a_number_change(left: str, right: str) -> None:
    found = kinds(left, right)
    assert [k for k, _, _ in found] == [K.NUMBER], found
    # and the other way round
    assert [k for k, _, _ in kinds(right, left)] == [K.NUMBER]


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        ("It fell to minus 15 degrees.", "It fell to -15 degrees.", K.FORMAT),
        ("It fell to −15 degrees.", "It fell to -15 degrees.", K.TYPOGRAPHY),
        ("The wave of 2020-21 hit pages 10-15.", "The wave of 2020–21 hit pages 10–15.", K.TYPOGRAPHY),
        ("The score was 3-2 at half time.", "The score was 3–2 at half time.", K.TYPOGRAPHY),
    ],
)
def test_the_same_signed_value_or_a_joining_hyphen_is_no_number_change(left: str, right: str, kind: K) -> None:
    found = kinds(left, right)
    assert found and all(k is kind for k, _, _ in found), found


def test_minus_as_a_word_without_a_number_is_no_value() -> None:
    found = kinds("Plus or minus a few, it was fine.", "Plus a few, it was fine.")
    assert found and all(k is not K.NUMBER for k, _, _ in found), found


def test_the_fact_table_reads_the_sign() -> None:
    from drift_viewer.engine.classify.facttable import fact_table

    comparison = drift_viewer.compare_texts(
        "Growth was -0.3% in the third quarter. It fell to minus 15 degrees. The COVID-19 wave ended.",
        "Growth was 0.3% in the third quarter. It fell to -15 degrees. The COVID-19 wave ended.",
    )
    rows = {(r.left_text, r.right_text): r.status.value for r in fact_table(comparison)}
    assert rows[("-0.3", "0.3")] == "changed"
    assert rows[("minus 15", "-15")] == "same"
    assert rows[("COVID-19", "COVID-19")] == "same"  # a code, its hyphen no sign
    assert not any("-19" in (left, right) for left, right in rows)
