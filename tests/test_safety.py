"""Untrusted text stays text: no raw-HTML rendering anywhere in the app code,
and the Streamlit server is configured defensively."""

import re
import tomllib

from workbench.settings import PROJECT_ROOT

APP_FILES = [PROJECT_ROOT / "streamlit_app.py", *sorted((PROJECT_ROOT / "app_pages").glob("*.py")),
             *sorted((PROJECT_ROOT / "workbench").rglob("*.py"))]
FORBIDDEN = re.compile(r"unsafe_allow_html\s*=\s*True|components\.v1|components\.html|"
                       r"st\.components|\.iframe\(")


def test_no_raw_html_rendering():
    offenders = [f"{p.relative_to(PROJECT_ROOT)}:{n}" for p in APP_FILES
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if FORBIDDEN.search(line)]
    assert offenders == []


def test_server_config_is_defensive():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 500
    assert config["client"]["showErrorDetails"] in ("none", False)
