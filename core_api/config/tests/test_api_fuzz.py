"""Property-based fuzzing of every documented operation: no input may produce a 500.

schemathesis generates requests from the committed OpenAPI contract (valid
and invalid bodies, query strings and path ids) and sends them in-process to
the WSGI app as an authenticated owner, so the whole stack (auth, filters,
serializers, services, database) is exercised.
"""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.checks import not_a_server_error

from collectibles.tests.factories import CardFactory, CollectibleFactory
from config.tests.test_schema_snapshot import SNAPSHOT
from config.wsgi import application

schema = schemathesis.openapi.from_dict(json.loads(SNAPSHOT.read_text(encoding="utf-8")))
schema.app = application


@pytest.fixture
def owner_token(owner, vendor):
    CardFactory.create_batch(3, vendor=vendor)
    CollectibleFactory(vendor=vendor)
    return str(RefreshToken.for_user(owner).access_token)


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_input_produces_a_server_error(case, owner_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {owner_token}"}, checks=[not_a_server_error])
