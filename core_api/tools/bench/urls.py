"""The product's URLs plus the naive peer under /bench/naive/api/v1/."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from config.urls import urlpatterns as product_urlpatterns

from .naive import NaiveCollectibleViewSet

NAIVE_PREFIX = "bench/naive/api/v1/"

naive_router = DefaultRouter(trailing_slash=True)
naive_router.include_root_view = False
naive_router.register("collectibles", NaiveCollectibleViewSet, basename="naive-collectible")

# Before the product's URLs: those end with the SPA's catch-all route.
urlpatterns = [path(NAIVE_PREFIX, include(naive_router.urls)), *product_urlpatterns]
