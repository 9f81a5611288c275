from rest_framework import serializers

from collectibles.choices import Condition, Game

GAMES = [*Game.choices, ("other", "Other (no card details)")]


class DashboardQuerySerializer(serializers.Serializer):
    low_stock_at = serializers.IntegerField(
        min_value=1,
        max_value=1000,
        required=False,
        help_text=(
            "Items in stock at or below this quantity are running low "
            "(default: the shop's low-stock threshold, GET /shop/)."
        ),
    )


class HoldingTotalSerializer(serializers.Serializer):
    game = serializers.ChoiceField(choices=GAMES)
    currency = serializers.CharField()
    items = serializers.IntegerField(help_text="Stock lines (collectibles).")
    units = serializers.IntegerField(help_text="Sum of their quantities.")
    value = serializers.DecimalField(
        max_digits=24, decimal_places=2, help_text="Sum of price times quantity."
    )


class LowStockItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    quantity = serializers.IntegerField()
    condition = serializers.ChoiceField(choices=Condition.choices)
    set_name = serializers.CharField(allow_blank=True)
    card_number = serializers.CharField(allow_blank=True)


class LowStockSerializer(serializers.Serializer):
    at_most = serializers.IntegerField()
    count = serializers.IntegerField(help_text="Items in stock at or below `at_most`.")
    items = LowStockItemSerializer(many=True, help_text="The lowest of them (at most 10).")
    sold_out = serializers.IntegerField(help_text="Items with a quantity of zero.")


class ActivityUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class ActivityItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    deleted = serializers.BooleanField()


class ActivitySerializer(serializers.Serializer):
    id = serializers.CharField()
    at = serializers.DateTimeField()
    # The metaclass pops declared fields, so this does not shadow Field.label at run time.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text='What was done: "API update", "Stock adjustment (sale)", "Import #12", …'
    )
    user = ActivityUserSerializer(allow_null=True)
    items = serializers.IntegerField(help_text="How many items the operation touched.")
    collectible = ActivityItemSerializer(allow_null=True, help_text="The (first) item it touched.")
    import_batch = serializers.IntegerField(allow_null=True, help_text="The import it was, if it was one.")


class LastImportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    filename = serializers.CharField()
    format = serializers.CharField()
    status = serializers.CharField()
    total_rows = serializers.IntegerField()
    create_count = serializers.IntegerField()
    update_count = serializers.IntegerField()
    error_count = serializers.IntegerField()
    created_at = serializers.DateTimeField()


class DashboardSerializer(serializers.Serializer):
    holdings = HoldingTotalSerializer(many=True, help_text="Per game and currency, largest value first.")
    low_stock = LowStockSerializer()
    activity = ActivitySerializer(many=True, help_text="The newest operations, newest first (at most 10).")
    last_import = LastImportSerializer(allow_null=True)
