"""Alembic migrations. Each area adds its own branch from the foundation (``upgrade heads``)."""
