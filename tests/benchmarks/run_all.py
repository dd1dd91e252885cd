"""`make bench`: every tests/benchmarks/bench_*.py in its own process, one after another
(so one benchmark's memory and threads never colour another's numbers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        module = f"tests.benchmarks.{script.stem}"
        print(f"\n=== {module}", flush=True)
        if subprocess.run([sys.executable, "-m", module], cwd=HERE.parents[1]).returncode:
            failed.append(module)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
