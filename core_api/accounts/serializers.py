from rest_framework import serializers

from .models import Role, Vendor


class VendorSummarySerializer(serializers.ModelSerializer):
    currency = serializers.CharField(source="default_currency", read_only=True)

    class Meta:
        model = Vendor
        fields = ["id", "name", "slug", "currency"]
        read_only_fields = fields


class MeSerializer(serializers.Serializer):
    """The signed-in user as the SPA and integrations need it."""

    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True, allow_null=True)
    vendor = VendorSummarySerializer(read_only=True, allow_null=True)
