#!/usr/bin/env python3
"""Writes a generated SOS scenario for benchmarks (issue 14; see BENCHMARKS.md).

ChoiceScript-like structure: N decision nodes in a row, 3 options each, each option
jumping 1-10 nodes ahead (so every path ends), endings past the last node with
outcomes in bands. With --variables, a `score` state variable changes on every option
and the endings are reached through conditional gotos on it.

    python3 Benchmarks/scripts/generate-scenario.py --nodes 2000 --seed 1 > /tmp/g.yaml
"""
import argparse
import random


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variables", action="store_true",
                        help="a score variable with effects on every option")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    count = arguments.nodes
    out = []
    write = out.append
    write("format: 1")
    write(f"id: generated-{count}{'-variables' if arguments.variables else ''}")
    write(f'title: "Generated benchmark, {count} nodes"')
    write("kind: outage")
    write("cluster: accidental")
    write("difficulty: advanced")
    write("minutes: 45")
    write("role: Benchmark runner")
    write('starts_at: "09:00"')
    write("briefing: |")
    write("  A generated scenario: every option jumps one to ten decisions ahead.")
    write("stakeholders:")
    write("  customers: { label: Customers, required: true }")
    if arguments.variables:
        write("state:")
        write("  score: 0")
    write("start: n0")
    write("nodes:")
    endings = ["end-low", "end-mid", "end-high"]
    for index in range(count):
        write(f"  n{index}:")
        write("    text: Choose.")
        write("    choices:")
        for letter, quality in zip("abc", (2, 1, -1)):
            target = index + rng.randint(1, 10)
            # Within the loader's budget of 100,000 YAML nodes: with variables, the
            # score carries the quality of an option instead of quality points, and
            # options take no time.
            scored = f", takes: 5m, quality: {{ clarity: {quality} }}"
            effects = ""
            if arguments.variables:
                scored = ""
                effects = f", effects: {{ add: {{ score: {quality} }} }}"
            if target >= count:
                if arguments.variables:
                    goto = ("goto: [ { when: 'score >= 200', to: end-high },"
                            " { when: 'score >= 50', to: end-mid }, { to: end-low } ]")
                else:
                    goto = f"goto: {rng.choice(endings)}"
            else:
                goto = f"goto: n{target}"
            contacts = ", contacts: [customers]" if letter == "a" and index % 50 == 0 else ""
            write(f"      - {{ id: n{index}-{letter}, text: Option {letter}"
                  f"{scored}{contacts}{effects}, {goto} }}")
    for ending, outcome in zip(endings, (10, 50, 100)):
        write(f"  {ending}:")
        write("    ending: true")
        write(f"    outcome: {outcome}")
        write("    text: The end.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
