#!/usr/bin/env python3
"""Where an edit's round trip goes, for a draft of your choosing (by hand; not run in CI).

    python3 benches/support/phases.py BIN WORKSPACE DRAFT [--pause S] [--edits N] [--pull]

Starts `BIN serve` with `COPYDESK_LOG=copydesk=debug`, opens WORKSPACE as the root (and waits
for its indexing to end), opens DRAFT as an unsaved document, then types and deletes one
character at the start of its middle line, N times, S seconds apart. The server logs when it
finished each check (`checked <uri> version <v> in <n> us`); with the client's clock this
splits each round trip into: before the check (reading, tower-lsp, scheduling), the check
(the harness's "edit" figure), from the check to the first byte of the publish arriving
(serialising, the output path), and the rest (reading and parsing the publish here).
Medians are printed. With `--pull` the client asks for diagnostics (`textDocument/diagnostic`,
as VS Code and Neovim 0.11 do) after each edit, and only the round trip is printed. Round 13 used a draft of 13 corpus articles pasted one after another
(every paragraph a copy of a workspace file, 639 diagnostics, 340 KB a publish).
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("workspace")
    parser.add_argument("draft")
    parser.add_argument("--pause", type=float, default=0.1)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--pull", action="store_true")
    args = parser.parse_args()
    log = tempfile.NamedTemporaryFile("w", suffix=".log", delete=False)
    server = subprocess.Popen(
        [args.binary, "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        env=dict(os.environ, COPYDESK_LOG="copydesk=debug"),
    )

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        """A message's body and the wall-clock time its header arrived."""
        length, arrived = 0, None
        while True:
            line = server.stdout.readline()
            arrived = arrived or time.time()
            if line in (b"\r\n", b"\n", b""):
                break
            if line.lower().startswith(b"content-length"):
                length = int(line.split(b":")[1])
        return server.stdout.read(length), arrived

    def until(predicate):
        while True:
            body, arrived = receive()
            message = json.loads(body)
            if "id" in message and "method" in message:
                send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            if predicate(message):
                return message, arrived

    root = "file://" + os.path.abspath(args.workspace)
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": root,
        "capabilities": {"window": {"workDoneProgress": True},
                         "textDocument": {"diagnostic": {}} if args.pull else {}},
        "initializationOptions": {"debounceMs": 0}}})
    until(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    until(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "end")

    text = open(args.draft, encoding="utf-8").read()
    uri = "file:///copydesk-phases/draft.md"

    def published(version):
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"].get("version") == version)

    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    if args.pull:
        pull_round_trips(args, send, until, uri, text, server)
        log.close()
        os.unlink(log.name)
        return
    first, _ = until(published(1))
    line = text.count("\n") // 2
    sent, header, done = {}, {}, {}
    for edit in range(args.edits):
        time.sleep(args.pause)
        version = edit + 2
        end = 0 if edit % 2 == 0 else 1
        change = {"range": {"start": {"line": line, "character": 0},
                            "end": {"line": line, "character": end}},
                  "text": "x" if end == 0 else ""}
        sent[version] = time.time()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        _, header[version] = until(published(version))
        done[version] = time.time()
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()
    log.close()

    phases = {"before the check": [], "the check": [], "check to publish": [], "rest": [],
              "round trip": []}
    checked = re.compile(r"(\S+)Z DEBUG \S+: checked \S+ version (\d+) in (\d+) us")
    for entry in open(log.name, encoding="utf-8"):
        found = checked.match(entry)
        if not found or int(found.group(2)) not in sent:
            continue
        version = int(found.group(2))
        finished = datetime.datetime.fromisoformat(found.group(1)).replace(
            tzinfo=datetime.timezone.utc).timestamp()
        compute = int(found.group(3)) / 1000
        phases["the check"].append(compute)
        phases["before the check"].append((finished - sent[version]) * 1000 - compute)
        phases["check to publish"].append((header[version] - finished) * 1000)
        phases["rest"].append((done[version] - header[version]) * 1000)
        phases["round trip"].append((done[version] - sent[version]) * 1000)
    os.unlink(log.name)
    print(f"{len(first['params']['diagnostics'])} diagnostics on open; medians over "
          f"{len(phases['the check'])} edits, ms:")
    for name, values in phases.items():
        values.sort()
        print(f"  {name:>16}: {values[len(values) // 2]:.2f}" if values else f"  {name}: -")


def pull_round_trips(args, send, until, uri, text, server):
    """Edits, each followed by a diagnostic request; the median time to its response."""
    line = text.count("\n") // 2
    trips = []
    for edit in range(args.edits + 1):
        if edit:
            time.sleep(args.pause)
        started = time.time()
        if edit:
            end = 0 if edit % 2 == 1 else 1
            change = {"range": {"start": {"line": line, "character": 0},
                                "end": {"line": line, "character": end}},
                      "text": "x" if end == 0 else ""}
            send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": edit + 1},
                "contentChanges": [change]}})
        request = 100 + edit
        send({"jsonrpc": "2.0", "id": request, "method": "textDocument/diagnostic",
              "params": {"textDocument": {"uri": uri}}})
        response, _ = until(lambda m: m.get("id") == request and "method" not in m)
        if edit:
            trips.append((time.time() - started) * 1000)
        else:
            count = len(response["result"]["items"])
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()
    trips.sort()
    print(f"{count} diagnostics on open; pull round trip median over {len(trips)} edits: "
          f"{trips[len(trips) // 2]:.2f} ms")


if __name__ == "__main__":
    main()
