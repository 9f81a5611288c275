"""What one import may hold: cell sizes, header width (issue 10 §4)."""

import pytest

from imports.models import ImportBatch, ImportRow
from imports.tests.conftest import rows_of

pytestmark = pytest.mark.django_db

MAX_DESCRIPTION_LENGTH = 5000

OMNISTOCK_HEADER = "sku,name,description,condition,quantity,price,currency,game,language\n"


def test_a_description_over_the_limit_is_a_row_error(owner_client, upload):
    content = (
        OMNISTOCK_HEADER
        + f"A-1,Too long,{'x' * (MAX_DESCRIPTION_LENGTH + 1)},NM,1,1,USD,,\n"
        + f"A-2,Just right,{'x' * MAX_DESCRIPTION_LENGTH},NM,1,1,USD,,\n"
    ).encode()
    response = upload(owner_client, content)
    assert response.status_code == 201, response.data
    rows = rows_of(owner_client, response.data["id"])
    assert rows[2]["outcome"] == "error"
    assert rows[2]["errors"] == {"description": ["At most 5000 characters."]}
    assert rows[3]["outcome"] == "create"
    owner_client.post(f"/api/v1/imports/{response.data['id']}/commit/")
    assert ImportBatch.objects.get().status == "committed"


def test_a_header_wider_than_200_columns_is_400_and_leaves_no_batch(owner_client, upload):
    extra = ",".join(f"c{n}" for n in range(20_000))
    content = (f"sku,name,condition,quantity,price,game,language,{extra}\nA-1,Card,NM,1,1,,\n").encode()
    response = upload(owner_client, content)
    assert response.status_code == 400
    assert response.data == {
        "file": [
            "The header row has 20,007 columns; at most 200 are accepted. Remove the columns you do not need."
        ]
    }
    assert not ImportBatch.objects.exists()


def test_a_header_of_200_columns_is_read(owner_client, upload):
    extra = ",".join(f"c{n}" for n in range(193))
    response = upload(
        owner_client, f"sku,name,condition,quantity,price,game,language,{extra}\nA-1,Card,NM,1,1,,\n".encode()
    )
    assert response.status_code == 201, response.data


def test_the_column_limit_is_a_setting(owner_client, upload, settings):
    settings.IMPORT_MAX_COLUMNS = 7
    response = upload(
        owner_client, b"sku,name,condition,quantity,price,game,language,note\nA-1,Card,NM,1,1,,,\n"
    )
    assert response.status_code == 400
    assert "at most 7 are accepted" in response.data["file"][0]


def test_rows_store_only_their_non_empty_cells(owner_client, upload):
    extra = ",".join(f"c{n}" for n in range(150))
    content = (
        f"sku,name,condition,quantity,price,game,language,{extra}\n"
        "A-1,Card,NM,1,1,,," + ",".join(["  "] * 149) + ",kept\n"
    ).encode()
    batch_id = upload(owner_client, content).data["id"]
    row = ImportRow.objects.get(batch_id=batch_id)
    assert row.raw == {
        "sku": "A-1",
        "name": "Card",
        "condition": "NM",
        "quantity": "1",
        "price": "1",
        "c149": "kept",
    }
    assert rows_of(owner_client, batch_id)[2]["outcome"] == "create"
