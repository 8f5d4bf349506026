"""The app's modules import each other at the top, so a cycle between them fails on import
instead of hiding in a function until it runs."""

import ast
from pathlib import Path

import wagtail_newsroom

PACKAGE = Path(wagtail_newsroom.__file__).parent

# Where importing later is the point: the app's own modules load once the app registry is
# ready, and a chooser block finds its viewset (in the admin views, which import the models
# that use the block) when first rendered, as Wagtail's own chooser blocks do.
DEFERRED = {
    ("apps.py", "ready"),
    ("blocks.py", "widget"),
}


def deferred_imports(path):
    """(function name, imported module) for each import of the app's own modules inside a
    function of ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                found.append((function.name, "." * node.level + (node.module or "")))
            elif isinstance(node, ast.Import) and any(
                alias.name.startswith("wagtail_newsroom") for alias in node.names
            ):
                found.append((function.name, node.names[0].name))
    return found


def test_the_app_s_modules_import_each_other_at_the_top():
    deferred = [
        (str(path.relative_to(PACKAGE)), function, module)
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        for function, module in deferred_imports(path)
        if (str(path.relative_to(PACKAGE)), function) not in DEFERRED
    ]
    assert deferred == []


def test_the_check_finds_a_deferred_import(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("def feed(request):\n    from ..feeds import ArticleFeed\n")
    assert deferred_imports(module) == [("feed", "..feeds")]
