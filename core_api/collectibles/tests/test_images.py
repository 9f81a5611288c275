import io
import struct
import zlib

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


# --- limits and re-encoding (issue 10 §4) ---------------------------------------------


def encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(client, pk, content, name="card.jpg", content_type="image/jpeg"):
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.put(image_url(pk), {"image": file}, format="multipart")


def stored_bytes(card):
    card.refresh_from_db()
    with card.image.open("rb") as file:
        return file.read()


class Unreadable(io.RawIOBase):
    """A request body that must not be read."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_an_upload_announcing_more_than_the_limit_is_413_before_the_body_is_read(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    response = owner_client.generic(
        "PUT",
        image_url(card.pk),
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "Images may be at most 5 MB; this upload is 500 MB."}
    card.refresh_from_db()
    assert (card.image.name, card.version) == ("", 1)


def test_exif_and_appended_data_are_not_stored(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {2: (48.0, 51.0, 30.0)}  # GPSInfo: latitude
    photo = encoded(Image.new("RGB", (16, 16), "blue"), "JPEG", exif=exif) + b"<?php system($_GET['c']); ?>"
    assert upload(owner_client, card.pk, photo, name="../../evil.php.jpg").status_code == 200
    stored = stored_bytes(card)
    assert b"SpyCam" not in stored
    assert b"<?php" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("JPEG", (16, 16))
        assert not image.getexif()
    assert card.image.name.startswith("collectibles/")
    assert card.image.name.endswith(".jpg")
    assert "evil" not in card.image.name


def test_the_stored_name_is_random(owner_client, vendor):
    card, other = CardFactory(vendor=vendor), CardFactory(vendor=vendor)
    upload(owner_client, card.pk, png().read(), name="same.png", content_type="image/png")
    upload(owner_client, other.pk, png().read(), name="same.png", content_type="image/png")
    card.refresh_from_db()
    other.refresh_from_db()
    names = [item.image.name.rsplit("/", 1)[1] for item in (card, other)]
    assert names[0] != names[1]
    assert all(len(name) == len("0" * 32 + ".png") and "same" not in name for name in names)


def test_a_camera_rotation_is_applied_before_the_metadata_goes(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    upload(owner_client, card.pk, encoded(Image.new("RGB", (20, 10)), "JPEG", exif=exif))
    with Image.open(io.BytesIO(stored_bytes(card))) as image:
        assert image.size == (10, 20)


@pytest.mark.parametrize(
    ("fmt", "mode", "options"),
    [("PNG", "RGBA", {}), ("PNG", "P", {}), ("WEBP", "RGB", {}), ("JPEG", "CMYK", {}), ("PNG", "I;16", {})],
)
def test_accepted_formats_stay_in_their_format(owner_client, vendor, fmt, mode, options):
    card = CardFactory(vendor=vendor)
    content = encoded(Image.new(mode, (8, 8)), fmt, **options)
    response = upload(owner_client, card.pk, content, name="x", content_type="application/octet-stream")
    assert response.status_code == 200, response.data
    with Image.open(io.BytesIO(stored_bytes(card))) as image:
        assert image.format == fmt


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF", "ICO", "PPM", "TGA"])
def test_other_image_formats_are_400(owner_client, vendor, fmt):
    card = CardFactory(vendor=vendor)
    response = upload(
        owner_client, card.pk, encoded(Image.new("RGB", (8, 8)), fmt), name=f"card.{fmt.lower()}"
    )
    assert response.status_code == 400
    assert response.data == {"image": ["Upload a JPEG, PNG or WebP image."]}
    card.refresh_from_db()
    assert card.image.name == ""


def test_a_truncated_image_is_400(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    content = encoded(Image.effect_noise((64, 64), 50).convert("RGB"), "PNG")
    response = upload(owner_client, card.pk, content[: len(content) // 2], name="card.png")
    assert response.status_code == 400
    assert response.data == {"image": ["The image is damaged or incomplete."]}


def png_header_only(width, height):
    """A PNG that claims `width` by `height` pixels (a few dozen bytes: a decompression bomb's header)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(("width", "height"), [(8000, 6000), (100_000, 100_000)])
def test_images_with_too_many_pixels_are_400_before_decoding(owner_client, vendor, width, height):
    card = CardFactory(vendor=vendor)
    response = upload(owner_client, card.pk, png_header_only(width, height), name="bomb.png")
    assert response.status_code == 400
    assert "at most 40,000,000 pixels" in response.data["image"][0]
    card.refresh_from_db()
    assert card.image.name == ""


def test_the_pixel_limit_is_a_setting(owner_client, vendor, settings):
    settings.MAX_IMAGE_PIXELS = 50
    card = CardFactory(vendor=vendor)
    response = upload(owner_client, card.pk, png(size=(8, 8)).read(), name="card.png")
    assert response.status_code == 400
    assert response.data == {"image": ["The image is 8 × 8 pixels; at most 50 pixels are accepted."]}
