from django.core.exceptions import ValidationError as DjangoValidationError

from common.errors import DomainError
from common.exceptions import api_exception_handler


def test_django_validation_errors_become_400_in_drf_shape():
    response = api_exception_handler(DjangoValidationError({"sku": ["Taken."]}), {})
    assert response.status_code == 400
    assert response.data == {"sku": ["Taken."]}


def test_unknown_exceptions_are_left_to_django():
    assert api_exception_handler(RuntimeError("boom"), {}) is None


class ItemLockedError(DomainError):
    status_code = 423

    def body(self, view):
        return {"detail": str(self), "view": view}

    def headers(self):
        return {"Retry-After": "5"}


def test_domain_errors_answer_with_their_own_status_body_and_headers():
    response = api_exception_handler(ItemLockedError("Locked by a count."), {"view": "the view"})
    assert response.status_code == 423
    assert response.data == {"detail": "Locked by a count.", "view": "the view"}
    assert response["Retry-After"] == "5"


def test_a_domain_error_is_400_with_its_message_by_default():
    response = api_exception_handler(DomainError("Not like that."), {})
    assert (response.status_code, response.data) == (400, {"detail": "Not like that."})
