"""The layers of docs/architecture.md hold: `lint-imports` keeps the contracts in pyproject.toml
(also a step of `make test`), catches a wrong import when one is made, and the picture in the
documentation is the one the code draws."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(src: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_code_keeps_every_layer_contract():
    result = _lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_wrong_import_is_caught(tmp_path):
    """A scratch copy of the code in which the floor imports a feature, and one in which
    registration imports theme groups: both break a contract, named in the output."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "plein", src / "plein", ignore=shutil.ignore_patterns("__pycache__", "locale"))
    utils = src / "plein" / "common" / "utils.py"
    utils.write_text(utils.read_text() + "\nfrom plein.themegroups import models as _wrong  # noqa\n")
    periods = src / "plein" / "registration" / "periods.py"
    periods.write_text(periods.read_text() + "\nfrom plein.themegroups.selectors import group_get  # noqa\n")
    result = _lint_imports(src)
    assert result.returncode == 1
    assert "plein.common is not allowed to import plein.themegroups" in result.stdout
    assert "plein.common.utils -> plein.themegroups.models" in result.stdout
    assert "plein.registration.periods -> plein.themegroups.selectors" in result.stdout


def test_the_picture_in_the_documentation_matches_the_code():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "architecture_graph.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
