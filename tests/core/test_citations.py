"""The repository explains itself: code and docs cite only files that are in it (docs/rules,
docs/decisions, docs/architecture.md), and every such citation names a file that exists."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ["src", "tests", "docs", "bench", "bin", "README.md"]
SUFFIXES = {".py", ".md", ".html", ".txt", ".toml", ".po", ""}

# Written in pieces so that this file does not match itself.
OUTSIDE = re.compile(
    "|".join(
        [
            r"domain" + r"\.md",
            r"DESIGN" + r"\.md",
            r"\.\./shared",
            r"shared" + "/",
            r"[Ii]ssue" + r" \d",
        ]
    )
)
DOC_PATH = re.compile(r"docs/[\w./-]+\.md")
DECISION = re.compile(r"\b[Dd]ecision (\d{4})\b")


def _files():
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in candidates:
            if not file.is_file() or file.suffix not in SUFFIXES:
                continue
            if any(part in {".venv", "__pycache__", "node_modules"} for part in file.parts):
                continue
            if ".egg-info" in str(file) or "static/vendor" in str(file):
                continue
            yield file


def _lines():
    for file in _files():
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            yield file.relative_to(ROOT), number, line


@pytest.fixture(scope="module")
def lines():
    return list(_lines())


def test_nothing_cites_a_file_outside_the_repository_or_an_issue(lines):
    found = [
        f"{file}:{number}: {line.strip()}" for file, number, line in lines if OUTSIDE.search(line)
    ]
    assert found == []


def test_every_cited_doc_exists(lines):
    missing = []
    for file, number, line in lines:
        for cited in DOC_PATH.findall(line):
            cited = cited.rstrip(".")
            if not (ROOT / cited).is_file():
                missing.append(f"{file}:{number}: {cited}")
    assert missing == []


def test_every_cited_decision_exists(lines):
    decisions = {path.name[:4] for path in (ROOT / "docs" / "decisions").glob("*.md")}
    missing = [
        f"{file}:{number}: decision {code}"
        for file, number, line in lines
        for code in DECISION.findall(line)
        if code not in decisions
    ]
    assert missing == []


def test_every_relative_link_in_the_docs_resolves():
    link = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
    missing = []
    for file in _files():
        if file.suffix != ".md":
            continue
        for target in link.findall(file.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            if not (file.parent / target).exists():
                missing.append(f"{file.relative_to(ROOT)}: {target}")
    assert missing == []
