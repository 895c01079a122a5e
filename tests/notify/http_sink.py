#!/usr/bin/python3
"""A local HTTP receiver for the notification tests (loopback only).

    http_sink.py PORT SECRET LOGFILE

Takes every POST as a channel would (the path names it: /webhook, /sms,
/wecom, /dingtalk, /feishu), checks its signature with SECRET as the real
receiver does, and appends one JSON line per request to LOGFILE:
{"path", "key", "sig_ok", "dup", "status", "text"}. A key seen before is a
duplicate ("dup": true) and is answered 200 like the first (a receiver
drops it). GET /control?fail=N answers the next N POSTs with 500;
?delay_ms=D waits D ms before each answer. Stops on SIGTERM.
"""
import base64, hashlib, hmac, json, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, SECRET, LOG = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
lock = threading.Lock()
state = {"fail": 0, "delay_ms": 0, "seen": set()}

def mac(key, msg):
    return hmac.new(key, msg, hashlib.sha256).digest()

def check(path, query, headers, raw, body):
    """(signature ok, idempotency key, text) of one request."""
    if path in ("/webhook", "/sms"):
        ts = headers.get("X-ServiceLoop-Timestamp", "")
        sig = headers.get("X-ServiceLoop-Signature", "")
        want = "sha256=" + hmac.new(SECRET, ts.encode() + b"." + raw, hashlib.sha256).hexdigest()
        fresh = ts.isdigit() and abs(time.time() - int(ts)) < 300
        ok = fresh and hmac.compare_digest(sig, want)
        key = headers.get("X-ServiceLoop-Idempotency-Key", "")
        return ok and key == body.get("id"), key, body.get("text", "")
    if path == "/dingtalk":
        ts = query.get("timestamp", [""])[0]
        want = base64.b64encode(mac(SECRET, ts.encode() + b"\n" + SECRET)).decode()
        ok = query.get("sign", [""])[0] == want
        return ok, "", body.get("markdown", {}).get("text", "")
    if path == "/feishu":
        ts = body.get("timestamp", "")
        want = base64.b64encode(mac(ts.encode() + b"\n" + SECRET, b"")).decode()
        return body.get("sign") == want, "", body.get("content", {}).get("text", "")
    if path == "/wecom":
        return True, "", body.get("markdown", {}).get("content", "")
    return False, "", ""

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real receivers
    disable_nagle_algorithm = True  # each answer in one segment, no 40 ms delayed-ACK stall
    wbufsize = 65536                # (headers and body written together)

    def log_message(self, *args):
        pass

    def answer(self, code, text):
        data = text.encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(u.query)
        with lock:
            if "fail" in q:
                state["fail"] = int(q["fail"][0])
            if "delay_ms" in q:
                state["delay_ms"] = int(q["delay_ms"][0])
        self.answer(200, '{"ok":true}')

    def do_POST(self):
        u = urllib.parse.urlparse(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            body = json.loads(raw)
        except ValueError:
            body = {}
        with lock:
            delay = state["delay_ms"]
            failing = state["fail"] > 0
            if failing:
                state["fail"] -= 1
        if delay:
            time.sleep(delay / 1000.0)
        ok, key, text = check(u.path, urllib.parse.parse_qs(u.query), self.headers, raw, body)
        with lock:
            dup = bool(key) and not failing and key in state["seen"]
            if key and not failing:
                state["seen"].add(key)
            with open(LOG, "a", encoding="utf-8") as f:
                f.write(json.dumps({"path": u.path, "key": key, "sig_ok": ok, "dup": dup,
                                    "status": 500 if failing else 200, "text": text},
                                   ensure_ascii=False) + "\n")
        if failing:
            self.answer(500, '{"error":"failing on purpose"}')
        else:
            self.answer(200, '{"errcode":0,"code":0}')

class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a sender killed mid-request (the kill -9 test) is expected

Server(("127.0.0.1", PORT), Handler).serve_forever()
