"""Reading legacy `external_ids` values: classify, and coerce to a clean object.

Pure functions with no model imports: the JSON-field migration (0002) and the
`audit_external_ids` command both use them, before and after the conversion,
on whatever the raw column holds (JSON text, or already-decoded JSON).
Migrations depend on this behaviour: change it only with a new migration.
"""

import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .validators import MAX_EXTERNAL_IDS, external_ids_problems


class ExternalIdsState(StrEnum):
    VALID = "valid"
    EMPTY = "empty"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class ExternalIdsReading:
    state: ExternalIdsState
    # The clean object to store: the value itself when valid, its valid entries
    # when some entries break the rules, else {}.
    cleaned: dict[str, Any] = field(default_factory=dict)
    reason: str = ""

    @property
    def coerced(self) -> bool:
        """True when storing `cleaned` changes what the row meant."""
        return self.state is ExternalIdsState.MALFORMED or self.reason == "blank text"


def read_external_ids(raw: Any) -> ExternalIdsReading:
    value = raw
    if raw is None:
        return ExternalIdsReading(ExternalIdsState.EMPTY, reason="null")
    if isinstance(raw, bytes | bytearray):
        raw = raw.decode("utf-8", errors="replace")
    if isinstance(raw, str):
        if not raw.strip():
            return ExternalIdsReading(ExternalIdsState.EMPTY, reason="blank text")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            return ExternalIdsReading(ExternalIdsState.MALFORMED, reason=f"not JSON ({exc.msg})")
    if value is None:
        return ExternalIdsReading(ExternalIdsState.EMPTY, reason="null")
    if not isinstance(value, dict):
        return ExternalIdsReading(
            ExternalIdsState.MALFORMED, reason=f"JSON {type(value).__name__}, not an object"
        )
    if not value:
        return ExternalIdsReading(ExternalIdsState.EMPTY, reason="empty object")
    problems = external_ids_problems(value)
    if not problems:
        return ExternalIdsReading(ExternalIdsState.VALID, cleaned=value)
    kept = {k: v for k, v in value.items() if not external_ids_problems({k: v})}
    if len(kept) > MAX_EXTERNAL_IDS:
        kept = dict(list(kept.items())[:MAX_EXTERNAL_IDS])
    return ExternalIdsReading(ExternalIdsState.MALFORMED, cleaned=kept, reason="; ".join(problems))
