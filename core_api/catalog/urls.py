from rest_framework.routers import DefaultRouter

from .views import CardSetViewSet, PrintingViewSet

router = DefaultRouter(trailing_slash=True, use_regex_path=False)
router.include_root_view = False
# No `.json` suffix routes: the API speaks JSON only, and its paths end in "/".
router.include_format_suffixes = False
router.register("catalog/printings", PrintingViewSet, basename="printing")
router.register("catalog/sets", CardSetViewSet, basename="card-set")

urlpatterns = router.urls
