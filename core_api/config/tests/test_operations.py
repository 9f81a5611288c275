"""Operational guarantees that live outside the Python code (issue 10, §6):
the Compose file, the documented cron line, the dependency audit."""

import re
import subprocess
from datetime import timedelta

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

REPO = settings.REPO_DIR


def published_ports(service: dict) -> list[str]:
    return [str(port) for port in service.get("ports", [])]


@pytest.mark.parametrize("compose_file", ["docker-compose.yml", "docker-compose.override.yml"])
def test_compose_publishes_every_port_on_loopback_only(compose_file):
    compose = yaml.safe_load((REPO / compose_file).read_text())
    ports = {name: published_ports(service) for name, service in compose["services"].items()}
    assert any(ports.values())
    exposed = {name: p for name, listed in ports.items() for p in listed if not p.startswith("127.0.0.1:")}
    assert not exposed, f"published beyond this machine: {exposed}"


def test_compose_publishes_postgresql():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    assert published_ports(compose["services"]["db"]) == ["127.0.0.1:5432:5432"]


@pytest.mark.django_db
def test_the_documented_cron_line_flushes_expired_tokens():
    deployment = (REPO / "docs" / "deployment.md").read_text()
    cron = re.search(r"^([\d*/,-]+\s+){5}.*manage\.py flushexpiredtokens$", deployment, re.MULTILINE)
    assert cron, "docs/deployment.md must give a cron line for flushexpiredtokens"
    now = timezone.now()
    common = {"token": "t", "created_at": now - timedelta(days=30)}
    OutstandingToken.objects.create(jti="expired", expires_at=now - timedelta(days=1), **common)
    OutstandingToken.objects.create(jti="current", expires_at=now + timedelta(days=1), **common)
    call_command("flushexpiredtokens")
    assert list(OutstandingToken.objects.values_list("jti", flat=True)) == ["current"]


def make_dry_run(target: str) -> str:
    return subprocess.run(  # noqa: S603  (fixed arguments)
        ["/usr/bin/make", "-n", "--no-print-directory", target],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(REPO)},
    ).stdout


def test_make_audit_checks_both_lock_files_and_is_not_part_of_make_test():
    audit = make_dry_run("audit")
    locks = r"pip-audit .*-r core_api/requirements\.txt -r core_api/requirements-dev\.txt"
    assert re.search(locks, audit, re.DOTALL)
    assert "npm audit --omit=dev" in audit
    assert "audit" not in make_dry_run("test").replace("--no-audit", "")
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "audit.yml").read_text())
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make audit" in steps
