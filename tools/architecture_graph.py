"""Draw which Plein app imports which (tests and migrations left out) as a Mermaid diagram in
docs/architecture.md, between the markers `<!-- graph:start -->` and `<!-- graph:end -->`.

    python tools/architecture_graph.py          # rewrite the diagram
    python tools/architecture_graph.py --check  # exit 1 when the diagram no longer matches the code

The layers are read from the `layers` contract in pyproject.toml (the one `lint-imports` checks),
so the picture, the contract and the code cannot drift apart: `site/tests/test_architecture.py`
runs the check in `make test`.
"""

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
START, END = "<!-- graph:start -->", "<!-- graph:end -->"


def layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["id"] == "layers")
    return [
        [m.strip().removeprefix("plein.") for m in layer.replace("|", ":").split(":")] for layer in contract["layers"]
    ]


def app_edges() -> set[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "src"))
    import grimp

    graph = grimp.build_graph("plein", exclude_type_checking_imports=True, cache_dir=None)
    edges = set()
    for module in graph.modules:
        parts = module.split(".")
        if len(parts) < 3 or "tests" in parts or "migrations" in parts:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            target = imported.split(".")
            if len(target) < 2 or "tests" in target or target[1] == parts[1]:
                continue
            edges.add((parts[1], target[1]))
    return edges


def diagram() -> str:
    layer_list = layers()
    known = {app for layer in layer_list for app in layer}
    names = ["The roof", "Features", "Access", "Organisations, people, history", "The floor"]
    lines = ["```mermaid", "flowchart TB"]
    for index, layer in enumerate(layer_list):
        title = names[index] if index < len(names) else f"Layer {index + 1}"
        lines.append(f'  subgraph L{index}["{title}"]')
        lines += [f"    {app}" for app in layer]
        lines.append("  end")
    for source, target in sorted(app_edges()):
        if source in known and target in known:
            lines.append(f"  {source} --> {target}")
    lines.append("```")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = DOC.read_text()
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    new = f"{before}{START}\n{diagram()}\n{END}{after}"
    if args.check:
        if new != text:
            print("docs/architecture.md: the diagram does not match the code; run python tools/architecture_graph.py")
            return 1
        return 0
    DOC.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
