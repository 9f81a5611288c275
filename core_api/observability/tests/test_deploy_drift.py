"""deploy/ stays true to the app: every metric an alert or a dashboard panel reads is
exposed by /metrics, and every alert explains itself and links a runbook section that exists."""

import json
import re

import pytest
import yaml
from django.conf import settings

from observability.tests.test_metrics import TOKEN, FakeRedis

DEPLOY = settings.REPO_DIR / "deploy"
RUNBOOK = settings.REPO_DIR / "docs" / "runbook.md"
METRIC = re.compile(r"\bomnistock_[a-z0-9_]+")
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",)}


def alert_rules() -> list[dict]:
    groups = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard_expressions() -> list[str]:
    dashboard = json.loads((DEPLOY / "grafana" / "omnistock-dashboard.json").read_text())
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def runbook_anchors() -> set[str]:
    """GitHub's anchors for the runbook's headings."""
    headings = re.findall(r"^#{1,6} (.+)$", RUNBOOK.read_text(), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


@pytest.fixture
def exposed_names(settings, api_client, monkeypatch, db):
    """Every sample name /metrics can carry (the queue depth needs a Redis broker: a fake one)."""
    import redis
    from prometheus_client.parser import text_string_to_metric_families

    settings.METRICS_TOKEN = TOKEN
    settings.CELERY_BROKER_URL = "redis://broker.invalid:6379/0"
    monkeypatch.setattr(redis.Redis, "from_url", lambda *args, **kwargs: FakeRedis())
    response = api_client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return {
        family.name + suffix
        for family in text_string_to_metric_families(response.content.decode())
        for suffix in SUFFIXES.get(family.type, ("",))
    }


def test_every_metric_an_alert_or_a_panel_reads_is_exposed(exposed_names):
    read = {
        name
        for expr in [rule["expr"] for rule in alert_rules()] + dashboard_expressions()
        for name in METRIC.findall(expr)
    }
    assert read, "no metric found in deploy/: the patterns no longer match"
    assert read - exposed_names == set()


def test_every_alert_has_a_one_line_meaning_and_a_runbook_section():
    anchors = runbook_anchors()
    rules = alert_rules()
    assert len(rules) >= 5
    for rule in rules:
        summary = rule["annotations"]["summary"]
        assert summary, rule["alert"]
        assert "\n" not in summary.strip(), rule["alert"]
        page, _, anchor = rule["annotations"]["runbook_url"].partition("#")
        assert page == "docs/runbook.md", rule["alert"]
        assert anchor in anchors, f"{rule['alert']}: no '{anchor}' section in docs/runbook.md"


def test_the_anchor_rule_matches_githubs():
    assert "5xx-rate" in runbook_anchors()
    assert "back-up-and-restore-postgresql" in runbook_anchors()
