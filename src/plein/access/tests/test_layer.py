"""Access stands below every feature: none of its modules imports one, not even inside a
function (import-linter will enforce the layers in `make test`; until then, this test). Its
tests may: they check the features against access."""

import ast
from pathlib import Path

FEATURES = {"actions", "emb", "guide", "registration", "themegroups", "resources", "practicecases", "api", "site"}
ACCESS = Path(__file__).resolve().parent.parent


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_access_imports_no_feature():
    wrong = [
        f"{path.relative_to(ACCESS)}: {name}"
        for path in ACCESS.rglob("*.py")
        if "tests" not in path.relative_to(ACCESS).parts
        for name in _imports(path)
        if name.startswith("plein.") and name.split(".")[1] in FEATURES
    ]
    assert not wrong, wrong
