"""Settings of the servers `make bench` starts: the deployed settings plus a
query-count response header and the naive peer's URLs. Never used by the product."""

import warnings
from datetime import timedelta

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE, SIMPLE_JWT

ROOT_URLCONF = "tools.bench.urls"
# Outermost, so the count covers authentication and every middleware.
MIDDLEWARE = ["tools.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

# The API serves no static files; WhiteNoise would warn that STATIC_ROOT was never collected.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

# Tokens outlive a run (the product caps access tokens at 60 minutes: a claim-trusting
# read window; a benchmark has no such users to lose).
SIMPLE_JWT = {**SIMPLE_JWT, "ACCESS_TOKEN_LIFETIME": timedelta(hours=10)}
