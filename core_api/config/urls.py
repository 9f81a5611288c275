from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from common.health import healthz, readyz
from common.spa import api_not_found, spa_index

api_v1: list[URLPattern | URLResolver] = [
    path("auth/", include("accounts.urls")),
    path("", include("collectibles.urls")),
    path("", include("imports.urls")),
    path("", include("catalog.urls")),
    path("", include("dashboard.urls")),
    path("", include("accounts.staff_urls")),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # The split view serves Swagger UI's initializer as a script file: the CSP allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Only paths ending in "/", so APPEND_SLASH still redirects /api/v1/collectibles.
    re_path(r"^api/(?:.*/)?$", api_not_found),
    # Everything else that is not served by Django or WhiteNoise is a client-side route.
    re_path(r"^(?!(?:api|admin|static|media|assets)(?:/|$)|healthz$|readyz$).*$", spa_index, name="spa"),
]
