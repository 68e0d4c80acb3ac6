"""The package layout holds: who may import whom (README "Layout"), checked on the source's import graph.

Every import counts, at module level or inside a function, except those under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
NLP_LIBS = ("spacy", "spacy_pkuseg", "stanza", "thinc", "torch")
FACES = {"pipeline", "pipeline.cli", "pipeline.__main__", "pipeline.api"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


@cache
def imports() -> dict[str, set[str]]:
    """Module -> every module or library it imports (absolute names; package-relative resolved)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_lines(tree)
        found: set[str] = set()
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skip:
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                if node.level:
                    anchor = name.split(".")[: -node.level + (1 if path.name == "__init__.py" else 0) or None]
                    base = ".".join([*anchor, node.module])
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = found
    return graph


def _internal(targets: set[str]) -> set[str]:
    """The package modules among import targets (``from pkg import mod`` names the module too)."""
    modules = set(imports())
    return {t for t in targets if t in modules}


def _under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(sources: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{mod} imports {t}" for mod, targets in imports().items() if _under(mod, *sources)
                  for t in targets if _under(t, *forbidden))


def test_layout_domain_logic_imports_no_nlp_library_or_module() -> None:
    domain = ("pipeline.figures", "pipeline.minerals", "pipeline.delegates", "pipeline.ner", "pipeline.text",
              "pipeline.records")
    assert _violations(domain, (*NLP_LIBS, "pipeline.nlp")) == []


def test_layout_only_nlp_and_tools_import_nlp_libraries() -> None:
    outside = {m for m in imports() if not _under(m, "pipeline.nlp", "pipeline.tools")}
    assert sorted(f"{m} imports {t}" for m in outside for t in imports()[m] if _under(t, *NLP_LIBS)) == []


def test_layout_records_import_nothing_of_the_package() -> None:
    assert _violations(("pipeline.records",), ("pipeline",)) == []


def test_layout_nothing_below_the_faces_imports_the_cli() -> None:
    below = tuple(m for m in imports() if m not in FACES)
    assert _violations(below, ("pipeline.cli", "pipeline.api")) == []


def test_layout_storage_knows_records_not_stages() -> None:
    """Storage reads records and its own settings (``run.config``), never stages, runners or models."""
    found = _violations(("pipeline.io",), ("pipeline.stages", "pipeline.run", "pipeline.nlp"))
    assert [v for v in found if not v.endswith(("pipeline.run.config", "Settings"))] == []


def test_layout_a_run_never_imports_the_tools() -> None:
    run_side = ("pipeline.run", "pipeline.stages", "pipeline.io", "pipeline.text", "pipeline.nlp", "pipeline.ner",
                "pipeline.figures", "pipeline.minerals", "pipeline.delegates", "pipeline.records")
    assert _violations(run_side, ("pipeline.tools",)) == []


def test_layout_has_no_import_cycles() -> None:
    graph = {m: _internal(t) - {m} for m, t in imports().items()}
    # A package's __init__ re-exporting its own modules is not a cycle of concepts.
    graph = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in graph.items()}
    cycles = _cycles(graph)
    assert cycles == [], f"import cycles: {cycles}"


def test_layout_package_never_reads_the_tests_folder() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                 if '"tests"' in p.read_text(encoding="utf-8") or "'tests'" in p.read_text(encoding="utf-8")
                 or "tests/" in p.read_text(encoding="utf-8")]
    assert offenders == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


@pytest.mark.parametrize("module", ["pipeline.figures.extract", "pipeline.run.runner", "pipeline.stages.ner"])
def test_layout_import_graph_sees_known_edges(module: str) -> None:
    """The checker itself reads imports (guards against a parser that finds nothing)."""
    assert _internal(imports()[module])


def test_layout_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
