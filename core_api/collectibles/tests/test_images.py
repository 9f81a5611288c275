import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db


def png(name="card.png", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image_url(pk):
    return reverse("collectible-image", args=[pk])


def test_owner_uploads_an_image(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    response = owner_client.put(image_url(card.pk), {"image": png()}, format="multipart")
    assert response.status_code == 200, response.data
    assert response.data["image"].startswith("http://testserver/media/collectibles/")
    card.refresh_from_db()
    assert card.image.storage.exists(card.image.name)


def test_replacing_an_image_deletes_the_old_file(owner_client, vendor, django_capture_on_commit_callbacks):
    card = CardFactory(vendor=vendor)
    owner_client.put(image_url(card.pk), {"image": png("first.png")}, format="multipart")
    card.refresh_from_db()
    first = card.image.name
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.put(image_url(card.pk), {"image": png("second.png")}, format="multipart")
    card.refresh_from_db()
    assert card.image.name != first
    assert not card.image.storage.exists(first)


def test_delete_removes_the_image(owner_client, vendor, django_capture_on_commit_callbacks):
    card = CardFactory(vendor=vendor)
    owner_client.put(image_url(card.pk), {"image": png()}, format="multipart")
    card.refresh_from_db()
    name = card.image.name
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.delete(image_url(card.pk))
    assert response.status_code == 200
    assert response.data["image"] is None
    assert not card.image.storage.exists(name)


def test_deleting_a_collectible_deletes_its_image(owner_client, vendor, django_capture_on_commit_callbacks):
    card = CardFactory(vendor=vendor)
    owner_client.put(image_url(card.pk), {"image": png()}, format="multipart")
    card.refresh_from_db()
    storage, name = card.image.storage, card.image.name
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.delete(reverse("collectible-detail", args=[card.pk]))
    assert not storage.exists(name)


def test_not_an_image_is_400(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    fake = SimpleUploadedFile("card.png", b"this is not a png", content_type="image/png")
    response = owner_client.put(image_url(card.pk), {"image": fake}, format="multipart")
    assert response.status_code == 400
    assert "image" in response.data


def test_missing_file_is_400(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    response = owner_client.put(image_url(card.pk), {}, format="multipart")
    assert response.status_code == 400
    assert response.data == {"image": ["No file was submitted."]}


def test_too_large_image_is_400(owner_client, vendor, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 100
    card = CardFactory(vendor=vendor)
    response = owner_client.put(image_url(card.pk), {"image": png(size=(64, 64))}, format="multipart")
    assert response.status_code == 400
    assert "at most" in response.data["image"][0]


def test_viewer_cannot_upload(viewer_client, vendor):
    card = CardFactory(vendor=vendor)
    response = viewer_client.put(image_url(card.pk), {"image": png()}, format="multipart")
    assert response.status_code == 403


def test_image_changes_are_in_the_history(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    owner_client.put(image_url(card.pk), {"image": png()}, format="multipart")
    owner_client.delete(image_url(card.pk))
    entries = owner_client.get(reverse("collectible-history", args=[card.pk])).data["results"]
    removed, uploaded = entries[0], entries[1]
    assert [change["field"] for change in uploaded["changes"]] == ["image"]
    assert uploaded["changes"][0]["old"] in ("", None)
    assert uploaded["changes"][0]["new"]
    assert removed["changes"][0]["new"] in ("", None)
    assert (uploaded["label"], removed["label"]) == ("Image uploaded", "Image removed")
