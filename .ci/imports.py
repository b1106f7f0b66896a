#!/usr/bin/env python3
"""Checks the layer rules of ARCHITECTURE.md on node/src.

For every module (a file), lists the crate modules it names (`crate::x`,
`super::x`, outside comments and unit tests), then fails if two modules
import each other or if a module imports a layer above its own. Run from
the repository root: `python3 .ci/imports.py` (`-v` prints the graph).
"""
import os
import re
import sys

ROOT = "node/src"
# Highest first: a layer may import the layers below it, and modules of
# its own folder, never a layer above.
LAYERS = [
    ["main", "tools"],
    ["api"],
    ["exchange"],
    ["audit", "pki"],
    ["records"],
    ["config"],
    ["policy", "error", "blobs", "hits"],
    ["vault"],
    ["store", "metrics", "clock"],
    ["tlog"],
]
RANK = {name: len(LAYERS) - i for i, names in enumerate(LAYERS) for name in names}


def modules():
    found = {}
    for directory, _, files in os.walk(ROOT):
        for file in files:
            if not file.endswith(".rs"):
                continue
            path = os.path.join(directory, file)
            parts = os.path.relpath(path, ROOT)[:-3].split(os.sep)
            if parts[-1] == "mod":
                parts = parts[:-1]
            with open(path) as f:
                found["::".join(parts)] = f.read()
    return found


def imports(name, source, known):
    source = re.sub(r"#\[cfg\(test\)\]\s*mod tests \{.*", "", source, flags=re.S)
    source = re.sub(r"//.*", "", source)
    if "::" in name:
        parent = name.rsplit("::", 1)[0]
        source = re.sub(r"\bsuper::", "crate::" + parent + "::", source)
    found = set()
    for m in re.finditer(r"crate::((?:\w+::)*\w+)(?:::\{([^}]*)\})?", source):
        paths = [m.group(1)]
        if m.group(2):
            paths = [m.group(1) + "::" + p.strip().split("::")[0].split(" ")[0]
                     for p in m.group(2).split(",") if p.strip()]
        for path in paths:
            segments = path.split("::")
            for n in range(len(segments), 0, -1):
                target = "::".join(segments[:n])
                if target in known:
                    # A module's own ancestors only declare and re-export it.
                    if target != name and not name.startswith(target + "::"):
                        found.add(target)
                    break
    return found


def main():
    mods = modules()
    graph = {name: imports(name, source, mods) for name, source in mods.items()}
    if "-v" in sys.argv:
        for name in sorted(graph):
            print(name, "->", ", ".join(sorted(graph[name])))
    problems = []
    for a in sorted(graph):
        for b in sorted(graph[a]):
            if a < b and a in graph.get(b, ()):
                problems.append(f"{a} and {b} import each other")
            top_a, top_b = a.split("::")[0], b.split("::")[0]
            if top_a != top_b and RANK.get(top_a, 0) <= RANK.get(top_b, 0):
                problems.append(f"{a} imports {b}, a layer not below its own")
    for problem in problems:
        print(problem)
    print(f"{len(graph)} modules, {sum(map(len, graph.values()))} imports, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
