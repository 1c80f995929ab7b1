"""The docs cannot drift: the CLI reference is generated, and the README's commands run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest

from factions.cli import cli
from tests.conftest import ROOT, RunCli

sys.path.insert(0, str(ROOT / "scripts"))
from gen_cli_docs import render

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.list_commands(click.Context(cli)))


def test_cli_reference_is_up_to_date():
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/cli.md is stale: run `make docs`"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_with_an_example(name: str):
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"## factions {name}" in reference
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.help and "Example:" in command.help
    assert f"factions {name}" in command.help


def test_design_commands_all_exist():
    design = {
        "ingest",
        "extract",
        "events",
        "actors",
        "graph",
        "coalitions",
        "allies",
        "enemies",
        "timeline",
        "export",
        "serve",
        "evaluate",
    }
    assert design <= set(COMMANDS)


def test_readme_quick_start_names_targets_the_makefile_has():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make (\w+)", quick, flags=re.MULTILINE)
    assert commands == ["demo", "test"], "the Quick start has exactly two commands"
    for target in commands:
        dry = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert dry.returncode == 0, dry.stderr
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def readme_usage_commands() -> list[list[str]]:
    usage = README.split("## Using it", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", usage, flags=re.DOTALL)
    assert block is not None
    return [shlex.split(line) for line in block[1].splitlines() if line.startswith("factions ")]


def test_readme_usage_commands_work(run_cli: RunCli, examples_copy: Path, monkeypatch):
    monkeypatch.chdir(examples_copy.parent)
    commands = readme_usage_commands()
    assert len(commands) >= 4
    for argv in commands:
        result = run_cli(*argv[1:])
        assert result.code == 0, f"{shlex.join(argv)} failed: {result.err}"
