"""What the app needs to know about the sign-in, apart from Streamlit itself: is
it configured, and who is this person on this desk. The app passes ``st.secrets``
and ``st.user`` in; the decisions (an identity from the token, the role from the
database) are here and in ``workbench.identity``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .identity import Identity, Role, User, identity_from_claims, sign_in, user_for
from .store import Store

NOT_VERIFIED = ("Sign-in is not configured, so identities are not verified: the name "
                "typed here is saved as it is, and everyone can do everything.")
NO_ROLE = ("You are signed in, but this desk has not given you a role yet: ask an admin "
           "to add your e-mail on the Users page (or with `python -m workbench users add`).")


@dataclass(frozen=True, slots=True)
class Session:
    """Who is using this browser session: ``identity`` None means no sign-in."""
    identity: Identity | None
    user: User | None = None

    @property
    def role(self) -> Role | None:
        """The role that counts: every role without sign-in, the stored one with it."""
        if self.identity is None:
            return Role.admin
        return self.user.role if self.user else None

    def can(self, role: Role) -> bool:
        return self.role is not None and self.role >= role


def configured(secrets: Any) -> bool:
    """True when ``secrets`` (``st.secrets``) has an ``[auth]`` section."""
    try:
        return bool(secrets.load_if_toml_exists()) and "auth" in secrets
    except Exception:  # an unreadable secrets file: no sign-in, said in the sidebar
        return False


def session(store: Store, claims: Mapping, *, first_run: bool) -> Session:
    """The signed-in session for ``claims`` (``st.user``): recorded as a sign-in on
    the session's first run, read again on the others (so a role change counts)."""
    identity = identity_from_claims(dict(claims))
    user = sign_in(store, identity) if first_run else user_for(store, identity)
    if user is None:  # removed meanwhile: signs in again, without a role
        user = sign_in(store, identity)
    return Session(identity, user)
