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


def _tracked_to_depth_two() -> set[str]:
    """What ``tree -L 2`` shows of the tracked files: every entry one or two levels down,
    hidden ones aside."""
    import subprocess
    files = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    entries = set()
    for path in files:
        parts = path.split("/")
        if any(p.startswith(".") for p in parts[:2]):
            continue
        entries.add(parts[0])
        if len(parts) > 1:
            entries.add(f"{parts[0]}/{parts[1]}")
    return entries


def _layout_entries() -> set[str]:
    """The names in the README's Layout block, as ``top`` or ``top/child``: on each line,
    the words (two spaces apart) that look like a file or folder name."""
    block = README.split("## Layout", 1)[1].split("```", 2)[1]
    entries, top = set(), ""
    for line in block.splitlines():
        nested = line.startswith(("│   ", "    "))
        words = re.split(r"\s{2,}", line.lstrip("│├└─ \u00a0"))
        names = [w.rstrip("/") for w in words if re.fullmatch(r"[\w.-]+/?", w) and w != "."]
        if not names:
            continue
        if nested:
            entries.update(f"{top}/{name}" for name in names)
        else:
            top = names[0]
            entries.update(names)
    return entries


def test_readme_layout_matches_the_files():
    tracked = _tracked_to_depth_two()
    assert _layout_entries() == tracked, (
        f"missing from the README: {sorted(tracked - _layout_entries())}; "
        f"listed but not there: {sorted(_layout_entries() - tracked)}")
