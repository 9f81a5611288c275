from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CommonConfig(AppConfig):
    name = "common"

    def ready(self) -> None:
        from common.db_settings import store_search_threshold_on_database

        post_migrate.connect(store_search_threshold_on_database, sender=self)
