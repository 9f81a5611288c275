from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
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
    flags = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=(
            "Names of the feature flags on for this user (for everyone, their vendor, or them), "
            "sorted. The SPA hides what a flag that is not listed would show."
        ),
    )


class PasswordChangeSerializer(serializers.Serializer):
    """The caller's current password and the one to replace it (Django's password
    validators, AUTH_PASSWORD_VALIDATORS, judge the new one against this user)."""

    old_password = serializers.CharField(write_only=True, trim_whitespace=False, max_length=4096)
    new_password = serializers.CharField(write_only=True, trim_whitespace=False, max_length=4096)

    def validate_old_password(self, value: str) -> str:
        if not self.context["request"].user.check_password(value):
            raise serializers.ValidationError("This is not your current password.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        try:
            validate_password(attrs["new_password"], user=self.context["request"].user)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"new_password": list(error.messages)}) from error
        return attrs


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(read_only=True)
    refresh = serializers.CharField(read_only=True)
