#!/usr/bin/env python3
"""Issue 15's figures for the live workshop: how many answers a second `sos serve`
accepts from 40 trainees answering at once, and how soon the board's event stream
reports an answer.

Starts `sos serve` on loopback over a new database, opens a room on the generated
2,000-decision scenario (every option valid, no statements, so a trainee can answer
without an engine), joins 40 trainees, and has each post its answers as fast as the
server acknowledges them, each in its own thread, for --seconds. Then, with the
board's event stream open, posts single answers and times each one's event.

Usage: Benchmarks/scripts/live-room.py [--sos .build-release/release/sos] [--seconds 20]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import http.client


def post(connection, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request("POST", path, json.dumps(body), headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, data


def main():
    parser = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--sos", default=os.path.join(root, ".build-release/release/sos"))
    parser.add_argument("--trainees", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--samples", type=int, default=50)
    arguments = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="sos-live-bench-")
    scenario = os.path.join(folder, "g2000.yaml")
    with open(scenario, "w") as file:
        subprocess.run([sys.executable, os.path.join(root, "Benchmarks/scripts/generate-scenario.py")],
                       stdout=file, check=True)
    environment = dict(os.environ, XDG_DATA_HOME=folder + "/data", XDG_STATE_HOME=folder + "/state")
    key_file = folder + "/server-key"
    server = subprocess.Popen(
        [arguments.sos, "serve", "--listen", "127.0.0.1:0", "--db", folder + "/w.sqlite", "--key-file", key_file],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, text=True)
    try:
        address = re.search(r"listening on http://(127\.0\.0\.1:\d+)", server.stdout.readline()).group(1)
        host, port = address.split(":")
        room = json.loads(subprocess.run(
            [arguments.sos, "room", "open", "bench", "--scenario", scenario, "--server", address,
             "--key-file", key_file, "--json"], capture_output=True, text=True, env=environment, check=True).stdout)
        joined = []
        connection = http.client.HTTPConnection(host, int(port))
        for index in range(arguments.trainees):
            status, data = post(connection, "/api/join", {"code": room["code"], "name": f"T{index}"})
            joined.append(json.loads(data))
        counts = [0] * len(joined)
        stop = time.time() + arguments.seconds
        failures = []

        def play(index):
            trainee = joined[index]
            own = http.client.HTTPConnection(host, int(port))
            generator = random.Random(index)
            sequence = 0
            while time.time() < stop:
                status, data = post(own, f"/api/sessions/{trainee['session']}/inputs",
                                    {"sequence": sequence, "kind": "choose", "value": str(generator.randint(1, 3))},
                                    trainee["token"])
                if status != 200:
                    if b"ended" in data:
                        return
                    failures.append(data)
                    return
                sequence += 1
                counts[index] = sequence

        started = time.time()
        threads = [threading.Thread(target=play, args=(index,)) for index in range(len(joined))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - started
        total = sum(counts)
        print(f"{len(joined)} trainees: {total} answers in {elapsed:.1f} s = {total / elapsed:.0f} answers/s"
              f" ({'no' if not failures else len(failures)} refusals)")

        # The board's latency: one more trainee, the event stream open with the token.
        status, data = post(connection, "/api/join", {"code": room["code"], "name": "Watched"})
        watched = json.loads(data)
        stream = http.client.HTTPConnection(host, int(port))
        stream.request("GET", f"/board/{room['code']}/events", headers={"Authorization": "Bearer " + room["token"]})
        events = stream.getresponse()

        def next_event():
            while True:
                line = events.fp.readline()
                if line.startswith(b"data: "):
                    return
        next_event()
        latencies = []
        for sequence in range(arguments.samples):
            sent = time.time()
            post(connection, f"/api/sessions/{watched['session']}/inputs",
                 {"sequence": sequence, "kind": "choose", "value": "1"}, watched["token"])
            next_event()
            latencies.append((time.time() - sent) * 1000)
            time.sleep(0.05)
        latencies.sort()
        print(f"board event after an answer: median {latencies[len(latencies) // 2]:.1f} ms,"
              f" worst {latencies[-1]:.1f} ms over {len(latencies)} answers (40 sessions in the room)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
