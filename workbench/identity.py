"""Who is acting, and what their role lets them do (issue 11 §2).

An ``Identity`` is what a sign-in proved (OpenID Connect: subject, e-mail, name,
whether the provider verified the e-mail). Roles live in the database:

    reviewer   reviews, notes, cites
    editor     also finalises a verdict (which locks it) and reopens one
    admin      also loads and deletes source sets and manages roles

The library functions that do the work call ``require``; the UI only hides what
would be refused. ``identity=None`` is the local operator: the app without
sign-in configured (one person on a laptop, names typed and not verified) and the
CLI, which holds the database's own credentials. The first person to sign in to a
desk with no admin (an empty database) becomes its admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .errors import NotAllowed, NotFound
from .store import Store
from .store import users as rows
from .store.db import Conn
from .store.documents import now


class Role(IntEnum):
    """Ordered: each role can do everything the ones below it can."""
    reviewer = 1
    editor = 2
    admin = 3

    @classmethod
    def parse(cls, name: str) -> Role:
        try:
            return cls[name.strip().lower()]
        except KeyError:
            raise ValueError(f"unknown role {name!r}: reviewer, editor or admin") from None


@dataclass(frozen=True, slots=True)
class Identity:
    """What the sign-in proved about a person."""
    subject: str
    email: str = ""
    name: str = ""
    verified: bool = False  # the provider's email_verified claim

    @property
    def label(self) -> str:
        return self.name or self.email or self.subject


@dataclass(frozen=True, slots=True)
class User:
    """A person the desk knows, with their role."""
    id: int
    subject: str | None
    email: str
    name: str
    role: Role | None  # None: signed in, waiting for an admin to give a role
    created_at: str
    last_seen: str | None

    @property
    def label(self) -> str:
        return self.name or self.email or self.subject or "?"


def _user(row: rows.UserRecord | None) -> User | None:
    if row is None:
        return None
    return User(row.id, row.subject, row.email, row.name, Role[row.role] if row.role else None,
                row.created_at, row.last_seen)


def _written(row: rows.UserRecord | None) -> User:
    """The user row just written (read back in the same transaction)."""
    user = _user(row)
    if user is None:
        raise RuntimeError("a user row written a moment ago is missing")
    return user


def identity_from_claims(claims: dict) -> Identity:
    """An ``Identity`` from an ID token's claims (``st.user``, as a dict)."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise ValueError("the sign-in gave no subject (sub claim)")
    verified = claims.get("email_verified")
    return Identity(subject, str(claims.get("email") or "").strip().lower(),
                    str(claims.get("name") or "").strip(),
                    verified is True or str(verified).lower() == "true")


def sign_in(store: Store, identity: Identity) -> User:
    """Record a sign-in and return the user. Found by subject; else by e-mail when
    the provider verified it (an admin added them by e-mail); else a new user: admin
    if the desk has no admin yet, otherwise without a role until an admin gives one
    (the provider may let in more people than the desk)."""
    with store.write() as conn:
        rows.lock_users(conn)
        found = rows.by_subject(conn, identity.subject)
        if found is None and identity.verified:
            by_mail = rows.by_email(conn, identity.email)
            if by_mail is not None and by_mail.subject is None:
                found = by_mail
        at = now()
        if found is None:
            first = rows.count_role(conn, Role.admin.name) == 0
            email = identity.email if rows.by_email(conn, identity.email) is None else ""
            found = rows.insert(conn, subject=identity.subject, email=email,
                                name=identity.name, role="admin" if first else "", at=at)
        else:
            fields = {"subject": identity.subject, "last_seen": at}
            if identity.name:
                fields["name"] = identity.name
            rows.update(conn, found.id, **fields)
            found = rows.by_subject(conn, identity.subject)
    return _written(found)


def role_of(conn: Conn, identity: Identity) -> Role | None:
    user = rows.by_subject(conn, identity.subject)
    return Role[user.role] if user and user.role else None


def require(conn: Conn, identity: Identity | None, needs: Role, action: str) -> None:
    """Raise ``NotAllowed`` unless ``identity`` holds ``needs`` (or is the local
    operator, ``None``). Read inside the caller's transaction, so a role removed a
    moment ago no longer counts."""
    if identity is None:
        return
    role = role_of(conn, identity)
    if role is None or role < needs:
        raise NotAllowed(identity.label, role.name if role else None, action, needs.name)


def check(store: Store, identity: Identity | None, needs: Role, action: str) -> None:
    """``require`` in a read of its own, for work that opens its own transactions."""
    if identity is not None:
        with store.read() as conn:
            require(conn, identity, needs, action)


def check_loading(store: Store, identity: Identity | None, source_set: str) -> None:
    """Loading a source set is for admins; adding an article under review (the
    articles set) is any reviewer's work."""
    from . import settings
    if source_set == str(settings.get("articles_set")):
        check(store, identity, Role.reviewer, "adding an article under review")
    else:
        check(store, identity, Role.admin, f"loading documents into the set {source_set!r}")


def user_for(store: Store, identity: Identity) -> User | None:
    with store.read() as conn:
        return _user(rows.by_subject(conn, identity.subject))


def list_users(store: Store) -> list[User]:
    return [_written(r) for r in rows.all_users(store)]


def add_user(store: Store, email: str, role: Role | str, *, name: str = "",
             by: Identity | None = None) -> User:
    """Give ``email`` a role (a new user, or a new role for a known one); admins only."""
    role = role if isinstance(role, Role) else Role.parse(role)
    email = email.strip().lower()
    if "@" not in email:
        raise ValueError(f"{email!r} is not an e-mail address")
    with store.write() as conn:
        require(conn, by, Role.admin, "managing roles")
        rows.lock_users(conn)
        found = rows.by_email(conn, email)
        if found is None:
            found = rows.insert(conn, subject=None, email=email, name=name, role=role.name,
                                at=now())
        else:
            _keep_an_admin(conn, found, role)
            rows.update(conn, found.id, role=role.name)
            found = rows.by_email(conn, email)
    return _written(found)


def set_role(store: Store, user_id: int, role: Role | str | None, *,
             by: Identity | None = None) -> None:
    """Change a user's role (``None``: no role, they can sign in but do nothing)."""
    role = role if isinstance(role, Role) or role is None else Role.parse(role)
    with store.write() as conn:
        require(conn, by, Role.admin, "managing roles")
        rows.lock_users(conn)
        found = _by_id(conn, user_id)
        _keep_an_admin(conn, found, role)
        rows.update(conn, user_id, role=role.name if role else "")


def remove_user(store: Store, email_or_id: str | int, *, by: Identity | None = None) -> None:
    with store.write() as conn:
        require(conn, by, Role.admin, "managing roles")
        rows.lock_users(conn)
        found = (_by_id(conn, email_or_id) if isinstance(email_or_id, int)
                 else rows.by_email(conn, email_or_id.strip().lower()))
        if found is None:
            raise NotFound(f"no user {email_or_id!r}: `python -m workbench users list` "
                           "shows who there is")
        _keep_an_admin(conn, found, None)
        rows.delete(conn, found.id)


def _by_id(conn: Conn, user_id: int) -> rows.UserRecord:
    found = rows.by_id(conn, user_id)
    if found is None:
        raise NotFound(f"no user with id {user_id}")
    return found


def _keep_an_admin(conn: Conn, user: rows.UserRecord, new_role: Role | None) -> None:
    """A desk always keeps one admin: the last one cannot be demoted or removed."""
    if user.role == Role.admin.name and new_role is not Role.admin \
            and rows.count_role(conn, Role.admin.name) == 1:
        raise ValueError(f"{user.email or user.name} is the desk's only admin: "
                         "make someone else admin first")
