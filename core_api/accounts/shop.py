"""The shop's own settings, changed by its owners, each change in the shop's history.

Currency rule (decision): every item carries its own currency, so changing the shop's
default currency never re-prices or mixes anything — it only applies to items created
afterwards. Lists, exports and the dashboard total per currency.
"""

from typing import Any

from django.db import transaction

from .models import ShopChange, ShopChangeKind, Vendor

SETTINGS = ("name", "contact_email", "default_currency", "time_zone", "low_stock_threshold")


@transaction.atomic
def shop_settings_change(*, vendor: Vendor, actor: Any, **changes: Any) -> Vendor:
    """Apply the owner's changes (validated by the caller); one history entry per changed setting."""
    vendor = Vendor.objects.select_for_update().get(pk=vendor.pk)
    changed = []
    for field, value in changes.items():
        old = getattr(vendor, field)
        if field in SETTINGS and value != old:
            setattr(vendor, field, value)
            changed.append(field)
            ShopChange.objects.create(
                vendor=vendor,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                kind=ShopChangeKind.SETTINGS_CHANGED,
                member_username=field,
                old_value=str(old)[:100],
                new_value=str(value)[:100],
            )
    if changed:
        vendor.save(update_fields=[*changed, "updated_at"])
    return vendor
