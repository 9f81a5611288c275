"""Uploaded pictures of collectibles: refused early, decoded within bounds, re-encoded.

An upload is never stored as sent. Pillow decodes it (only JPEG, PNG and WebP;
at most MAX_IMAGE_PIXELS pixels, checked from the header before any pixel is
decoded) and writes it again in the same format: EXIF (GPS position, camera
serial), comments and anything appended after the image data are gone, and a
file that only pretends to be an image is refused. The stored name is random:
the uploader's file name says nothing about the shop's storage.
"""

from __future__ import annotations

import io
import uuid
import warnings
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError
from rest_framework.parsers import MultiPartParser

from common.exceptions import PayloadTooLarge

# Pillow format → (stored extension, options of the re-encoding).
FORMATS: dict[str, tuple[str, dict[str, Any]]] = {
    "JPEG": ("jpg", {"quality": 90, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 90}),
}
# The modes each format can store; anything else is converted to the first.
MODES = {"JPEG": ("RGB", "L"), "PNG": ("RGB", "RGBA", "L", "LA", "P", "1"), "WEBP": ("RGB", "RGBA")}
# A multipart body carries the file plus its boundary lines and part headers.
MULTIPART_OVERHEAD_BYTES = 16 * 1024


class ImageRejected(Exception):  # noqa: N818  (reads as what happened)
    """The upload cannot be used; the message says why (the API answers 400)."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


class ImageUploadParser(MultiPartParser):
    """Multipart, refused on the announced Content-Length before the body is read:
    an upload that says it is 500 MB is not read to find out."""

    def parse(self, stream: IO[Any], media_type: str | None = None, parser_context: Any = None) -> Any:
        request = (parser_context or {}).get("request")
        announced = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        limit = settings.MAX_IMAGE_UPLOAD_BYTES
        if announced > limit + MULTIPART_OVERHEAD_BYTES:
            raise PayloadTooLarge(
                f"Images may be at most {megabytes(limit)}; this upload is {megabytes(announced)}."
            )
        return super().parse(stream, media_type, parser_context)


def reencoded(upload: IO[bytes]) -> ContentFile[bytes]:
    """The upload decoded and written again in its own format, under a random name."""
    max_pixels = settings.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; ours is lower anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=list(FORMATS)) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ImageRejected(
                        f"The image is {width} × {height} pixels; at most {max_pixels:,} pixels are accepted."
                    )
                image.load()
                kind = str(image.format)
                extension, options = FORMATS[kind]
                # Apply the camera's rotation before its EXIF is dropped, so the picture stays upright.
                upright = ImageOps.exif_transpose(image)
                if upright.mode not in MODES[kind]:
                    has_alpha = "A" in upright.mode or "transparency" in upright.info
                    upright = upright.convert(
                        "RGBA" if has_alpha and "RGBA" in MODES[kind] else MODES[kind][0]
                    )
                output = io.BytesIO()
                icc_profile = image.info.get("icc_profile")
                upright.save(
                    output, format=kind, **options, **({"icc_profile": icc_profile} if icc_profile else {})
                )
    except UnidentifiedImageError as exc:
        raise ImageRejected("Upload a JPEG, PNG or WebP image.") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(
            f"The image has too many pixels; at most {max_pixels:,} pixels are accepted."
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected("The image is damaged or incomplete.") from exc
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
