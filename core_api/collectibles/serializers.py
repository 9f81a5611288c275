"""Shape and validation of collectibles on the wire. Writes go to services.py."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.base import ContentFile
from django.forms.models import model_to_dict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.currencies import validate_currency_code
from common.parsers import BoundedJSONField

from .choices import BulkAction, BulkItemStatus, HistoryAction, MovementReason
from .filters import CollectibleFilter
from .images import ImageRejected, megabytes, reencoded
from .models import CARD_DETAILS_FIELDS, MAX_ID, MAX_QUANTITY, CardDetails, Collectible, StockMovement
from .validators import (
    MAX_EXTERNAL_ID_KEY_LENGTH,
    MAX_EXTERNAL_ID_VALUE_LENGTH,
    MAX_EXTERNAL_IDS,
    validate_external_ids,
)


class CardDetailsSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardDetails
        fields = list(CARD_DETAILS_FIELDS)
        # "No grading" is null; an empty string would be a second way to say it.
        extra_kwargs = {"grading_company": {"allow_blank": False}}


@extend_schema_field(
    {
        "type": "object",
        "description": (
            'Marketplace ids, e.g. `{"tcgplayer": "83712", "cardmarket": "273699"}`: '
            f"at most {MAX_EXTERNAL_IDS} entries, keys of 1–{MAX_EXTERNAL_ID_KEY_LENGTH} "
            f"characters, values strings (≤ {MAX_EXTERNAL_ID_VALUE_LENGTH} characters) or numbers."
        ),
        "maxProperties": MAX_EXTERNAL_IDS,
        "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "number"}]},
        "example": {"tcgplayer": "83712", "cardmarket": "273699"},
    }
)
class ExternalIdsField(BoundedJSONField):
    pass


class CollectibleSerializer(serializers.ModelSerializer):
    """A collectible with its optional nested `card_details`.

    What `card_details` means in each request (all applied in one transaction):

    - create: an object creates the card details; missing or `null` creates none
      (sealed product);
    - PUT: an object replaces the card details (fields left out take their
      defaults); `null` removes them; missing leaves them as they are;
    - PATCH: an object is merged into the existing card details (only the fields
      sent change; when there are none yet, the required fields must be sent);
      `null` removes them; missing leaves them as they are.
    """

    card_details = CardDetailsSerializer(required=False, allow_null=True)
    external_ids = ExternalIdsField(required=False, validators=[validate_external_ids])
    currency = serializers.CharField(
        required=False,
        max_length=3,
        validators=[validate_currency_code],
        help_text="ISO 4217; defaults to the vendor's currency.",
    )
    image = serializers.ImageField(read_only=True, allow_null=True)
    # Declared rather than derived from the model so the bound is PostgreSQL's
    # `integer` whichever database generates the schema.
    quantity = serializers.IntegerField(min_value=0, max_value=MAX_QUANTITY, required=False)

    class Meta:
        model = Collectible
        fields = [
            "id",
            "vendor",
            "user",
            "name",
            "description",
            "sku",
            "condition",
            "quantity",
            "price",
            "currency",
            "release_date",
            "external_ids",
            "image",
            "card_details",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "vendor", "user", "image", "version", "created_at", "updated_at"]

    def validate_sku(self, value: str) -> str:
        value = value.strip()
        vendor_id = self.context.get("vendor_id")
        if value and vendor_id is not None:
            clash = Collectible.objects.filter(vendor_id=vendor_id, sku=value)
            if self.instance is not None:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                raise serializers.ValidationError("Your vendor already has a collectible with this SKU.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if isinstance(attrs.get("card_details"), dict):
            attrs["card_details"] = self._final_card_details(attrs["card_details"])
        return attrs

    def _final_card_details(self, sent: dict[str, Any]) -> dict[str, Any]:
        """The card details as they will be stored, checked against the model's rules."""
        existing = getattr(self.instance, "card_details", None) if self.instance else None
        if self.partial and existing is None:
            # Nothing to merge into: this PATCH creates card details, so the
            # fields a new one needs are required after all.
            full = CardDetailsSerializer(data=self.initial_data.get("card_details"))
            if not full.is_valid():
                raise serializers.ValidationError({"card_details": full.errors})
        base = model_to_dict(existing, fields=list(CARD_DETAILS_FIELDS)) if self.partial and existing else {}
        final = {**base, **sent}
        try:
            CardDetails(**final).full_clean(
                exclude=["collectible"], validate_unique=False, validate_constraints=False
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"card_details": exc.message_dict}) from exc
        return final


class CollectibleImageSerializer(serializers.Serializer):
    image = serializers.FileField(
        help_text="JPEG, PNG or WebP; at most 5 MB and 40 million pixels by default. Stored re-encoded "
        "(metadata removed) under a new name."
    )

    def validate_image(self, value: Any) -> "ContentFile[bytes]":
        limit = settings.MAX_IMAGE_UPLOAD_BYTES
        if value.size > limit:
            raise serializers.ValidationError(f"Images may be at most {megabytes(limit)}.")
        try:
            return reencoded(value)
        except ImageRejected as rejected:
            raise serializers.ValidationError(str(rejected)) from rejected


class StockAdjustmentSerializer(serializers.Serializer):
    delta = serializers.IntegerField(
        min_value=-MAX_QUANTITY,
        max_value=MAX_QUANTITY,
        help_text="Units to add (positive) or remove (negative); never zero.",
    )
    reason = serializers.ChoiceField(choices=MovementReason.choices)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")

    def validate_delta(self, value: int) -> int:
        if value == 0:
            raise serializers.ValidationError("A stock adjustment must change the quantity.")
        return value


class UserSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)


class StockMovementSerializer(serializers.ModelSerializer):
    user = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = StockMovement
        fields = [
            "id",
            "collectible",
            "delta",
            "quantity_after",
            "reason",
            "note",
            "user",
            "import_batch",
            "created_at",
        ]
        read_only_fields = fields


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="Field name; card details are `card_details.<field>`.")
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The operation's id.")
    at = serializers.DateTimeField()
    user = UserSummarySerializer(allow_null=True, help_text="Who did it; null for system changes.")
    action = serializers.ChoiceField(choices=HistoryAction.choices)
    # The metaclass pops declared fields, so this does not shadow Field.label at run time.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text='What it was, e.g. "Updated", "Stock adjustment (sale)", "Bulk edit".'
    )
    changes = FieldChangeSerializer(many=True)


class StockConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    quantity = serializers.IntegerField(help_text="The quantity in stock now.")


class PreconditionFailedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = CollectibleSerializer(help_text="The collectible as it is now (its `version` is the ETag).")


class BulkChangesSerializer(serializers.ModelSerializer):
    """The fields a bulk edit may set (the same rules as a single edit)."""

    quantity = serializers.IntegerField(min_value=0, max_value=MAX_QUANTITY, required=False)
    currency = serializers.CharField(required=False, max_length=3, validators=[validate_currency_code])

    class Meta:
        model = Collectible
        fields = ["price", "quantity", "condition", "currency", "release_date", "description"]
        extra_kwargs = {name: {"required": False} for name in fields}


MAX_FILTER_VALUE_LENGTH = 200


class BulkRequestSerializer(serializers.Serializer):
    """Which items (`ids`, or `filters` with the list's query parameters) and what to do."""

    action = serializers.ChoiceField(choices=BulkAction.choices)
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        allow_empty=False,
        max_length=100_000,
    )
    filters = serializers.DictField(
        # The list's own parameters arrive in a URL of a few kB; a body could carry megabytes.
        child=serializers.CharField(allow_blank=True, max_length=MAX_FILTER_VALUE_LENGTH),
        required=False,
        help_text="The list endpoint's query parameters (search, language, …), e.g. to act on "
        '"all items matching the current view".',
    )
    changes = BulkChangesSerializer(required=False)

    def validate_filters(self, filters: dict[str, str]) -> dict[str, str]:
        # A misspelt filter must not be ignored: the request would then act on every item.
        unknown = sorted(set(filters) - set(CollectibleFilter.base_filters))
        if unknown:
            raise serializers.ValidationError(
                f"Unknown filter(s): {', '.join(unknown)}. Filters select every matching item, on every "
                f"page; use {', '.join(sorted(CollectibleFilter.base_filters))}."
            )
        return filters

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("ids" in attrs) == ("filters" in attrs):
            raise serializers.ValidationError("Give either `ids` or `filters`.")
        if attrs["action"] == "update" and not attrs.get("changes"):
            raise serializers.ValidationError({"changes": ["Say what to change."]})
        return attrs


class BulkItemResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=BulkItemStatus.choices)


class BulkResultSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=BulkAction.choices)
    count = serializers.IntegerField()
    results = BulkItemResultSerializer(many=True)


class BulkRejectedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    results = BulkItemResultSerializer(many=True)
