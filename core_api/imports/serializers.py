from typing import Any

from django.conf import settings
from rest_framework import serializers

from collectibles.choices import Game
from collectibles.serializers import UserSummarySerializer

from .formats.registry import FORMAT_CHOICES
from .models import ImportBatch, ImportMode, ImportRow


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The CSV file (UTF-8 with or without BOM, or Windows-1252).")
    format = serializers.ChoiceField(
        choices=FORMAT_CHOICES,
        required=False,
        help_text="Force a format instead of detecting it from the header.",
    )
    mode = serializers.ChoiceField(
        choices=ImportMode.choices,
        default=ImportMode.SET,
        help_text="`set`: quantities become the file's; `add`: the file's quantities are added.",
    )
    game = serializers.ChoiceField(
        choices=Game.choices,
        required=False,
        help_text="Game for rows whose format does not say (Cardmarket without idGame; Deckbox, Moxfield "
        "and ManaBox default to Magic).",
    )

    def validate_file(self, value: Any) -> Any:
        limit = settings.IMPORT_MAX_BYTES
        if value.size > limit:
            raise serializers.ValidationError(
                f"The file is {value.size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB."
            )
        return value


class OutcomeCountsSerializer(serializers.Serializer):
    # Read-only; the metaclass pops declared fields, so these names do not
    # replace the serializer's create()/update() methods.
    create = serializers.IntegerField(source="create_count")  # type: ignore[assignment]
    update = serializers.IntegerField(source="update_count")  # type: ignore[assignment]
    unchanged = serializers.IntegerField(source="unchanged_count")
    error = serializers.IntegerField(source="error_count")


class ImportBatchSerializer(serializers.ModelSerializer):
    counts = OutcomeCountsSerializer(source="*", read_only=True)
    created_by = UserSummarySerializer(read_only=True, allow_null=True)
    committed_by = UserSummarySerializer(read_only=True, allow_null=True)
    rolled_back_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "filename",
            "format",
            "encoding",
            "mode",
            "status",
            "total_rows",
            "counts",
            "created_by",
            "created_at",
            "committed_by",
            "committed_at",
            "rolled_back_by",
            "rolled_back_at",
        ]
        read_only_fields = fields


class ImportRowSerializer(serializers.ModelSerializer):
    raw = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text="The source row as read: its non-empty cells, by column name.",
    )
    # As above: declared fields are popped, so `errors`/`data` stay the serializer's properties.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Column or field → messages (errors only).",
    )
    data = serializers.JSONField(  # type: ignore[assignment]
        help_text="What the row will write: fields and card details."
    )
    changes = serializers.DictField(
        child=serializers.ListField(child=serializers.JSONField(allow_null=True), min_length=2, max_length=2),
        help_text="field → [old, new] (updates only).",
    )

    class Meta:
        model = ImportRow
        fields = ["id", "line", "outcome", "errors", "changes", "data", "raw", "collectible"]
        read_only_fields = fields


class ImportConflictItemSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    collectible = serializers.IntegerField(allow_null=True)
    name = serializers.CharField(allow_null=True, help_text="The item's name (null when it is gone).")
    reason = serializers.CharField()


class ImportConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    items = ImportConflictItemSerializer(many=True)
