"""Every command has help text and a README entry; the README's commands are real."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from conftest import ROOT
from kg.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROOT_COMMAND = get_command(app)


def _commands():
    for name, cmd in ROOT_COMMAND.commands.items():
        if hasattr(cmd, "commands"):
            for sub in cmd.commands:
                yield f"{name} {sub}", cmd.commands[sub]
        else:
            yield name, cmd


@pytest.mark.parametrize("name, cmd", list(_commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_has_help_and_a_readme_entry(name, cmd):
    assert cmd.help and len(cmd.help) > 15, f"kg {name} has no help text"
    assert f"`kg {name}" in README, f"kg {name} is not in the README"
    result = CliRunner().invoke(app, name.split() + ["--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_readme_set_up_commands_exist_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", README, flags=re.MULTILINE):
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
