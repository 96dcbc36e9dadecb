import copy

import pytest


@pytest.fixture
def make_template(settings, tmp_path):
    """A template of the test's own: `make_template("mail.txt", "...")` returns its name."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates

    def make(name, text):
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    return make
