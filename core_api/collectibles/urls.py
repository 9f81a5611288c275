from rest_framework.routers import DefaultRouter

from .views import CollectibleViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("collectibles", CollectibleViewSet, basename="collectible")

urlpatterns = router.urls
