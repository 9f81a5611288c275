from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import UserProfile, Vendor


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
