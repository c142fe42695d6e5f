"""Team server passwords live in the user's keyring (or libpq's ~/.pgpass), never in
our settings or in a locator. Without a usable keyring these quietly find nothing, and
libpq falls back to ~/.pgpass and PGPASSWORD on its own."""

from __future__ import annotations

from sqlalchemy.engine import make_url

SERVICE = "qualcode"


def account(locator: str) -> str | None:
    """The keyring entry for a server URL: ``user@host:port/database``."""
    try:
        url = make_url(locator)
    except Exception:
        return None
    if not url.username or not url.host:
        return None
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database or ''}"


def lookup(locator: str) -> str | None:
    name = account(locator)
    if name is None:
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, name)
    except Exception:
        return None


def remember(locator: str, password: str) -> bool:
    """Store the password in the keyring; False when there is no keyring to store it in."""
    name = account(locator)
    if name is None:
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, name, password)
    except Exception:
        return False
    return True
