"""Alembic environment: runs on the connection `marsad.store.migrate` hands over (no alembic.ini).

For manual use, `alembic -x url=sqlite:///out/marsad.db upgrade head` with a config whose
`script_location` points here works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from marsad.store.models import Base

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    x_args = context.get_x_argument(as_dictionary=True)
    offline_url = config.get_main_option("sqlalchemy.url") or x_args.get("url")
    context.configure(url=offline_url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    conn = config.attributes.get("connection")
    if conn is not None:
        _run(conn)
    else:
        x_url = context.get_x_argument(as_dictionary=True).get("url")
        engine = create_engine(x_url or config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
