import pytest

from collectibles.external_ids import ExternalIdsState, read_external_ids


@pytest.mark.parametrize(
    ("raw", "state", "cleaned", "coerced"),
    [
        ('{"tcgplayer": "1"}', ExternalIdsState.VALID, {"tcgplayer": "1"}, False),
        ({"tcgplayer": 1}, ExternalIdsState.VALID, {"tcgplayer": 1}, False),
        (b'{"a": "1"}', ExternalIdsState.VALID, {"a": "1"}, False),
        ("{}", ExternalIdsState.EMPTY, {}, False),
        ({}, ExternalIdsState.EMPTY, {}, False),
        (None, ExternalIdsState.EMPTY, {}, False),
        ("null", ExternalIdsState.EMPTY, {}, False),
        ("", ExternalIdsState.EMPTY, {}, True),
        ("{oops", ExternalIdsState.MALFORMED, {}, True),
        ("[1]", ExternalIdsState.MALFORMED, {}, True),
        ("42", ExternalIdsState.MALFORMED, {}, True),
        ({"a": "1", "b": [1]}, ExternalIdsState.MALFORMED, {"a": "1"}, True),
        ({f"k{i}": i for i in range(60)}, ExternalIdsState.MALFORMED, {f"k{i}": i for i in range(50)}, True),
    ],
)
def test_read_external_ids(raw, state, cleaned, coerced):
    reading = read_external_ids(raw)
    assert reading.state is state
    assert reading.cleaned == cleaned
    assert reading.coerced is coerced
