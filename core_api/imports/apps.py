from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = "Bulk import and export"

    def ready(self) -> None:
        # collectibles serves the list's export and `import_batch` filter but must not
        # import this app (apps depend one way): plug the importer's parts in here.
        from collectibles.exports import register_export
        from collectibles.selectors import register_import_batch_items

        from .export import EXPORT_WRITERS
        from .selectors import items_of_import_batch

        for name, writer in EXPORT_WRITERS.items():
            register_export(name, writer)
        register_import_batch_items(items_of_import_batch)
