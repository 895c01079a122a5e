#!/usr/bin/python3
"""A local SMTP receiver for the notification tests (loopback only).

    smtp_sink.py PORT LOGFILE

Speaks enough SMTP for libcurl (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT,
AUTH PLAIN/LOGIN accepted without checking) and appends one JSON line per
mail to LOGFILE: {"key", "from", "to", "reply_to", "subject", "text",
"html", "dup"}. Stops on SIGTERM.
"""
import email, email.header, email.policy, json, socketserver, sys, threading

PORT, LOG = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
seen = set()


def parts(msg):
    text = html = ""
    for p in msg.walk():
        if p.get_content_type() == "text/plain":
            text = p.get_content()
        elif p.get_content_type() == "text/html":
            html = p.get_content()
    return text, html


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.say("220 sink ESMTP")
        rcpt = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            verb = cmd.split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250-sink")
                self.say("250-AUTH PLAIN LOGIN")
                self.say("250 8BITMIME")
            elif verb == "AUTH":
                self.say("235 ok")
            elif verb in ("MAIL", "RSET", "NOOP"):
                rcpt = [] if verb != "NOOP" else rcpt
                self.say("250 ok")
            elif verb == "RCPT":
                rcpt.append(cmd.split(":", 1)[1].strip(" <>"))
                self.say("250 ok")
            elif verb == "DATA":
                self.say("354 go on")
                data = b""
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    data += l[1:] if l.startswith(b"..") else l
                self.store(data, rcpt)
                self.say("250 queued")
            elif verb == "QUIT":
                self.say("221 bye")
                return
            else:
                self.say("502 not here")

    def store(self, data, rcpt):
        msg = email.message_from_bytes(data, policy=email.policy.default)
        key = str(msg.get("X-ServiceLoop-Idempotency-Key", ""))
        text, html = parts(msg)
        with lock:
            dup = key in seen
            seen.add(key)
            with open(LOG, "a", encoding="utf-8") as f:
                f.write(json.dumps({"key": key, "from": str(msg.get("From", "")),
                                    "to": ",".join(rcpt), "reply_to": str(msg.get("Reply-To", "")),
                                    "subject": str(msg.get("Subject", "")), "text": text,
                                    "html": html, "dup": dup}, ensure_ascii=False) + "\n")


socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer.daemon_threads = True
socketserver.ThreadingTCPServer(("127.0.0.1", PORT), Session).serve_forever()
