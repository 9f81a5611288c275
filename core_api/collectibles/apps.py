from django.apps import AppConfig


class CollectiblesConfig(AppConfig):
    name = "collectibles"
    verbose_name = "Inventory"
