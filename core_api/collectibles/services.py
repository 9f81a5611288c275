"""Writes to inventory. Each service is one transaction: it succeeds whole or leaves nothing."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from accounts.models import Vendor

from .models import CardDetails, Collectible

SKU_CONSTRAINT = "collectible_unique_sku_per_vendor"


class _Unset:
    """Marks "not sent" where `None` means "remove" (card_details)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def _save_collectible(collectible: Collectible, **save_kwargs: Any) -> None:
    """Save, turning a lost race on the per-vendor SKU into a validation error.

    The serializer checks SKU uniqueness first; two requests can still pass that
    check at once, and the database constraint then decides. The savepoint
    keeps the surrounding transaction usable.
    """
    try:
        with transaction.atomic():
            collectible.save(**save_kwargs)
    except IntegrityError as exc:
        if SKU_CONSTRAINT in str(exc):
            raise ValidationError({"sku": ["Your vendor already has a collectible with this SKU."]}) from exc
        raise


def _write_card_details(collectible: Collectible, card_details: dict[str, Any] | None) -> None:
    """Store `card_details` exactly as given (replace), or remove them when None."""
    if card_details is None:
        CardDetails.objects.filter(collectible=collectible).delete()
        collectible.card_details = None
        return
    details = CardDetails(collectible=collectible, **card_details)
    details.save()
    collectible.card_details = details


@transaction.atomic
def collectible_create(
    *,
    vendor: Vendor,
    created_by: User | None,
    card_details: dict[str, Any] | None = None,
    **fields: Any,
) -> Collectible:
    """Create a collectible for `vendor`, with card details when given.

    The price is in the vendor's default currency unless `currency` is given.
    """
    fields.setdefault("currency", vendor.default_currency)
    collectible = Collectible(vendor=vendor, user=created_by, **fields)
    _save_collectible(collectible)
    if card_details is not None:
        _write_card_details(collectible, card_details)
    return collectible


@transaction.atomic
def collectible_update(*, collectible: Collectible, card_details: Any = UNSET, **fields: Any) -> Collectible:
    """Change the given fields; `card_details` is replaced (dict), removed
    (None) or left alone (UNSET). `updated_at` moves whenever anything is sent,
    card details included: a change to the card is a change to the stock line."""
    for name, value in fields.items():
        setattr(collectible, name, value)
    _save_collectible(collectible, update_fields=[*fields, "updated_at"])
    if card_details is not UNSET:
        _write_card_details(collectible, card_details)
    return collectible


@transaction.atomic
def collectible_delete(*, collectible: Collectible) -> None:
    image_name, storage = collectible.image.name, collectible.image.storage
    collectible.delete()
    if image_name:
        # After commit: a rolled-back delete must not lose the file.
        transaction.on_commit(lambda: storage.delete(image_name))


@transaction.atomic
def collectible_set_image(*, collectible: Collectible, image: UploadedFile | None) -> Collectible:
    """Replace (or with None, remove) the collectible's image."""
    previous = collectible.image.name if collectible.image else None
    storage = collectible.image.storage
    if image is None:
        collectible.image = ""
    else:
        collectible.image.save(image.name or "image", image, save=False)
    collectible.save(update_fields=["image", "updated_at"])
    if previous and previous != collectible.image.name:
        transaction.on_commit(lambda: storage.delete(previous))
    return collectible
