"""The shape of the package stays readable top to bottom: imports only go one way, the
model does no I/O, and no module grows past what a newcomer can read at once."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "klantreis"
MAX_LINES = 420


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """Every klantreis module ``name`` imports, at the top or inside a function (not
    the ones under ``if TYPE_CHECKING:``, which never run)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("klantreis")}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            if not target.startswith("klantreis"):
                continue
            for alias in node.names:  # `from . import x` names a module when x is one
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


def test_no_import_cycles() -> None:
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        trail.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt) :] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        trail.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_core_imports_only_downward() -> None:
    layers = [
        ["klantreis.messages", "klantreis.version"],
        ["klantreis.errors", "klantreis.oserrors"],
        ["klantreis.fields"],
        ["klantreis.coercion", "klantreis.scale"],
        [
            "klantreis.frames",
            "klantreis.views",
            "klantreis.template_fields",
            "klantreis.store_texts",
            "klantreis.keys",
        ],
        ["klantreis.store"],
        ["klantreis.tables"],
        ["klantreis.named_changes"],
        ["klantreis.model"],
        ["klantreis.validation"],
    ]
    rank = {m: i for i, layer in enumerate(layers) for m in layer}
    for module, level in rank.items():
        for used in _imports(module, MODULES[module]):
            assert used in rank and rank[used] <= level, f"{module} imports {used}"


def test_no_late_imports_to_dodge_cycles() -> None:
    for name, path in MODULES.items():
        assert "noqa: E402" not in path.read_text(encoding="utf-8"), name


def test_no_module_is_too_long_to_read() -> None:
    long = {n: len(p.read_text(encoding="utf-8").splitlines()) for n, p in MODULES.items()}
    assert {n: c for n, c in long.items() if c > MAX_LINES} == {}


def test_the_model_does_no_file_io() -> None:
    """Import the model and use it while any file access outside Python's own
    module loading fails the run."""
    code = r"""
import sys, importlib
import pandas, yaml  # third-party imports may read files; they come first
def guard(event, args):
    if event == "open":
        path = str(args[0])
        if not path.endswith((".py", ".pyc", ".so", ".pth")) and "__pycache__" not in path:
            raise RuntimeError(f"file access: {path}")
sys.addaudithook(guard)
from klantreis.model import Journey
j = Journey(title="Zonder bestanden", language="en")
j.add_phase("a", "A")
j.add_persona("p", "P")
j.add_touchpoint("t", "p", "a", "T", emotion=3)
j.update_touchpoint("t", "p", why="ok")
j.remove_touchpoint("t", "p")
print(len(j.touchpoints), j.journeys())
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "0 []"


def test_the_architecture_page_names_every_module() -> None:
    """docs/architecture.md draws the layers: each module (``store.py``) and each
    subpackage (``widgets/``) is on it, so a new one is placed when it is added."""
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    places = [path.relative_to(PACKAGE).parts for path in MODULES.values()]
    names = {f"{parts[0]}/" if len(parts) > 1 else parts[0] for parts in places if parts != ("__init__.py",)}
    assert sorted(n for n in names if n not in page) == []
