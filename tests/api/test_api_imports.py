"""The API plumbing lives in core: core's API modules import no area, and no area's API reaches
into another area's API modules for it."""

import ast
from pathlib import Path

SRC = Path(__file__).parents[2] / "src" / "vanphong"
AREAS = ("vanphong.organizations", "vanphong.documents", "vanphong.reports")


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_core_api_modules_import_no_area():
    for path in (SRC / "core/api.py", SRC / "core/api_auth.py"):
        assert not {n for n in imported(path) if n.startswith(AREAS)}, path


def test_the_documents_api_takes_its_plumbing_from_core_only():
    modules = [*(SRC / "documents/api").glob("*.py"), SRC / "documents/schemas.py"]
    for path in modules:
        foreign = {
            n
            for n in imported(path)
            if n.startswith(("vanphong.organizations.api", "vanphong.organizations.schemas"))
        }
        assert not foreign, path
