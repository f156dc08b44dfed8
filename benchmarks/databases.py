"""The benchmarks' PostgreSQL databases: each script names its own, and creates it on its first run."""

from urllib.parse import urlsplit


def create_database_if_missing(database_url: str) -> None:
    """Create the database the URL names unless it exists (connecting to the server's `postgres` database)."""
    import psycopg
    from psycopg import sql

    name = urlsplit(database_url).path.lstrip("/")
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
