from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Vendors and staff"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the profile-creation receiver)
