"""Every network destination a command (and all its children) tried to reach, from strace.

    python -m tests.connections [--log FILE] -- COMMAND ...

runs COMMAND under `strace -f` (connect, sendto and sendmsg calls), then prints each IPv4 and
IPv6 destination with its count and exits 1 if any lies outside 127.0.0.0/8 and ::1. How the
closing notes show that a full `make test` stays on the machine:

    tests/loopback-only.sh .venv/bin/python -m tests.connections -- .venv/bin/python -m pytest

The command's own exit code is reported, not used: this answers where it went, not whether
it passed."""

from __future__ import annotations

import argparse
import ipaddress
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

# strace renders a socket address as, e.g.,
#   {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr("127.0.0.1")}
#   {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=..., inet_pton(AF_INET6, "::1", ...
INET = re.compile(r'sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
INET6 = re.compile(r'sa_family=AF_INET6, sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"')


def destinations(log: str) -> Counter[tuple[str, int]]:
    found: Counter[tuple[str, int]] = Counter()
    for line in log.splitlines():
        for pattern in (INET, INET6):
            for port, address in pattern.findall(line):
                found[(address, int(port))] += 1
    return found


def on_the_machine(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # Port 0 to the unspecified address is how a UDP socket is disconnected, not traffic.
    return ip.is_loopback or ip.is_unspecified


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, default=Path("build/connections.strace"))
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    strace = shutil.which("strace")
    if strace is None:
        print("error: strace is not installed (apt-get install strace)", file=sys.stderr)
        return 2
    args.log.parent.mkdir(parents=True, exist_ok=True)
    trace = [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(args.log)]
    returncode = subprocess.call([*trace, *command])
    found = destinations(args.log.read_text(errors="replace"))
    outside = {dest: n for dest, n in found.items() if not on_the_machine(dest[0])}
    for (address, port), n in sorted(found.items()):
        mark = "" if on_the_machine(address) else "   <- outside the machine"
        print(f"{n:8d}  {address} port {port}{mark}")
    print(
        f"{sum(found.values())} attempts to {len(found)} destinations; "
        f"{len(outside)} outside 127.0.0.0/8 and ::1; command exited {returncode}; log {args.log}"
    )
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
