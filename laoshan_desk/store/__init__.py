"""Persistence: SQLAlchemy 2 models, the engine and sessions, Alembic migrations, list queries.

Only ``services`` imports this package; the UI never does.
"""
