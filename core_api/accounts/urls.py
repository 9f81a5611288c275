from django.urls import path

from . import views
from .staff_views import InvitationAcceptView

app_name = "auth"

urlpatterns = [
    path("token/", views.TokenObtainView.as_view(), name="token"),
    path("token/refresh/", views.TokenRefreshView.as_view(), name="token-refresh"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("me/", views.MeView.as_view(), name="me"),
    path("password/", views.PasswordChangeView.as_view(), name="password"),
    path("invitation/", InvitationAcceptView.as_view(), name="invitation"),
]
