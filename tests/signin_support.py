"""A real OpenID Connect provider for the sign-in tests: ``oidc-provider-mock``
(Authlib underneath) served on 127.0.0.1 from a thread of the test process, and a
``secrets.toml`` that points a Streamlit server started by the test at it.

The mock's authorize page is a form where whoever signs in types a subject; the
claims that subject gets (e-mail, name, ``email_verified``) are set beforehand
with ``PUT /users/{sub}``, the mock's own API.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import oidc_provider_mock
import werkzeug.serving


@contextlib.contextmanager
def provider() -> Iterator[str]:
    """The provider's issuer URL (http://127.0.0.1:PORT) while the block runs."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(),
                                          threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def set_user(issuer: str, sub: str, **claims) -> None:
    """The claims the provider will put in ``sub``'s ID token."""
    request = urllib.request.Request(
        f"{issuer}/users/{urllib.request.quote(sub)}", method="PUT",
        data=json.dumps(claims).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 204


def write_secrets(folder: Path, issuer: str, app_port: int) -> Path:
    """``secrets.toml`` with an ``[auth]`` section for the app on ``app_port``."""
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "workbench-tests"\n'
        'client_secret = "not-a-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    return path


def sign_in(page, sub: str) -> None:
    """On the app's sign-in screen: click Sign in, type ``sub`` on the provider's
    form, authorize, and wait for the app to come back signed in."""
    from browser_support import wait_for_app

    page.get_by_test_id("stButton").filter(has_text="Sign in").locator("button").click()
    page.wait_for_selector("input[name=sub]")
    page.fill("input[name=sub]", sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_selector("[data-testid='stSidebar']")
    wait_for_app(page)
