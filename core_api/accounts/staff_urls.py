from django.urls import path
from rest_framework.routers import DefaultRouter

from .shop_views import ShopSettingsView
from .staff_views import StaffViewSet

router = DefaultRouter(trailing_slash=True, use_regex_path=False)
router.include_root_view = False
router.include_format_suffixes = False
router.register("staff", StaffViewSet, basename="staff")

urlpatterns = [path("shop/", ShopSettingsView.as_view(), name="shop"), *router.urls]
