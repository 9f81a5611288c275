"""What one import may hold: cell sizes, header width (issue 10 §4)."""

import pytest


from imports.models import ImportBatch
from imports.tests.test_import_api import rows_of

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
