"""The caller is resolved once per request (accounts/scoping.py)."""

from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.request import Request

from accounts import scoping
from accounts.models import Membership, Role
from accounts.scoping import caller_membership, caller_vendor_id

pytestmark = pytest.mark.django_db


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_membership_comes_from_the_profile(owner, vendor):
    assert caller_membership(request_of(owner)) == Membership(vendor_id=vendor.pk, role=Role.OWNER)
    assert caller_vendor_id(request_of(owner)) == vendor.pk


def test_anonymous_and_vendorless_callers_have_no_vendor(loner):
    assert caller_membership(request_of(AnonymousUser())) is None
    assert caller_vendor_id(request_of(loner)) is None


def test_it_is_resolved_once_per_request_whoever_asks(owner):
    request = request_of(owner)
    drf_request = Request(request)  # DRF's wrapper shares the Django request's cache
    drf_request.user = owner
    with mock.patch.object(scoping, "membership_for", wraps=scoping.membership_for) as lookup:
        first = caller_membership(request)
        assert caller_membership(drf_request) is first
        assert caller_vendor_id(request) == first.vendor_id
    assert lookup.call_count == 1


def test_a_request_authenticated_as_someone_else_is_resolved_again(owner, other_owner, other_vendor):
    request = request_of(owner)
    caller_membership(request)
    request.user = other_owner
    assert caller_vendor_id(request) == other_vendor.pk


def test_a_list_request_looks_the_caller_up_once(owner_client, owner):
    with mock.patch.object(scoping, "membership_for", wraps=scoping.membership_for) as lookup:
        response = owner_client.get(reverse("collectible-list"), {"search": "pika"})
    assert response.status_code == 200
    # Permission, queryset, filter set and search all asked; the caller was resolved once.
    assert lookup.call_count == 1
