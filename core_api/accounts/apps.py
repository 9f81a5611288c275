from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Vendors and staff"

    def ready(self) -> None:
        from . import flags, schema, signals  # noqa: F401  (registers OpenAPI extensions; connects receivers)
