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
