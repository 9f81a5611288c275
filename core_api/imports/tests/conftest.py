from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

SAMPLES = Path(__file__).parent / "samples"
IMPORTS_URL = reverse("import-list")


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture
def upload():
    """POST a file to /imports/ and return the response."""

    def do(client, content: bytes, filename: str = "stock.csv", **fields):
        file = SimpleUploadedFile(filename, content, content_type="text/csv")
        return client.post(IMPORTS_URL, {"file": file, **fields}, format="multipart")

    return do


# --- TCGplayer files and batch URLs, shared by the import API tests -----------------------

HEADER = (
    "TCGplayer Id,Product Line,Set Name,Product Name,Title,Number,Rarity,Condition,TCG Market Price,"
    "TCG Direct Low,TCG Low Price With Shipping,TCG Low Price,Total Quantity,Add to Quantity,"
    "TCG Marketplace Price,Photo URL\n"
)


def tcg_row(
    tcg_id,
    name="Pikachu",
    number="58/102",
    condition="Near Mint",
    quantity=1,
    price="2.00",
    set_name="Base Set",
):
    return f"{tcg_id},Pokemon,{set_name},{name},,{number},Common,{condition},,,,,{quantity},0,{price},\n"


def tcg_file(*rows):
    return (HEADER + "".join(rows)).encode()


def url(batch_id, action=""):
    return reverse(f"import-{action or 'detail'}", args=[batch_id])


def rows_of(client, batch_id, **params):
    response = client.get(url(batch_id, "rows"), {"page_size": 100, **params})
    assert response.status_code == 200, response.data
    return {row["line"]: row for row in response.data["results"]}
