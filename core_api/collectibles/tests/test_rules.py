"""The field rules (collectibles/rules.py) that the serializer and the import preview share."""

import pytest
from django.core.exceptions import ValidationError

from collectibles.models import CardDetails
from collectibles.rules import MAX_LENGTHS, card_details_problems, collectible_problems, grading_problems
from imports.services.state import state_problems

VALID = {"name": "Charizard", "condition": "NM", "quantity": 1, "currency": "EUR", "external_ids": {}}
CARD = {
    "game": "pokemon",
    "language": "EN",
    "market_region": "EU",
    "finish": "normal",
    "grading_company": None,
}
NEEDS_GRADE = ["A grade is required when a grading company is set."]
NEEDS_COMPANY = ["A grade needs the grading company that gave it."]


def test_a_valid_state_has_no_problems():
    assert collectible_problems(VALID) == {}
    assert card_details_problems(CARD) == {}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"name": ""}, {"name": ["A name is required."]}),
        ({"sku": "x" * (MAX_LENGTHS["sku"] + 1)}, {"sku": [f"At most {MAX_LENGTHS['sku']} characters."]}),
        ({"condition": "XX"}, {"condition": ["'XX' is not a condition."]}),
        ({"quantity": -1}, {"quantity": ["The quantity is out of range."]}),
        ({"currency": "EURO"}, {"currency": ["'EURO' is not an ISO 4217 currency code."]}),
        ({"external_ids": {"": "1"}}, {"external_ids": ["Keys must be non-empty strings."]}),
    ],
)
def test_collectible_rules(change, expected):
    assert collectible_problems(VALID | change) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"game": ""}, {"card_details.game": ["This field is required."]}),
        ({"language": "xx"}, {"card_details.language": ["'xx' is not valid."]}),
        ({"set_code": "S" * 21}, {"card_details.set_code": ["At most 20 characters."]}),
        (
            {"grading_company": "PSA"},
            {"card_details.grade": NEEDS_GRADE},
        ),
        (
            {"grade": "9.0"},
            {"card_details.grading_company": NEEDS_COMPANY},
        ),
    ],
)
def test_card_details_rules(change, expected):
    assert card_details_problems(CARD | change) == expected


def test_the_model_and_the_import_preview_apply_the_same_grading_rule():
    model_error = pytest.raises(ValidationError)
    with model_error:
        CardDetails(**CARD | {"grading_company": "PSA", "grade": None}).clean()
    expected = grading_problems("PSA", None)
    assert model_error.excinfo.value.message_dict == expected
    preview = state_problems(
        {"fields": VALID, "card_details": CARD | {"grading_company": "PSA", "grade": None}}
    )
    assert preview == {f"card_details.{name}": messages for name, messages in expected.items()}
