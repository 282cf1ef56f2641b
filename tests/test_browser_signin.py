"""Signing in for real, in Chromium (issue 11 §2-3): an OpenID Connect provider
(``oidc-provider-mock``, Authlib) on 127.0.0.1, a Streamlit server started with a
``secrets.toml`` that points ``st.login`` at it, and three people in three browser
contexts. Nothing of Streamlit or Authlib is mocked: the browser follows the
redirects, types a subject on the provider's form, and comes back with the
identity cookie.

- Ada signs in first to the empty desk: she is admin, and on the Users page gives
  Eve the editor role and Ray the reviewer role (by e-mail, before they sign in).
- Ray sets a status on the Marsh quote; Eve, on the same claim, sees it arrive
  within 2 s without reloading, and sees Ray on the claim in the claims table.
- Eve finalises it; Ray's page locks (within 2 s) and has no reopen button, and
  the library refuses his save; the history shows both e-mails.
- Eve reopens; Ray can save again.
"""

from __future__ import annotations

import re
import time

import dbs
import pytest
from playwright.sync_api import expect

try:
    from tests import browser_support as support
    from tests import signin_support as oidc
except ImportError:
    import browser_support as support
    import signin_support as oidc

import workbench
from workbench import settings

MARSH = "The launch of the Korval is a reckless escalation"
PEOPLE = {"ada": ("ada@desk.example", "Ada Admin"), "eve": ("eve@desk.example", "Eve Editor"),
          "ray": ("ray@desk.example", "Ray Reviewer")}


@pytest.fixture(autouse=True)
def _patient():
    """A loaded shared machine: waits for what is not timed may take longer."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture(scope="module")
def demo(new_db):
    template = new_db("signin")
    support.seed_database(template)
    store = workbench.open_store(template)
    article = workbench.list_documents(store, str(settings.get("articles_set")))[0]
    _, claims = workbench.check_document(store, article.id, sets=workbench.default_sets(store))
    return template, article.id, next(c.key for c in claims if c.text.startswith(MARSH))


@pytest.fixture(scope="module")
def browser():
    with support.running_browser() as browser:
        yield browser


def status_box(page):
    """The card's status box: the newest one, when a redraw still shows the one it replaces."""
    return page.locator("[class*='st-key-status_']").filter(visible=True).last


def press(page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    support.wait_for_app(page)


def arrives_within(check, seconds: float) -> float:
    """Poll ``check`` (a cheap DOM read) until true; the seconds it took."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not seen within {seconds} s")
        time.sleep(0.05)
    return time.monotonic() - start


@pytest.mark.browser
def test_two_signed_in_roles_finalise_and_watch_each_other(browser, demo, tmp_path):
    template, doc, marsh = demo
    database = dbs.clone(template, tmp_path, "desk")
    with oidc.provider() as issuer:
        for sub, (email, name) in PEOPLE.items():
            oidc.set_user(issuer, sub, email=email, name=name, email_verified=True)
        port = support.free_port()
        secrets = oidc.write_secrets(tmp_path, issuer, port)
        env = {"STREAMLIT_SECRETS_FILES": str(secrets)}
        with support.app_server(database, port=port, env=env) as url:
            ada = support.new_page(browser, url)
            expect(ada.get_by_text("This desk signs its reviewers in")).to_be_visible()
            oidc.sign_in(ada, "ada")
            expect(ada.get_by_text("Signed in as Ada Admin")).to_be_visible()
            expect(ada.get_by_test_id("stSidebar")).to_contain_text("admin")
            support.go_to(ada, "Users")
            for email, role in (("eve@desk.example", "editor"), ("ray@desk.example", "reviewer")):
                support.fill_text(ada, "new_email", email)
                support.select(ada, support.keyed(ada, "new_role"), role)
                support.click_button(ada, "add_user")
                expect(ada.get_by_text(f"{email} is {role}")).to_be_visible()
            ada.context.close()

            link = f"{url}/review?doc={doc}&claim={marsh}"
            eve, ray = support.new_page(browser, link), support.new_page(browser, link)
            for page, sub in ((eve, "eve"), (ray, "ray")):
                oidc.sign_in(page, sub)  # st.login comes back to the app's home page
                page.goto(link)
                support.wait_for_app(page)
            for page, who in ((eve, "Eve Editor · editor"), (ray, "Ray Reviewer · reviewer")):
                expect(page.get_by_test_id("stSidebar")).to_contain_text(who.split(" · ")[1])
                assert MARSH in support.selected(support.keyed(page, "claim"))
                expect(page.get_by_text("Not reviewed yet")).to_be_visible()
            assert not ray.get_by_test_id("stSidebarNav").get_by_text("Users").count()

            # Ray saves; Eve sees the status and Ray's presence arrive without a reload.
            support.select(ray, status_box(ray), "supported")
            expect(ray.get_by_text("Saved: version 1,")).to_be_visible()
            took = arrives_within(lambda: support.selected(status_box(eve)) == "supported", 2.0)
            print(f"visible to Eve {took:.2f} s after Ray's page finished saving")
            expect(eve.get_by_text(re.compile(r"Saved: version 1, .*by Ray Reviewer"))
                   ).to_be_visible()
            expect(eve.get_by_text("Ray Reviewer updated this review")).to_be_visible()
            expect(ray.get_by_test_id("stButton").filter(has_text="Finalise")).to_have_count(0)

            # Eve finalises: Ray's page locks within 2 s, and the library refuses him too.
            support.wait_for_app(eve)
            press(eve, "Finalise verdict")
            expect(eve.get_by_text("Final: finalised by Eve Editor")).to_be_visible()
            took = arrives_within(
                lambda: ray.get_by_text("Final: finalised by Eve Editor").count() > 0, 2.0)
            print(f"the lock visible to Ray {took:.2f} s after Eve's page finished")
            support.wait_for_app(ray)
            expect(status_box(ray).get_by_role("combobox")).to_be_disabled()
            expect(ray.get_by_test_id("stButton").filter(has_text="Reopen")).to_have_count(0)
            store = workbench.open_store(database)
            [claim] = [c for c in workbench.check_document(store, doc)[1] if c.key == marsh]
            ray_id = workbench.Identity("ray", "ray@desk.example", "Ray Reviewer", True)
            with pytest.raises(workbench.Locked):
                workbench.save_review(store, claim, status="contradicted", expected_version=2,
                                      identity=ray_id)

            # The history names both, by e-mail; Eve reopens and Ray can work again.
            ray.get_by_text("History (2 changes)").click()
            history = ray.get_by_test_id("stExpander").filter(has_text="History")
            expect(history.get_by_test_id("stDataFrame")).to_be_visible()
            expect(history).to_contain_text("By Ray Reviewer (ray@desk.example), "
                                            "Eve Editor (eve@desk.example)")
            events = workbench.history(store, marsh)
            assert [(e.email, e.action) for e in events] == [
                ("ray@desk.example", "save"), ("eve@desk.example", "finalise")]
            press(eve, "Reopen")
            arrives_within(lambda: not status_box(ray).get_by_role("combobox").is_disabled(),
                           2.0)
            support.wait_for_app(ray)
            support.select(ray, status_box(ray), "misleading")
            expect(ray.get_by_text("Saved: version 4,")).to_be_visible()
            assert workbench.get_review(store, marsh).reviewer == "Ray Reviewer"
            eve.context.close()
            ray.context.close()
