"""``python -m workbench users``: who may sign in to the desk, with which role.

Run by whoever holds the database's credentials (the server's operator), so it
acts as the local operator: no sign-in, every role. Colleagues are added by
e-mail before they first sign in; the sign-in links them when the provider
vouches for the e-mail (``email_verified``).
"""

from __future__ import annotations

import argparse

from .corpus import open_store
from .identity import Role, add_user, list_users, remove_user


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="list, add or remove the desk's users and roles")
    actions = p.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="every user with their role")
    a = actions.add_parser("add", help="give an e-mail a role (adds the user if new)")
    a.add_argument("email")
    a.add_argument("--role", default="reviewer", choices=[r.name for r in Role])
    a.add_argument("--name", default="")
    r = actions.add_parser("remove", help="remove a user (the last admin stays)")
    r.add_argument("email")
    for command in actions.choices.values():
        command.add_argument("--db", default=argparse.SUPPRESS, help="the database")


def cmd_users(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if args.action == "add":
        user = add_user(store, args.email, args.role, name=args.name)
        print(f"{user.email}: {user.role.name if user.role else 'no role'}")
    elif args.action == "remove":
        remove_user(store, args.email)
        print(f"removed {args.email}")
    else:
        for user in list_users(store):
            signed = f"signed in {user.last_seen}" if user.subject else "not signed in yet"
            role = user.role.name if user.role else "(no role)"
            print(f"{user.email or '-'}\t{role}\t{user.name or '-'}\t{signed}")
    return 0
