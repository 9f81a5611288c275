"""A task and a view that starts it, for the request-id tests only."""

import logging

from celery import shared_task
from django.http import HttpRequest, JsonResponse
from django.urls import path

logger = logging.getLogger("omnistock.tests.task")


@shared_task(name="observability.tests.say_hello")
def say_hello(name: str) -> None:
    logger.info("hello %s", name)


def start_task(request: HttpRequest) -> JsonResponse:
    logger.info("starting the task")
    say_hello.delay("shop")
    return JsonResponse({"started": True})


urlpatterns = [path("start-task/", start_task)]
