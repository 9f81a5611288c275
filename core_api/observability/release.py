"""Which release is running: the git commit, for error reports and traces."""

import os
import subprocess
from functools import cache
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent.parent


@cache
def current_release() -> str:
    """GIT_COMMIT (set by the build: an image has no .git), else `git rev-parse HEAD`, else "unknown"."""
    from_build = os.environ.get("GIT_COMMIT", "").strip()
    if from_build:
        return from_build
    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607  (git from PATH, fixed arguments)
            cwd=REPO_DIR,
            capture_output=True,
            text=True,
            timeout=2,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return found.stdout.strip() or "unknown"
