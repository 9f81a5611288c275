"""Developer tooling beside the product (benchmarks); never imported by the apps."""
