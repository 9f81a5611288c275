from django.core.exceptions import ValidationError as DjangoValidationError

from common.exceptions import api_exception_handler


def test_django_validation_errors_become_400_in_drf_shape():
    response = api_exception_handler(DjangoValidationError({"sku": ["Taken."]}), {})
    assert response.status_code == 400
    assert response.data == {"sku": ["Taken."]}


def test_unknown_exceptions_are_left_to_django():
    assert api_exception_handler(RuntimeError("boom"), {}) is None
