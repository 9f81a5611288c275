"""Import batches: a file brought into a vendor's inventory, previewed, committed, rolled back."""

from django.conf import settings
from django.db import models

from accounts.models import Vendor
from collectibles.models import Collectible

from .formats.registry import FORMAT_CHOICES


class ImportMode(models.TextChoices):
    SET = "set", "Set quantities to the file's"
    ADD = "add", "Add the file's quantities"


class BatchStatus(models.TextChoices):
    PREVIEW = "preview", "Preview"
    COMMITTED = "committed", "Committed"
    ROLLED_BACK = "rolled_back", "Rolled back"


class RowOutcome(models.TextChoices):
    CREATE = "create", "Create"
    UPDATE = "update", "Update"
    UNCHANGED = "unchanged", "Unchanged"
    ERROR = "error", "Error"


class ImportBatch(models.Model):
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="import_batches")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=255)
    format = models.CharField(max_length=20, choices=FORMAT_CHOICES)
    encoding = models.CharField(max_length=20)
    mode = models.CharField(max_length=3, choices=ImportMode.choices, default=ImportMode.SET)
    status = models.CharField(max_length=12, choices=BatchStatus.choices, default=BatchStatus.PREVIEW)
    total_rows = models.PositiveIntegerField(default=0)
    create_count = models.PositiveIntegerField(default=0)
    update_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rolled_back_at = models.DateTimeField(null=True, blank=True)
    rolled_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["vendor", "-created_at"], name="batch_vendor_newest_idx")]

    def __str__(self) -> str:
        return f"Import #{self.pk} ({self.format}, {self.status})"

    @property
    def label(self) -> str:
        """How the batch's changes are labelled in the change history."""
        return f"Import #{self.pk}"


class ImportRow(models.Model):
    """One row of the file: what it said, what it means, and (after commit) what it did."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(help_text="Line of the file the row starts on.")
    raw = models.JSONField(help_text="The source row as read from the file, for audit.")
    outcome = models.CharField(max_length=10, choices=RowOutcome.choices)
    errors = models.JSONField(default=dict, blank=True)
    # The row in Omni-Stock's terms, as the commit will write it.
    data = models.JSONField(default=dict, blank=True)
    changes = models.JSONField(default=dict, blank=True, help_text="field → [old, new] for updates.")
    collectible = models.ForeignKey(
        Collectible,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        help_text="The matched item (updates), or the created item after commit.",
    )
    matched_version = models.PositiveIntegerField(null=True, blank=True)
    before = models.JSONField(null=True, blank=True, help_text="The item before commit (updates).")
    committed_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["line"]
        indexes = [models.Index(fields=["batch", "outcome", "line"], name="importrow_batch_outcome_idx")]

    def __str__(self) -> str:
        return f"line {self.line}: {self.outcome}"
