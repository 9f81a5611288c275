from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from .models import Role, ShopChange


class StaffMemberSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, source="profile.role", read_only=True)
    is_active = serializers.BooleanField(read_only=True)
    invitation_pending = serializers.SerializerMethodField(
        help_text="Invited, and has not set a password yet (the owner may renew the link)."
    )
    last_login = serializers.DateTimeField(read_only=True, allow_null=True)
    date_joined = serializers.DateTimeField(read_only=True)

    def get_invitation_pending(self, member: User) -> bool:
        return not member.has_usable_password()


class StaffInviteSerializer(serializers.Serializer):
    username = serializers.RegexField(
        r"^[\w.@+-]+\Z",
        max_length=150,
        validators=[UniqueValidator(User.objects.all(), message="This username is taken.", lookup="iexact")],
        help_text="Letters, digits and @ . + - _ only.",
    )
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationSerializer(serializers.Serializer):
    uid = serializers.CharField()
    token = serializers.CharField()
    path = serializers.CharField(help_text="Where the member accepts it in the app: hand them this link.")
    expires_in_days = serializers.IntegerField()


class StaffInvitedSerializer(serializers.Serializer):
    member = StaffMemberSerializer()
    invitation = InvitationSerializer()


class StaffChangeSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    is_active = serializers.BooleanField(required=False)

    def validate(self, attrs: dict) -> dict:
        if not attrs:
            raise serializers.ValidationError("Send `role`, `is_active` or both.")
        return attrs


class InvitationAcceptSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})

    def validate_password(self, value: str) -> str:
        validate_password(value)
        return value


class ShopChangeSerializer(serializers.ModelSerializer):
    actor: serializers.SlugRelatedField[User] = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = ShopChange
        fields = ["id", "at", "kind", "actor", "member_username", "old_value", "new_value"]
        read_only_fields = fields
