"""Build src/plein/static/plein/nlds.css: the NL Design System CSS that Plein's pages use.

The vendored Utrecht component library (vendor/utrecht/component-library.css, 400 kB) styles
some hundred components, and the Plein theme (plein/theme.css, 200 kB of design tokens) defines
thousands of custom properties; a page needs a small part of both, and the browser must read
all of it before it shows anything. This keeps:
- every rule of the component library whose selector can match: each `utrecht-…` class in it
  occurs somewhere in Plein's templates, Python or JavaScript (a class written as a prefix in a
  template, like `utrecht-alert--{% if … %}`, keeps every class that starts with it);
- every custom property of the theme that a kept rule, Plein's own CSS or another kept property
  reads (`var(--…)`), and every other declaration of the theme.
Run after using a new Utrecht component or updating the vendored files (a test fails until
the committed file is current):

    .venv/bin/python tools/build_css.py
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLEIN = ROOT / "src" / "plein"
COMPONENTS = PLEIN / "static" / "vendor" / "utrecht" / "component-library.css"
THEME = PLEIN / "static" / "plein" / "theme.css"
TARGET = PLEIN / "static" / "plein" / "nlds.css"
# Plein's own CSS: read for the custom properties it uses (not copied).
OWN_CSS = sorted((PLEIN / "static" / "plein").glob("*.css"))

CLASS = re.compile(r"utrecht-[a-z0-9_-]+")
VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
AT = re.compile(r"\s*@")


def _sources(suffixes):
    """Plein's own files that pages are made of (not the vendored files, not the tests)."""
    for path in sorted(PLEIN.rglob("*")):
        parts = path.relative_to(PLEIN).parts
        if path.suffix in suffixes and "tests" not in parts and "vendor" not in parts:
            yield path


def used_classes() -> tuple[set, tuple]:
    """(classes, prefixes) written anywhere in Plein's templates, Python and JavaScript."""
    names = set()
    for path in _sources((".html", ".py", ".js", ".txt")):
        names.update(CLASS.findall(path.read_text(encoding="utf-8", errors="ignore")))
    prefixes = tuple(sorted(n for n in names if n.endswith("-")))
    return {n for n in names if not n.endswith("-")}, prefixes


def parse(css: str) -> list:
    """A list of (prelude, body): body is the declarations (text) of a style rule, or a list
    of the same for a block at-rule (@media, @supports, @container); None for `@x …;`."""
    nodes, i, n = [], 0, len(css)

    def block(start):  # from after "{" to its matching "}": (inner text, index after "}")
        depth, j = 1, start
        while depth:
            c = css[j]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            elif c in "\"'":
                j = css.index(c, j + 1)
            j += 1
        return css[start : j - 1], j

    while i < n:
        brace, semi = css.find("{", i), css.find(";", i)
        if brace == -1:
            break
        if AT.match(css, i) and -1 < semi < brace:  # @charset …; @import …;
            nodes.append((css[i:semi].strip(), None))
            i = semi + 1
            continue
        prelude = css[i:brace].strip()
        inner, i = block(brace + 1)
        if prelude.startswith(("@media", "@supports", "@container", "@layer")):
            nodes.append((prelude, parse(inner)))
        else:
            nodes.append((prelude, inner))
    return nodes


def _split_selectors(prelude: str) -> list:
    parts, depth, current = [], 0, ""
    for c in prelude:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += c
    parts.append(current.strip())
    return parts


def trim(nodes, classes, prefixes) -> list:
    kept = []
    for prelude, body in nodes:
        if body is None:
            continue  # @charset: the file is UTF-8 and says so once at the top
        if isinstance(body, list):
            inner = trim(body, classes, prefixes)
            if inner:
                kept.append((prelude, inner))
            continue
        if prelude.startswith("@"):  # @keyframes, @font-face …: kept whole
            kept.append((prelude, body))
            continue
        selectors = [
            s
            for s in _split_selectors(prelude)
            if all(c in classes or c.startswith(prefixes) for c in CLASS.findall(s))
        ]
        if selectors:
            kept.append((",\n".join(selectors), body))
    return kept


def render(nodes, indent="") -> str:
    out = []
    for prelude, body in nodes:
        if isinstance(body, list):
            out.append(f"{indent}{prelude} {{\n{render(body, indent + '  ')}{indent}}}\n")
        else:
            declarations = "\n".join(f"{indent}  {line.strip()}" for line in body.strip().splitlines() if line.strip())
            out.append(f"{indent}{prelude} {{\n{declarations}\n{indent}}}\n")
    return "".join(out)


def _declarations(body: str) -> list:
    """(name, value) of each declaration in a block (values may hold ';' only in strings,
    which the theme does not have)."""
    result = []
    for part in body.split(";"):
        if ":" in part:
            name, value = part.split(":", 1)
            result.append((name.strip(), value.strip()))
    return result


def trim_theme(theme_nodes, used_vars: set) -> list:
    """Keep the custom properties that are read (and those they read, and so on)."""
    definitions = {}
    for _prelude, body in theme_nodes:
        if isinstance(body, str):
            for name, value in _declarations(body):
                if name.startswith("--"):
                    definitions.setdefault(name, []).append(value)
    wanted, todo = set(), list(used_vars)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        for value in definitions.get(name, []):
            todo.extend(VAR.findall(value))
    kept = []
    for prelude, body in theme_nodes:
        if not isinstance(body, str):
            continue
        declarations = [(k, v) for k, v in _declarations(body) if not k.startswith("--") or k in wanted]
        if declarations:
            kept.append((prelude, "\n".join(f"{k}: {v};" for k, v in declarations)))
    return kept


def build() -> str:
    classes, prefixes = used_classes()
    source = COMPONENTS.read_text(encoding="utf-8")
    licences = "\n".join(dict.fromkeys(m for m in re.findall(r"/\*\*.*?\*/", source, re.S) if "@license" in m))
    components = trim(parse(COMMENT.sub("", source)), classes, prefixes)
    components_css = render(components)
    theme_source = COMMENT.sub("", THEME.read_text(encoding="utf-8"))
    used_vars = set(VAR.findall(components_css))
    for path in OWN_CSS:
        if path not in (THEME, TARGET):
            used_vars.update(VAR.findall(path.read_text(encoding="utf-8")))
    for path in _sources((".html", ".js", ".py")):
        used_vars.update(VAR.findall(path.read_text(encoding="utf-8", errors="ignore")))
    theme = trim_theme(parse(theme_source), used_vars)
    header = (
        '@charset "UTF-8";\n'
        "/* Generated by tools/build_css.py: the rules of @utrecht/component-library-css\n"
        " * (static/vendor/utrecht, EUPL-1.2) and the design tokens of the Plein theme\n"
        " * (plein/theme.css, from the NL Design System voorbeeld theme, EUPL-1.2) that Plein's\n"
        " * pages use. Do not edit by hand. */\n"
    )
    return f"{header}{licences}\n{components_css}\n{render(theme)}"


if __name__ == "__main__":
    css = build()
    TARGET.write_text(css, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(css.encode()) / 1000:.0f} kB")
