"""A real gunicorn server for the benchmark: started on a free port, stopped
(its whole process group) whatever happens."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

API_DIR = Path(__file__).resolve().parents[2]  # core_api/


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        """gunicorn's workers: the master's children."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with suppress(OSError):
                stat = (entry / "stat").read_text()
                # The command name may hold spaces; the parent pid follows its ')'.
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return sorted(pids)

    def peak_rss_mb(self) -> dict[int, float]:
        """Peak resident memory (VmHWM) of each worker since it started, in MB."""
        peaks = {}
        for pid in self.worker_pids():
            with suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks[pid] = int(line.split()[1]) / 1024
        return peaks

    def stop(self) -> None:
        """SIGTERM the process group (master and workers), SIGKILL what is left."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        # The workers are the master's children; if one outlived it, end it too.
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


def _wait_until_ready(server: Server, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.process.returncode}; see its log")
        with suppress(OSError), urllib.request.urlopen(f"{server.base_url}/healthz", timeout=2) as answer:  # noqa: S310
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz within {timeout:.0f} s")


@contextmanager
def gunicorn(env: dict[str, str], log_path: Path) -> Iterator[Server]:
    """Serve `config.wsgi` with `gunicorn.conf.py` and the bench settings."""
    port = free_port()
    server_env = {
        **os.environ,
        **env,
        "DJANGO_SETTINGS_MODULE": "tools.bench.settings",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"],
            cwd=API_DIR,
            env=server_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() reaches every worker
        )
    server = Server(process=process, port=port)
    try:
        _wait_until_ready(server)
        yield server
    finally:
        server.stop()
