"""What an on-call engineer sees of a running Omni-Stock (docs/observability.md).

Request ids, structured logs, the access line, metrics, error reporting,
tracing. The top of the app graph: it may read every app, none reads it.
Modules that gunicorn.conf.py or config/celery.py import before Django is set
up (context, logs) import nothing from Django at module level.
"""
