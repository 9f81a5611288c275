"""LeanFilterSet (common/filtersets.py) behaves as django-filter's FilterSet."""

import pytest
from django.http import QueryDict

from collectibles.filters import CollectibleFilter
from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db


def test_each_filterset_gets_its_own_filters_bound_to_it(vendor):
    first, second = CollectibleFilter(QueryDict("")), CollectibleFilter(QueryDict(""))
    assert first.filters["in_stock"] is not second.filters["in_stock"]
    assert first.filters["in_stock"].parent is first
    assert first.filters["in_stock"].filter.f is first.filters["in_stock"]  # `method=` helper rebound


def test_method_filters_and_validation_work_on_every_request(vendor):
    CollectibleFactory(vendor=vendor, quantity=0)
    CardFactory(vendor=vendor, quantity=3)
    queryset = Collectible.objects.filter(vendor=vendor)
    for _ in range(3):
        assert CollectibleFilter(QueryDict("in_stock=false"), queryset=queryset).qs.count() == 1
        invalid = CollectibleFilter(QueryDict("in_stock=maybe&price_min=abc"), queryset=queryset)
        assert not invalid.is_valid()
        assert set(invalid.errors) == {"in_stock", "price_min"}


def test_the_form_class_is_built_once():
    assert (
        CollectibleFilter(QueryDict("")).get_form_class() is CollectibleFilter(QueryDict("")).get_form_class()
    )
