from django.contrib import admin

from .models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["id", "vendor", "filename", "format", "status", "total_rows", "created_by", "created_at"]
    list_filter = ["vendor", "format", "status"]
    readonly_fields = [field.name for field in ImportBatch._meta.fields]
