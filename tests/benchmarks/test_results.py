"""Every benchmark writes its own section of RESULTS.md and leaves the others as they were."""

from benchmarks.results import write_section

RESULTS = """# Benchmark results

## Latency

search speed

## Basic mode

basic figures

## Cluster failover

old figures
"""


def test_a_section_is_replaced_in_place_and_the_others_are_kept(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(RESULTS)

    write_section("## Basic mode", "## Basic mode\n\nnew basic figures\n", path)

    assert path.read_text() == RESULTS.replace("basic figures", "new basic figures")


def test_a_new_section_goes_at_the_end(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(RESULTS)

    write_section("## Load test", "## Load test\n\n50 visitors\n", path)

    assert path.read_text() == RESULTS + "\n## Load test\n\n50 visitors\n"
