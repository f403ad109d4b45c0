"""Alembic migrations of the store, applied programmatically by `marsad.store.migrate`."""
