"""The shop's staff run by its owners (accounts/staff.py): invite, change, deactivate, remove."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from accounts.models import Role, ShopChange
from accounts.tests.factories import UserFactory
from accounts.tokens import token_pair_for

pytestmark = pytest.mark.django_db
STAFF = "/api/v1/staff/"
ACCEPT = reverse("auth:invitation")
NEW_PASSWORD = "a-long-enough-new-password-7"


def member_url(user):
    return f"{STAFF}{user.pk}/"


def invite(client, username="misty", role="editor", email="misty@example.com"):
    return client.post(STAFF, {"username": username, "email": email, "role": role}, format="json")


def test_any_member_sees_the_staff_of_their_own_shop_only(viewer_client, owner, editor, viewer, other_owner):
    response = viewer_client.get(STAFF)
    assert response.status_code == 200
    assert [(m["username"], m["role"], m["is_active"]) for m in response.json()] == [
        ("editor", "editor", True),
        ("owner", "owner", True),
        ("viewer", "viewer", True),
    ]
    assert viewer_client.get(member_url(other_owner)).status_code == 404


@pytest.mark.parametrize("client_name", ["editor_client", "viewer_client"])
def test_only_owners_change_staff(request, client_name, viewer):
    client = request.getfixturevalue(client_name)
    assert invite(client).status_code == 403
    assert client.patch(member_url(viewer), {"role": "editor"}, format="json").status_code == 403
    assert client.delete(member_url(viewer)).status_code == 403
    assert client.get(f"{STAFF}history/").status_code == 403


def test_an_invited_member_sets_a_password_once_and_signs_in(owner_client, owner, vendor):
    response = invite(owner_client)
    assert response.status_code == 201
    body = response.json()
    assert body["member"]["role"] == "editor"
    assert body["member"]["invitation_pending"] is True
    invitation = body["invitation"]
    assert invitation["path"] == f"/invite/{invitation['uid']}/{invitation['token']}"
    assert invitation["expires_in_days"] == 7
    misty = User.objects.get(username="misty")
    assert not misty.has_usable_password()
    assert (misty.profile.vendor, misty.profile.role) == (vendor, Role.EDITOR)

    accepted = APIClient().post(
        ACCEPT,
        {"uid": invitation["uid"], "token": invitation["token"], "password": NEW_PASSWORD},
        format="json",
    )
    assert accepted.status_code == 200
    assert {"access", "refresh"} <= set(accepted.json())
    me = APIClient(HTTP_AUTHORIZATION=f"Bearer {accepted.json()['access']}").get("/api/v1/auth/me/").json()
    assert (me["username"], me["role"], me["vendor"]["id"]) == ("misty", "editor", vendor.pk)
    login = APIClient().post(
        "/api/v1/auth/token/", {"username": "misty", "password": NEW_PASSWORD}, format="json"
    )
    assert login.status_code == 200

    # The link works once.
    again = APIClient().post(
        ACCEPT,
        {"uid": invitation["uid"], "token": invitation["token"], "password": NEW_PASSWORD + "x"},
        format="json",
    )
    assert again.status_code == 400
    assert "used or has expired" in again.json()["detail"]
    assert [c.kind for c in ShopChange.objects.order_by("at", "id")] == [
        "member_invited",
        "invitation_accepted",
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"uid": "nonsense", "token": "x", "password": NEW_PASSWORD}, "detail"),
        ({"uid": "MQ", "token": "not-a-token", "password": NEW_PASSWORD}, "detail"),
        # ids beyond the database's bigint, negative, or not numbers at all
        ({"uid": "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk", "token": "x", "password": NEW_PASSWORD}, "detail"),
        ({"uid": "LTU", "token": "x", "password": NEW_PASSWORD}, "detail"),
        ({"uid": "!!!", "token": "x", "password": NEW_PASSWORD}, "detail"),
        ({"password": NEW_PASSWORD}, "uid"),
    ],
)
def test_a_bad_invitation_is_a_400(owner_client, change, field):
    invite(owner_client)
    response = APIClient().post(ACCEPT, change, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_a_weak_password_is_refused_and_the_link_still_works(owner_client):
    invitation = invite(owner_client).json()["invitation"]
    weak = APIClient().post(
        ACCEPT, {"uid": invitation["uid"], "token": invitation["token"], "password": "123"}, format="json"
    )
    assert weak.status_code == 400
    assert "password" in weak.json()
    ok = APIClient().post(
        ACCEPT,
        {"uid": invitation["uid"], "token": invitation["token"], "password": NEW_PASSWORD},
        format="json",
    )
    assert ok.status_code == 200


def test_a_withdrawn_invitation_cannot_be_accepted(owner_client):
    body = invite(owner_client).json()
    owner_client.delete(member_url(User.objects.get(username="misty")))
    response = APIClient().post(
        ACCEPT,
        {"uid": body["invitation"]["uid"], "token": body["invitation"]["token"], "password": NEW_PASSWORD},
        format="json",
    )
    assert response.status_code == 400
    assert "withdrawn" in response.json()["detail"]


def test_an_owner_renews_a_pending_invitation_but_not_an_accepted_one(owner_client, editor):
    invite(owner_client)
    misty = User.objects.get(username="misty")
    renewed = owner_client.post(f"{member_url(misty)}invitation/")
    assert renewed.status_code == 200
    assert renewed.json()["path"].startswith("/invite/")
    assert owner_client.post(f"{member_url(editor)}invitation/").status_code == 400


@pytest.mark.parametrize(
    ("username", "message"),
    [("owner", "taken"), ("OWNER", "taken"), ("bad name!", "Letters"), ("", "blank")],
)
def test_an_invalid_username_is_a_400(owner_client, username, message):
    response = invite(owner_client, username=username)
    assert response.status_code == 400
    assert "username" in response.json()


def test_a_role_change_ends_the_members_sessions_and_is_in_the_history(owner_client, owner, editor):
    token_pair_for(editor)
    assert (
        owner_client.patch(member_url(editor), {"role": "viewer"}, format="json").json()["role"] == "viewer"
    )
    live = OutstandingToken.objects.filter(user=editor)
    assert live.exists()
    assert BlacklistedToken.objects.filter(token__in=live).count() == live.count()
    change = ShopChange.objects.get()
    assert (change.kind, change.actor, change.member_username, change.old_value, change.new_value) == (
        "role_changed",
        owner,
        "editor",
        "editor",
        "viewer",
    )
    history = owner_client.get(f"{STAFF}history/").json()
    assert history[0]["actor"] == "owner"
    assert history[0]["kind"] == "role_changed"


def test_deactivation_and_reactivation(owner_client, editor):
    token_pair_for(editor)
    response = owner_client.patch(member_url(editor), {"is_active": False}, format="json")
    assert response.json()["is_active"] is False
    assert BlacklistedToken.objects.filter(token__user=editor).exists()
    assert (
        APIClient()
        .post(
            "/api/v1/auth/token/", {"username": "editor", "password": "correct-horse-battery"}, format="json"
        )
        .status_code
        == 401
    )
    owner_client.patch(member_url(editor), {"is_active": True}, format="json")
    assert [c.kind for c in ShopChange.objects.order_by("at", "id")] == [
        "member_deactivated",
        "member_reactivated",
    ]


def test_removal_detaches_the_member_and_ends_their_sessions(owner_client, editor, vendor):
    token_pair_for(editor)
    assert owner_client.delete(member_url(editor)).status_code == 204
    editor.refresh_from_db()
    assert (editor.profile.vendor, editor.profile.role) == (None, Role.VIEWER)
    assert BlacklistedToken.objects.filter(token__user=editor).exists()
    assert owner_client.get(member_url(editor)).status_code == 404


def test_the_last_active_owner_cannot_be_demoted_deactivated_or_removed(owner_client, owner, vendor):
    for call in (
        lambda: owner_client.patch(member_url(owner), {"role": "editor"}, format="json"),
        lambda: owner_client.patch(member_url(owner), {"is_active": False}, format="json"),
        lambda: owner_client.delete(member_url(owner)),
    ):
        response = call()
        assert response.status_code == 409
        assert "active owner" in response.json()["detail"]
    owner.refresh_from_db()
    assert (owner.is_active, owner.profile.role, owner.profile.vendor) == (True, Role.OWNER, vendor)
    # With a second owner, the first may step down.
    second = UserFactory(username="second-owner", vendor=vendor, role=Role.OWNER)
    assert owner_client.patch(member_url(second), {"role": "owner"}, format="json").status_code == 200
    assert owner_client.patch(member_url(owner), {"role": "editor"}, format="json").status_code == 200


def test_an_inactive_owner_does_not_count_as_the_shops_owner(owner_client, owner, vendor):
    UserFactory(username="dormant", vendor=vendor, role=Role.OWNER, is_active=False)
    assert owner_client.delete(member_url(owner)).status_code == 409


def test_an_empty_change_is_a_400(owner_client, editor):
    response = owner_client.patch(member_url(editor), {}, format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_member_of_another_shop_is_not_found(owner_client, other_owner):
    assert owner_client.patch(member_url(other_owner), {"role": "viewer"}, format="json").status_code == 404
    assert owner_client.delete(member_url(other_owner)).status_code == 404
