"""The type stubs ship with the module and agree with it (mypy's stubtest)."""

import subprocess
import sys
from pathlib import Path

import almanac


def test_stubs_are_installed():
    package = Path(almanac.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "almanac.pyi").is_file() or (package / "__init__.pyi").is_file()


def test_stubs_match_the_module(tmp_path):
    """stubtest imports the module and checks every name, parameter and default of the stub
    against it, and every public name of the module against the stub."""
    # pyarrow ships no type information; its names are taken as they are.
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n[mypy-pyarrow.*]\nignore_missing_imports = True\n")
    # The extension itself, `almanac.almanac`, is what maturin's `__init__.py` re-exports;
    # its names are checked as `almanac`'s.
    allowlist = tmp_path / "allowlist.txt"
    allowlist.write_text("almanac.almanac\n")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "--mypy-config-file", str(config),
         "--allowlist", str(allowlist), "almanac"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # the installed stubs, not the source tree's
    )
    assert run.returncode == 0, run.stdout + run.stderr
