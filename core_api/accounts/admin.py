from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from waffle.admin import FlagAdmin as WaffleFlagAdmin
from waffle.admin import SampleAdmin, SwitchAdmin
from waffle.models import Sample, Switch

from .models import Flag, UserProfile, Vendor


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "default_currency", "contact_email", "created_at"]
    search_fields = ["name", "slug", "contact_email"]
    prepopulated_fields = {"slug": ["name"]}


class UserProfileInline(admin.StackedInline):
    model = UserProfile
    can_delete = False
    fk_name = "user"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [UserProfileInline]
    list_display = ["username", "email", "vendor", "role", "is_staff"]
    list_select_related = ["profile__vendor"]

    @admin.display(ordering="profile__vendor__name")
    def vendor(self, user: "User") -> str:  # type: ignore[valid-type]
        return str(user.profile.vendor or "—")  # type: ignore[attr-defined]

    @admin.display(ordering="profile__role")
    def role(self, user: "User") -> str:  # type: ignore[valid-type]
        return str(user.profile.role)  # type: ignore[attr-defined]


@admin.register(Flag)
class FlagAdmin(WaffleFlagAdmin):
    """Waffle's flag admin, plus the vendors a flag is on for (one shop first)."""

    filter_horizontal = ["vendors"]

    def get_list_display(self, request: Any) -> Any:
        return [*super().get_list_display(request), "vendor_names"]

    @admin.display(description="vendors")
    def vendor_names(self, flag: Flag) -> str:
        return ", ".join(vendor.name for vendor in flag.vendors.all()) or "-"

    def get_queryset(self, request: Any) -> Any:
        return super().get_queryset(request).prefetch_related("vendors")


admin.site.register(Switch, SwitchAdmin)
admin.site.register(Sample, SampleAdmin)
