"""The README documents every setting and command, and the public API is complete."""

import re

import workbench
from workbench.cli import COMMANDS
from workbench.settings import PROJECT_ROOT, SETTINGS

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table():
    documented = set(re.findall(r"^\| `(WORKBENCH_[A-Z_]+)` \|", README, flags=re.M))
    assert documented == {s.env_var for s in SETTINGS}


def test_every_command_is_in_the_readme():
    for command in COMMANDS:
        assert f"python -m workbench {command}" in README, command


def test_public_api_is_complete():
    public = {name for name in dir(workbench) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(workbench, name)).__name__ == "module"}
    assert public - modules == set(workbench.__all__)
