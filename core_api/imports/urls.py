from rest_framework.routers import DefaultRouter

from .views import ImportBatchViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("imports", ImportBatchViewSet, basename="import")

urlpatterns = router.urls
