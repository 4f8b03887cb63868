#!/usr/bin/env python3
"""The network between n8n and Command Center in `make n8n-e2e`.

n8n reaches the shipped URL (https://command-center.example.com) through HTTPS_PROXY:
this proxy accepts the CONNECT, terminates TLS with a throw-away certificate (n8n trusts
it through NODE_EXTRA_CA_CERTS) and forwards each request to the test server over plain
HTTP. With --drop N it forwards the first N requests to each path, lets the server store
them, and answers 502 instead of the server's answer: a response lost on the way back. Every
request is logged as a JSON line (method, path, status, replayed, dropped).

  proxy.py serve --port P --upstream 127.0.0.1:8080 --cert cert.pem --key key.pem --log requests.jsonl [--drop N]
  proxy.py summary requests.jsonl FROM_LINE PATH   →  requests=4 stored=2 replayed=2 dropped=1
"""

import argparse
import http.client
import json
import socketserver
import ssl
import sys
import threading

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"}


class State:
    def __init__(self, drop, log):
        self.lock = threading.Lock()
        self.drop = drop
        self.dropped = {}
        self.log = log

    def take_drop(self, path):
        with self.lock:
            if self.dropped.get(path, 0) < self.drop:
                self.dropped[path] = self.dropped.get(path, 0) + 1
                return True
            return False

    def record(self, entry):
        with self.lock:
            self.log.write(json.dumps(entry) + "\n")
            self.log.flush()


def read_head(rfile):
    """The request line and headers, or None at the end of the connection."""
    line = rfile.readline(65537)
    while line in (b"\r\n", b"\n"):
        line = rfile.readline(65537)
    if not line:
        return None
    headers = []
    while True:
        header = rfile.readline(65537)
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    return line.decode("latin-1").rstrip("\r\n"), headers


def read_body(rfile, headers):
    names = {k.lower(): v for k, v in headers}
    if names.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int(rfile.readline().split(b";")[0], 16)
            if size == 0:
                rfile.readline()
                return body
            body += rfile.read(size)
            rfile.readline()
    return rfile.read(int(names.get("content-length", "0")))


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        head = read_head(self.rfile)
        if head is None:
            return
        line, _ = head
        method, target, _ = line.split(" ", 2)
        if method != "CONNECT":
            self.wfile.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self.wfile.flush()
        tls = self.server.tls.wrap_socket(self.connection, server_side=True)
        rfile, wfile = tls.makefile("rb"), tls.makefile("wb")
        try:
            while self.forward(rfile, wfile, target):
                pass
        except (ConnectionError, ssl.SSLError, OSError):
            pass
        finally:
            try:
                tls.close()
            except OSError:
                pass

    def forward(self, rfile, wfile, tunnel):
        """One request through the tunnel; False when the connection is done."""
        head = read_head(rfile)
        if head is None:
            return False
        line, headers = head
        method, path, _ = line.split(" ", 2)
        body = read_body(rfile, headers)
        upstream = http.client.HTTPConnection(self.server.upstream, timeout=60)
        sent = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP | {"host", "content-length"}]
        upstream.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        upstream.putheader("Host", self.server.upstream)
        for name, value in sent:
            upstream.putheader(name, value)
        upstream.putheader("Content-Length", str(len(body)))
        upstream.endheaders(body)
        response = upstream.getresponse()
        answer = response.read()
        upstream.close()
        dropped = self.server.state.take_drop(path)
        self.server.state.record({
            "tunnel": tunnel, "method": method, "path": path, "status": response.status,
            "replayed": response.getheader("Idempotent-Replayed") == "true", "dropped": dropped,
            "request": body.decode("utf-8", "replace"),
        })
        if dropped:
            wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            wfile.flush()
            return False
        out = [f"HTTP/1.1 {response.status} {response.reason}\r\n".encode("latin-1")]
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP | {"content-length"}:
                out.append(f"{name}: {value}\r\n".encode("latin-1"))
        out.append(f"Content-Length: {len(answer)}\r\n\r\n".encode("latin-1"))
        wfile.write(b"".join(out) + answer)
        wfile.flush()
        return True


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def summary(log, from_line, path):
    """What the server did with the requests to `path` logged after line `from_line`:
    stored (201 answered afresh), replayed (Idempotent-Replayed) and dropped on the way back."""
    with open(log, encoding="utf-8") as lines:
        entries = [json.loads(line) for n, line in enumerate(lines, 1) if n > from_line]
    entries = [e for e in entries if e["path"] == path]
    stored = sum(1 for e in entries if e["status"] in (200, 201, 207) and not e["replayed"])
    replayed = sum(1 for e in entries if e["replayed"])
    dropped = sum(1 for e in entries if e["dropped"])
    print(f"requests={len(entries)} stored={stored} replayed={replayed} dropped={dropped}")


def main():
    if sys.argv[1:2] == ["summary"]:
        summary(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return
    if sys.argv[1:2] == ["serve"]:
        del sys.argv[1]
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--drop", type=int, default=0, help="drop the first N answers of each path")
    args = parser.parse_args()
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(args.cert, args.key)
    server = Server(("127.0.0.1", args.port), Handler)
    server.tls = tls
    server.upstream = args.upstream
    server.state = State(args.drop, open(args.log, "a", encoding="utf-8"))
    print(f"proxy on 127.0.0.1:{args.port} → {args.upstream}, dropping {args.drop}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
