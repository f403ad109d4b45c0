"""The store: SQLAlchemy over SQLite (default) or PostgreSQL."""
