"""Mutation testing of the modules whose bugs cost users most, each against its own tests.

`make mutation` runs this (`python -m tests.mutation [TARGET ...]`). For each target it makes a
scratch copy of the working tree in build/mutation/TARGET/ (mutmut writes its mutants and
state into the directory it runs in, and reads its settings from there), lets mutmut 3 mutate
only the target's functions and run only the target's own test files, then prints the share
of mutants killed and writes the surviving mutants' diffs to build/mutation/TARGET/survivors.txt.
Each target's result goes to build/mutation/TARGET/result.json, the latest of all to
build/mutation/summary.json. Not part of `make test`: it runs for tens of
minutes."""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "build" / "mutation"
PACKAGES = ("spiders", "classifiers", "warehouse", "flows")
GOAL = 0.80
# mutmut's statuses; a mutant that hangs the tests ("timeout") has been caught by them.
CAUGHT = {"killed", "timeout", "segfault"}


@dataclass(frozen=True)
class Target:
    name: str
    files: tuple[str, ...]  # the files mutmut may change
    tests: tuple[str, ...]  # the target's own test files
    # mutant name globs: the target's functions, where a file holds more than the target
    functions: tuple[str, ...] = ()


TARGETS = (
    Target(
        "address_guard",
        files=("spiders/middlewares.py", "spiders/resolver.py"),
        functions=(
            "spiders.middlewares.x_loopback_host__mutmut_*",
            "spiders.middlewares.x_address_allowed__mutmut_*",
            "spiders.middlewares.xǁAddressGuardMiddlewareǁ*",
            "spiders.resolver.*",
        ),
        tests=(
            "tests/spiders/test_parts.py",
            "tests/spiders/test_callbacks.py",
            "tests/spiders/test_loopback_only.py",
        ),
    ),
    Target("sources", files=("spiders/sources.py",), tests=("tests/spiders/test_sources.py",)),
    Target("lake", files=("warehouse/lake.py",), tests=("tests/warehouse/test_lake.py",)),
    Target(
        "report",
        files=("warehouse/report.py",),
        tests=("tests/report/test_escaping.py", "tests/report/test_report.py"),
    ),
    Target(
        "metrics", files=("classifiers/metrics.py",), tests=("tests/classifiers/test_metrics.py",)
    ),
    Target(
        "washing",
        files=("classifiers/components.py",),
        tests=("tests/classifiers/test_component.py",),
    ),
    Target(
        "claim_reuse",
        files=("flows/nightly.py",),
        functions=(
            "flows.nightly.x__stored_claims__mutmut_*",
            "flows.nightly.x_classify__mutmut_*",
        ),
        tests=("tests/flows/test_claim_reuse.py",),
    ),
)


def workspace(target: Target) -> Path:
    """A copy of the files git knows (committed or not) with mutmut's settings beside them."""
    root = OUT / target.name
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.decode()
    top_level = set()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if not source.is_file():
            continue  # deleted in the working tree
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / name)
        top_level.add(name.split("/", 1)[0])
    # mutmut runs the tests inside mutants/, so whatever they read beside the code goes too.
    also_copy = sorted(top_level - set(PACKAGES) - {"tests"})
    (root / "setup.cfg").write_text(
        "[mutmut]\n"
        + _cfg_list("source_paths", PACKAGES)
        + _cfg_list("only_mutate", target.files)
        + _cfg_list("pytest_add_cli_args_test_selection", target.tests)
        + _cfg_list("also_copy", also_copy)
        # The repository's own copy must not shadow the mutants in a test's subprocess.
        + "use_git_change_detection = false\n"
    )
    return root


def _cfg_list(key: str, values: tuple[str, ...] | list[str]) -> str:
    return f"{key} =\n" + "".join(f"    {value}\n" for value in values)


def run(target: Target) -> dict:
    root = workspace(target)
    env = dict(os.environ)
    # Tests that start Python subprocesses (a writer killed mid-write) must import the
    # mutated code too; the trained model stays where `make` built it.
    env["PYTHONPATH"] = str(root / "mutants")
    # ...and exist before mutmut starts: Python caches a missing sys.path entry as empty.
    (root / "mutants").mkdir()
    env.setdefault("HYPEWATCH_MODEL", str(REPO / "build" / "model"))
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    print(
        f"== {target.name}: {', '.join(target.files)} against {', '.join(target.tests)}", flush=True
    )
    completed = subprocess.run(
        [mutmut, "run", *target.functions],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    (root / "mutmut-run.log").write_text(completed.stdout)
    if completed.returncode != 0:
        raise SystemExit(f"error: mutmut failed on {target.name}: see {root / 'mutmut-run.log'}")
    listed = subprocess.run(
        [mutmut, "results", "--all", "true"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    statuses = {}
    for line in listed.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name and (
            not target.functions or any(fnmatch.fnmatchcase(name, f) for f in target.functions)
        ):
            statuses[name] = status
    survivors = sorted(name for name, status in statuses.items() if status not in CAUGHT)
    diffs = [
        subprocess.run(
            [mutmut, "show", name], cwd=root, env=env, capture_output=True, text=True
        ).stdout
        for name in survivors
    ]
    (root / "survivors.txt").write_text("\n\n".join(diffs))
    counts: dict[str, int] = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    caught = sum(counts.get(status, 0) for status in CAUGHT)
    return {
        "target": target.name,
        "files": list(target.files),
        "tests": list(target.tests),
        "mutants": len(statuses),
        "caught": caught,
        "score": round(caught / len(statuses), 4) if statuses else None,
        "statuses": counts,
        "survivors": survivors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help="default: all of them")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.targets) - {t.name for t in TARGETS})
    if unknown:
        parser.error(
            f"unknown target {', '.join(unknown)}: choose from {', '.join(t.name for t in TARGETS)}"
        )
    chosen = [t for t in TARGETS if not args.targets or t.name in args.targets]
    results = []
    for target in chosen:
        result = run(target)
        (OUT / target.name / "result.json").write_text(json.dumps(result, indent=2) + "\n")
        results.append(result)
    # Every target's latest result, whichever run (or helper) measured it.
    summary = OUT / "summary.json"
    latest = {
        path.parent.name: json.loads(path.read_text()) for path in sorted(OUT.glob("*/result.json"))
    }
    summary.write_text(json.dumps(latest, indent=2) + "\n")
    print(f"\n{'target':<14} {'mutants':>7} {'caught':>7} {'score':>6}")
    for r in results:
        print(f"{r['target']:<14} {r['mutants']:>7} {r['caught']:>7} {r['score'] or 0:>6.1%}")
    below = [r["target"] for r in results if (r["score"] or 0) < GOAL]
    print(f"survivors: build/mutation/TARGET/survivors.txt; totals: {summary.relative_to(REPO)}")
    if below:
        print(f"below {GOAL:.0%}: {', '.join(below)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
