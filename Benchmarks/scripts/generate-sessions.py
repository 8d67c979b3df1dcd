#!/usr/bin/env python3
"""Writes N session files of a shipped scenario, played for real (issue 14).

The cohort benchmark needs thousands of realistic hand-ins: valid answer logs that
replay, with varied choices and statements. This script plays them through the
release `sos` itself, in one plain-mode shell (`sos --cohort ... --as ... --seed S`),
choosing options at random and typing statements drawn from the scenario's
playthrough file (scenarios/playthroughs/ID.yaml), each cut and recombined at
sentence boundaries so that no two are alike, plus a few weak ones. A small share of
sessions is left unfinished (`quit` mid-way). Then `sos cohort export --format
sessions` writes one file per session, exactly as a facilitator's export does.

Played at machine speed, every answer of a session lands within milliseconds, and
one shell has one trainee. A last pass therefore rewrites, in each file, the trainee
(from a pool of about N/4 names, so most trainees have several attempts) and the
times (a workshop day per 500 sessions, 15-150 seconds of thought before each
answer). Neither affects replay: untimed sessions carry no latencies, and scores
come from the answers, the seed and the scenario text. The files carry no hand-in
seal, so the edit breaks nothing a facilitator would check.

    python3 Benchmarks/scripts/generate-sessions.py --count 10000 --out /tmp/hand-ins
    python3 Benchmarks/scripts/generate-sessions.py --scenario voice-core-outage \
        --count 200 --out /tmp/outage --sos .build-release/release/sos

Deterministic for a given --seed (and binary): the same files, byte for byte, except
the session ids, which `sos` draws at random.
"""
import argparse
import datetime
import json
import os
import random
import re
import select
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROMPT = re.compile(rb"(choice \[[0-9-]+\]> |statement> |sos> )$")
CHOICES = re.compile(rb"choice \[1(?:-([0-9]+))?\]> $")

FIRST = ["Ada", "Ben", "Chloe", "Dev", "Efua", "Farid", "Grace", "Hiro", "Ines", "Jonas",
         "Kemi", "Liam", "Maya", "Nikhil", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tariq",
         "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe"]
LAST = ["Adeyemi", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad",
        "Ito", "Jensen", "Kowalski", "Lopez", "Murphy", "Nakamura", "Okafor", "Patel",
        "Quist", "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Yilmaz",
        "Zhang"]
WEAK = [
    "We are aware of the issue and are looking into it.",
    "No comment at this time.",
    "Due to operational issues, some services may be temporarily affected.",
    "We apologise for any inconvenience caused.",
    "This was not our fault and we will update you when we can.",
]


def statements(scenario: str) -> list[str]:
    """Every statement typed in the scenario's playthrough file."""
    path = os.path.join(ROOT, "scenarios", "playthroughs", f"{scenario}.yaml")
    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    found = []
    for path_entry in document.get("paths", []):
        for step in path_entry.get("steps", []):
            if isinstance(step, dict) and isinstance(step.get("write"), str):
                found.append(" ".join(step["write"].split()))
    if not found:
        sys.exit(f"error: {path} types no statements")
    return found


def statement(rng: random.Random, pool: list[str]) -> str:
    """A statement: weak now and then, else sentences of one or two good ones."""
    if rng.random() < 0.12:
        return rng.choice(WEAK)
    base = re.split(r"(?<=[.!?])\s+", rng.choice(pool))
    if rng.random() < 0.5:
        base += re.split(r"(?<=[.!?])\s+", rng.choice(pool))[:2]
    keep = [sentence for sentence in base if rng.random() < 0.8] or base[:1]
    return " ".join(keep)


class Shell:
    """A plain-mode `sos` shell driven through pipes, one prompt at a time."""

    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=ROOT, env=dict(os.environ, NO_COLOR="1", COLUMNS="200"))
        self.buffer = b""

    def prompt(self) -> bytes:
        """Reads up to the next prompt and returns it."""
        out = self.process.stdout.fileno()
        while True:
            match = PROMPT.search(self.buffer[-40:])
            if match:
                self.buffer = b""
                return match.group(0)
            ready, _, _ = select.select([out], [], [], 60)
            if not ready:
                sys.exit("error: sos gave no prompt for 60 s; last output:\n"
                         + self.buffer[-2000:].decode(errors="replace"))
            chunk = os.read(out, 1 << 16)
            if not chunk:
                error = self.process.stderr.read().decode(errors="replace")
                sys.exit("error: sos ended early:\n" + self.buffer[-2000:].decode(
                    errors="replace") + error)
            self.buffer += chunk

    def send(self, line: str) -> None:
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def close(self) -> None:
        self.send("quit")
        self.process.stdin.close()
        self.process.wait(timeout=60)


def play(sos: str, database: str, scenario: str, count: int, rng: random.Random,
         seed: int) -> None:
    """Plays `count` sessions of `scenario` into the cohort 'generated'."""
    pool = statements(scenario)
    shell = Shell([sos, "--db", database, "--cohort", "generated", "--as", "generator",
                   "--seed", str(seed)])
    assert shell.prompt() == b"sos> "
    for index in range(count):
        shell.send(f"play {scenario}")
        quit_after = rng.randint(2, 8) if rng.random() < 0.03 else None
        answers = 0
        while True:
            prompt = shell.prompt()
            if prompt == b"sos> ":
                break
            if quit_after is not None and answers >= quit_after:
                shell.send("quit")
                continue
            answers += 1
            if prompt == b"statement> ":
                shell.send(statement(rng, pool))
            else:
                match = CHOICES.search(prompt)
                options = int(match.group(1) or 1) if match else 1
                # Trainees lean towards the first options they read less than one
                # would think; a plain uniform choice is as good as any.
                shell.send(str(rng.randint(1, options)))
        if (index + 1) % 500 == 0:
            print(f"  played {index + 1} of {count}", file=sys.stderr)
    shell.close()


def spread(path: str, index: int, names: list[str], rng: random.Random) -> None:
    """Gives a file a trainee from the pool and a workshop's pace of answers."""
    with open(path, encoding="utf-8") as handle:
        session = json.load(handle)
    day = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)
    day += datetime.timedelta(days=index // 500, seconds=(index % 500) * 50)
    moment = day + datetime.timedelta(milliseconds=rng.randint(0, 999))

    def stamp(value: datetime.datetime) -> str:
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"

    session["trainee"] = names[index % len(names)]
    session["started"] = stamp(moment)
    for recorded in session["inputs"]:
        moment += datetime.timedelta(milliseconds=rng.randint(15_000, 150_000))
        recorded["at"] = stamp(moment)
    if session.get("finished"):
        session["finished"] = stamp(moment + datetime.timedelta(seconds=1))
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(session, handle, indent=2, sort_keys=True, ensure_ascii=False)
        handle.write("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="no-chicken", help="a shipped scenario's id")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--out", required=True, help="the folder to write (must not exist)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sos", default=os.path.join(ROOT, ".build-release", "release", "sos"))
    arguments = parser.parse_args()
    if not os.access(arguments.sos, os.X_OK):
        sys.exit(f"error: no executable at {arguments.sos} (see --sos)")
    if os.path.exists(arguments.out):
        sys.exit(f"error: {arguments.out} exists; give a new folder")
    rng = random.Random(arguments.seed)
    # The database only carries the plays to the export: a memory-backed folder
    # when there is one, as every answer is committed with fsync.
    scratch = tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        database = os.path.join(scratch, "generate.sqlite")
        subprocess.run([arguments.sos, "cohort", "create", "generated", "--db", database],
                       check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        play(arguments.sos, database, arguments.scenario, arguments.count, rng,
             arguments.seed * 1_000_003)
        subprocess.run([arguments.sos, "cohort", "export", "generated", "--format", "sessions",
                        "--out", arguments.out, "--db", database],
                       check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    names = [f"{first} {initial}. {last}" for first in FIRST for last in LAST
             for initial in "ABCDEFGHJKLMNPRSTW"]
    rng.shuffle(names)
    names = names[: max(1, arguments.count // 4)]
    files = sorted(name for name in os.listdir(arguments.out) if name.endswith(".json"))
    for index, name in enumerate(files):
        spread(os.path.join(arguments.out, name), index, names, rng)
    print(f"Wrote {len(files)} session files of {arguments.scenario} to {arguments.out}.")


if __name__ == "__main__":
    main()
