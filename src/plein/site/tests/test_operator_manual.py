"""Issue 14: the operator chapter of the admin manual names every environment variable that
the settings, gunicorn's configuration and the start script read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
SOURCES = [
    *sorted((ROOT / "src" / "plein" / "conf").glob("*.py")),
    ROOT / "src" / "gunicorn.conf.py",
    ROOT / "bin" / "docker-start.sh",
    ROOT / "src" / "plein" / "common" / "tracing.py",
]
READ = re.compile(
    r"""(?:env(?:\.(?:str|int|bool|list|db_url|cache_url))?\(\s*|environ(?:\.get)?\(\s*|environ\[)["']([A-Z][A-Z0-9_]+)["']"""
    r"""|\$\{([A-Z][A-Z0-9_]+)"""
)
NOT_FOR_OPERATORS = {"PYTHON"}  # the start script's interpreter, for running it outside the image


def test_every_environment_variable_is_in_the_operator_chapter():
    names = set()
    for source in SOURCES:
        for match in READ.finditer(source.read_text()):
            names.add(match.group(1) or match.group(2))
    names -= NOT_FOR_OPERATORS
    assert {"SECRET_KEY", "PLEIN_S3_BUCKET", "PLEIN_RETENTION_DAYS", "DB_WAIT_SECONDS"} <= names
    manual = (ROOT / "docs" / "beheerhandleiding.md").read_text()
    chapter = manual[manual.index("## 8. Beheer in productie (operators)") :]
    missing = sorted(name for name in names if f"`{name}`" not in chapter)
    assert not missing, f"not in the operator chapter of docs/beheerhandleiding.md: {missing}"
