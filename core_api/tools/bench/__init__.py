"""`make bench`: Omni-Stock against a naive DRF peer and the raw-SQL floor.

Never part of the product: nothing in `config/` imports this package. It loads
a large dataset into its own database (`dataset`), serves the API with
gunicorn (`server`), drives it with wrk (`load`), measures the same SQL
through bare psycopg (`floor`) and writes the report (`report`). `settings`,
`urls`, `middleware` and `naive` exist only for the servers it starts.
"""
