#!/usr/bin/env python3
"""Checks Liaison's Fluent message files (node/locales/<tag>/*.ftl).

For every file:
  1. it parses with no Junk (reported with file and line), and no message or
     term id appears twice;
  2. its first line is the status line and its second names the language:
       ### status: source                                        (en only)
       ### status: drafted, not yet reviewed by a native speaker
       ### status: reviewed by NAME on YYYY-MM-DD
       ### language: English
  3. a non-English file has exactly the message ids, term ids and attribute
     names of the English file of the same name, each message and attribute
     uses the same set of $variables as in English, and a `# en: ...` comment
     on a message, if there is one, still equals the English text.
Every language directory must hold every English file.

Usage: python3 node/locales/check.py [LOCALES_DIR]   (needs fluent.syntax:
pip install fluent.syntax). Exits 1 on any problem, listing each.
"""

import re
import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast, serializer
from fluent.syntax.visitor import Visitor

SOURCE = "en"
STATUS_SOURCE = "### status: source"
STATUS_DRAFTED = "### status: drafted, not yet reviewed by a native speaker"
STATUS_REVIEWED = re.compile(r"^### status: reviewed by \S.* on \d{4}-\d{2}-\d{2}$")
LANGUAGE = re.compile(r"^### language: [A-Z][A-Za-z ()-]+$")
TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$")


class Variables(Visitor):
    """Collects the names of the $variables a pattern uses."""

    def __init__(self):
        super().__init__()
        self.names = set()

    def visit_VariableReference(self, node):
        self.names.add(node.id.name)
        self.generic_visit(node)


def variables(node):
    if node is None:
        return set()
    collector = Variables()
    collector.visit(node)
    return collector.names


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def plain_text(pattern):
    """The pattern as one line of text, as a `# en:` comment spells it."""
    if pattern is None:
        return ""
    return " ".join(serializer.serialize_pattern(pattern).split())


class File:
    """One parsed .ftl file: its entries by id, with the problems found."""

    def __init__(self, path, problems):
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.entries = {}  # id -> (entry, line)
        resource = FluentParser(with_spans=True).parse(self.text)
        for entry in resource.body:
            line = line_of(self.text, entry.span.start)
            if isinstance(entry, ast.Junk):
                first = entry.content.splitlines()[0] if entry.content else ""
                notes = "; ".join(a.message for a in entry.annotations)
                problems.append(f"{path}:{line}: junk ({notes}): {first!r}")
            elif isinstance(entry, (ast.Message, ast.Term)):
                key = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
                if key in self.entries:
                    problems.append(f"{path}:{line}: {key} appears twice")
                self.entries[key] = (entry, line)


def check_header(path, text, problems):
    lines = text.splitlines()
    first = lines[0] if lines else ""
    second = lines[1] if len(lines) > 1 else ""
    is_source = path.parent.name == SOURCE
    if is_source:
        if first != STATUS_SOURCE:
            problems.append(f"{path}:1: the first line must be {STATUS_SOURCE!r}")
    elif first != STATUS_DRAFTED and not STATUS_REVIEWED.match(first):
        problems.append(
            f"{path}:1: the first line must be {STATUS_DRAFTED!r} or "
            "'### status: reviewed by NAME on YYYY-MM-DD'"
        )
    if not LANGUAGE.match(second):
        problems.append(f"{path}:2: the second line must be '### language: NAME' (in English)")


def compare(english, other, problems):
    path = other.path
    for key, (entry, line) in english.entries.items():
        if key not in other.entries:
            problems.append(f"{path}: {key} is missing (it is in {english.path}:{line})")
    for key, (entry, line) in other.entries.items():
        if key not in english.entries:
            problems.append(f"{path}:{line}: {key} is not in {english.path}")
            continue
        source = english.entries[key][0]
        names = {a.id.name for a in entry.attributes}
        source_names = {a.id.name for a in source.attributes}
        if names != source_names:
            problems.append(
                f"{path}:{line}: {key} has attributes {sorted(names)}, "
                f"English has {sorted(source_names)}"
            )
        if variables(entry.value) != variables(source.value):
            problems.append(
                f"{path}:{line}: {key} uses variables {sorted(variables(entry.value))}, "
                f"English uses {sorted(variables(source.value))}"
            )
        source_attributes = {a.id.name: a for a in source.attributes}
        for attribute in entry.attributes:
            twin = source_attributes.get(attribute.id.name)
            if twin and variables(attribute.value) != variables(twin.value):
                problems.append(
                    f"{path}:{line}: {key}.{attribute.id.name} uses variables "
                    f"{sorted(variables(attribute.value))}, English uses "
                    f"{sorted(variables(twin.value))}"
                )
        comment = entry.comment.content if entry.comment else ""
        for note in comment.splitlines():
            if note.startswith("en: ") and note[4:] != plain_text(source.value):
                problems.append(
                    f"{path}:{line}: {key}'s '# en:' comment no longer matches the English "
                    "text: the English changed, review this translation"
                )


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    problems = []
    english_dir = root / SOURCE
    if not english_dir.is_dir():
        print(f"{english_dir}: missing", file=sys.stderr)
        return 1
    files = {}
    for path in sorted(root.glob("*/*.ftl")):
        if not TAG.match(path.parent.name):
            problems.append(f"{path.parent}: not a BCP 47 language tag (e.g. th, km, fil)")
        parsed = File(path, problems)
        check_header(path, parsed.text, problems)
        files[path] = parsed
    english = {p.name: f for p, f in files.items() if p.parent.name == SOURCE}
    if not english:
        problems.append(f"{english_dir}: holds no .ftl file")
    for directory in sorted(d for d in root.iterdir() if d.is_dir() and d.name != SOURCE):
        if directory.name.startswith((".", "_")):
            continue
        for name in sorted(english):
            if not (directory / name).exists():
                problems.append(f"{directory / name}: missing (English has {name})")
    for path, parsed in files.items():
        if path.parent.name == SOURCE:
            continue
        if path.name not in english:
            problems.append(f"{path}: no English file of that name in {english_dir}")
            continue
        compare(english[path.name], parsed, problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    count = sum(
        1 for f in files.values() for (e, _) in f.entries.values() if isinstance(e, ast.Message)
    )
    if problems:
        print(f"check.py: {len(problems)} problem(s) in {len(files)} file(s)", file=sys.stderr)
        return 1
    print(f"check.py: {len(files)} file(s), {count} message(s), all consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
