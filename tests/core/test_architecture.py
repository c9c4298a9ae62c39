"""The import graph: core imports no area; an area imports another only through the names that
decision 0012 lists; no migration imports application code."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "vanphong"
DECISION = ROOT / "docs" / "decisions" / "0012-seams.md"
APPS = {path.parent.name for path in PACKAGE.glob("*/apps.py")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every import of `vanphong` code in the file, at any depth (an import
    inside a function is a dependency too); `import x` gives the name "*"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "*") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, alias.name) for alias in node.names]
    return [(module, name) for module, name in found if module.split(".")[0] == "vanphong"]


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in APPS else None


def allowed_imports() -> list[tuple[str, str, set[str]]]:
    block = re.search(r"```imports\n(.*?)```", DECISION.read_text(encoding="utf-8"), re.S)
    assert block, f"{DECISION.name} has no imports block"
    rules = []
    for line in block.group(1).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            importer, module, *names = line.split()
            rules.append((importer, module, set(names)))
    return rules


def allowed(importer: str, module: str, name: str, rules) -> bool:
    for rule_importer, rule_module, names in rules:
        if rule_importer != importer:
            continue
        if rule_module.endswith(".*"):
            prefix = rule_module[:-2]
            matches = module == prefix or module.startswith(prefix + ".")
        else:
            matches = module == rule_module
        if matches and ("*" in names or name in names):
            return True
    return False


def sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def test_the_package_has_the_apps_this_test_knows():
    assert {"core", "organizations", "documents", "reports"} <= APPS


def test_core_imports_no_area():
    wrong = [
        f"{module_name(path)} imports {module}"
        for path in sources()
        if app_of(module_name(path)) == "core"
        for module, _name in imports(path)
        if app_of(module) != "core"
    ]
    assert wrong == []


def test_an_area_imports_another_only_through_the_listed_names():
    rules = allowed_imports()
    wrong = []
    for path in sources():
        importer = app_of(module_name(path))
        if importer in (None, "core"):
            continue
        for module, name in imports(path):
            target = app_of(module)
            if target in (None, "core", importer):
                if target is None:
                    wrong.append(f"{module_name(path)} imports project module {module}")
                continue
            if not allowed(importer, module, name, rules):
                wrong.append(f"{module_name(path)} imports {name} from {module}")
    assert wrong == []


def test_the_check_refuses_an_unlisted_import():
    """The rules are not vacuous: documents may read organizations' models, not its views, and
    organizations may not import documents beyond the one listed edge."""
    rules = allowed_imports()
    assert allowed("documents", "vanphong.organizations.models", "Organization", rules)
    assert not allowed("documents", "vanphong.organizations.views_orgs", "tree", rules)
    assert not allowed("organizations", "vanphong.documents.models", "IncomingDocument", rules)
    assert allowed("reports", "vanphong.organizations.services.members", "today", rules)


def test_no_migration_imports_application_code():
    wrong = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in sorted(PACKAGE.glob("*/migrations/*.py"))
        for module, _name in imports(path)
        if ".migrations" not in module
    ]
    # importlib.import_module("vanphong.…") is an import too
    wrong += [
        f"{path.relative_to(ROOT)} loads {name}"
        for path in sorted(PACKAGE.glob("*/migrations/*.py"))
        for name in re.findall(r"import_module\(\s*[\"'](vanphong\.[\w.]+)", path.read_text())
        if ".migrations." not in name
    ]
    assert wrong == []
