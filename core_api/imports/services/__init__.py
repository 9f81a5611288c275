"""The import's writes, one module per phase: preview, commit, rollback (state: what they share)."""
