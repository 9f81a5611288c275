"""django-waffle's migrations, as this project runs them (MIGRATION_MODULES in settings).

Waffle's own 0001 creates its Flag table (and flag↔user, flag↔group tables
referencing auth_user) even when WAFFLE_FLAG_MODEL swaps that model out
(django-waffle issue #338): tables no model owns, which `flush` cannot empty.
These are generated from waffle's models with the swap in place, so the
swapped-out Flag is recorded but never created.
"""
