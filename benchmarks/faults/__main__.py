"""Fault-injection scenarios too long for `make test`, run by hand against the real services (`make services`);
each measures, never asserts, and writes its figures for benchmarks/FAULTS.md. From the repository's root:

    .venv/bin/python -m benchmarks.faults integrity # scenarios 1, 2, 3, 5, 7: index integrity
    .venv/bin/python -m benchmarks.faults slow      # scenario 4: the engine answers 4 s late
    .venv/bin/python -m benchmarks.faults jobs      # scenario 6: a worker killed mid-import, and mid-send
"""

import argparse

from benchmarks.faults import integrity, jobs, slow

SCENARIOS = {"integrity": integrity, "slow": slow, "jobs": jobs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="scenario", required=True)
    for name, scenario in SCENARIOS.items():
        scenario.add_arguments(commands.add_parser(name, help=scenario.HELP))
    args = parser.parse_args()
    SCENARIOS[args.scenario].run(args)


if __name__ == "__main__":
    main()
