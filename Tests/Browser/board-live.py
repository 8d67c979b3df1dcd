#!/usr/bin/env python3
"""The live board in a real browser: starts `sos serve` on loopback, opens a room,
joins a trainee through the API, opens the board in headless Chromium (driven over
the DevTools protocol, with only the standard library), sends an answer, and measures
how long the page takes to show it. Saves a screenshot of the board.

Usage: board-live.py --sos PATH/TO/sos [--chromium chromium] [--out board.png]
Prints "board updated in N ms" and exits 0 when the page showed the answer within
the bound (2 s by default), 1 otherwise.
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request


class WebSocket:
    """A minimal WebSocket client (RFC 6455): text frames, enough for DevTools."""

    def __init__(self, url):
        match = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("the browser closed the DevTools connection")
            response += chunk
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError("no WebSocket upgrade: " + response.decode(errors="replace"))
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def send(self, text):
        data = text.encode()
        header = bytearray([0x81])
        length = len(data)
        if length < 126:
            header.append(0x80 | length)
        elif length < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", length)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(data))
        self.sock.sendall(bytes(header) + mask + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("the browser closed the DevTools connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            message += payload
            if first & 0x80:
                return message.decode()


class DevTools:
    """Commands to one page over the DevTools protocol."""

    def __init__(self, url):
        self.socket = WebSocket(url)
        self.next = 0
        self.events = []

    def call(self, method, **params):
        self.next += 1
        ident = self.next
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for message in self.events:
                if message.get("method") == event:
                    self.events.remove(message)
                    return message
            self.events.append(json.loads(self.socket.receive()))
        raise RuntimeError(f"no {event}")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")


def request(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read() or b"null")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sos", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--scenarios", default=os.path.join(os.path.dirname(__file__), "../../scenarios"))
    parser.add_argument("--out", default=None)
    parser.add_argument("--bound-ms", type=int, default=2000)
    arguments = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="sos-board-")
    environment = dict(os.environ, XDG_DATA_HOME=folder + "/data", XDG_STATE_HOME=folder + "/state", NO_COLOR="1")
    database, key_file = folder + "/workshop.sqlite", folder + "/server-key"
    server = subprocess.Popen(
        [arguments.sos, "serve", "--listen", "127.0.0.1:0", "--db", database, "--key-file", key_file],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, text=True)
    browser = None
    try:
        line = server.stdout.readline()
        address = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line).group(1)
        opened = subprocess.run(
            [arguments.sos, "room", "open", "browser-check", "--scenario", "broken-cello",
             "--server", address, "--key-file", key_file, "--scenarios", arguments.scenarios, "--json"],
            capture_output=True, text=True, env=environment, check=True)
        room = json.loads(opened.stdout)
        trainees = []
        for name in ["Alex Morgan", "Sam Okafor", "Priya Shah"]:
            trainees.append(request(address, "POST", "/api/join", {"code": room["code"], "name": name}))
        for index, trainee in enumerate(trainees[:2]):
            request(address, "POST", f"/api/sessions/{trainee['session']}/inputs",
                    {"sequence": 0, "kind": "choose", "value": str(index + 1)}, trainee["token"])

        profile = folder + "/chromium"
        browser = subprocess.Popen(
            [arguments.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile + "/DevToolsActivePort"
        deadline = time.time() + 60
        while not os.path.exists(port_file) or not open(port_file).read().strip():
            if time.time() > deadline:
                raise RuntimeError("Chromium did not start")
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        pages = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30).read())
        page = next(target for target in pages if target.get("type") == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=860, deviceScaleFactor=1, mobile=False)
        # Log in as a facilitator would: the form posts the code and the token.
        tools.call("Page.navigate", url=address + "/login")
        tools.wait_for("Page.loadEventFired")
        tools.evaluate(
            "document.querySelector('input[name=code]').value = %s;"
            "document.querySelector('input[name=token]').value = %s;"
            "document.querySelector('form.login').submit();" % (json.dumps(room["code"]), json.dumps(room["token"])))
        tools.wait_for("Page.loadEventFired")
        url = tools.evaluate("location.href")
        if not url.endswith("/board/" + room["code"]):
            raise RuntimeError("the login did not open the board: " + str(url))
        # Wait until the live stream has delivered its first picture.
        deadline = time.time() + 20
        while not tools.evaluate("document.body.dataset.updated || ''"):
            if time.time() > deadline:
                raise RuntimeError("the board's live stream never connected")
            time.sleep(0.05)
        before = tools.evaluate("document.querySelector('#board').innerText")
        started = time.time()
        third = trainees[2]
        request(address, "POST", f"/api/sessions/{third['session']}/inputs",
                {"sequence": 0, "kind": "choose", "value": "1"}, third["token"])
        shown = None
        while time.time() - started < 10:
            text = tools.evaluate("document.querySelector('#board').innerText")
            rows = [row for row in text.split("\n") if row.startswith("Priya Shah")]
            if rows and "\t1\t" in rows[0] and text != before:
                shown = time.time()
                break
            time.sleep(0.02)
        if arguments.out:
            shot = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            with open(arguments.out, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
        if shown is None:
            print("the board did not show the answer within 10 s")
            return 1
        elapsed = int((shown - started) * 1000)
        print(f"board updated in {elapsed} ms")
        return 0 if elapsed <= arguments.bound_ms else 1
    finally:
        if browser:
            browser.kill()
            browser.wait()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
