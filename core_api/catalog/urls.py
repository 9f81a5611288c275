from rest_framework.routers import DefaultRouter

from .views import CardSetViewSet, PrintingViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("catalog/printings", PrintingViewSet, basename="printing")
router.register("catalog/sets", CardSetViewSet, basename="card-set")

urlpatterns = router.urls
