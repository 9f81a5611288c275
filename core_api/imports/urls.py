from rest_framework.routers import DefaultRouter

from .views import ImportBatchViewSet

router = DefaultRouter(trailing_slash=True, use_regex_path=False)
router.include_root_view = False
# No `.json` suffix routes: the API speaks JSON only, and its paths end in "/".
router.include_format_suffixes = False
router.register("imports", ImportBatchViewSet, basename="import")

urlpatterns = router.urls
