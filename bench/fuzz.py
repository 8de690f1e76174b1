#!/usr/bin/env python3
"""Contract fuzzer: sends valid and mutated requests to every operation of the OpenAPI contract
and checks every answer.

    python3 bench/fuzz.py --base http://127.0.0.1:8097 --operator-key KEY \\
        --contract openapi/openapi.yaml --seed 20261204 [--report /tmp/fuzz-report.json] \\
        [--health http://127.0.0.1:9097/q/health/ready] [--app-log /tmp/fuzz-app.log] [--threads 8]

Usually run through bench/fuzz.sh, which starts a packaged instance on a fresh database first.
Needs Python 3 and PyYAML; writes nothing but the report.

1. Setup (sequential, with the operator key): real USCCs, a department, list entries, consumers of
   every type with keys (plus a revoked key, a suspended consumer and a victim consumer that the
   PATCH and key operations may change), an ingestion flag, a signed checkpoint, an integrity
   check, cursors and ETags, so that every operation has a valid baseline request.
2. Generation (deterministic for a seed): for every operation its baseline, every key type and no
   key, then mutations of every parameter and every body field (the schema is walked through its
   $refs): wrong types, empty, long, control and non-BMP characters, odd numbers and dates, forged
   cursors, missing required and unknown fields, duplicate keys, deep nesting, malformed JSON,
   wrong Content-Type and Accept, oversized bodies, invalid percent-encoding in the raw request
   line, odd X-Request-Id / X-Purpose / Authorization headers, unusual methods; CSV and XLSX
   files for the ingestion.
3. Sending: raw HTTP/1.1 over sockets (nothing is normalised on the way), a few threads at a
   time; the instance's readiness is checked between chunks.
4. Checks on every answer (kinds): server-error (status >= 500), not-problem (an error that is
   not application/problem+json), bad-problem (not JSON, no type/title/status, or a status that
   differs), leak (a Java class name or SQL text in a header or body), undocumented-status (not
   in the contract for the operation), no-answer (no response), instance-down.

The report (JSON) has the totals by status and every distinct finding, deduplicated by
(operation, kind, status), with one example request, a curl command that repeats it, and the
ERROR lines of the app's log that carry the request ids of that finding. Exit status 1 when there
are findings other than undocumented-status, 0 otherwise.
"""
import argparse
import base64
import collections
import concurrent.futures
import copy
import http.client
import io
import json
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
import zipfile

import yaml

FAILING_KINDS = {"server-error", "not-problem", "bad-problem", "leak", "no-answer", "instance-down"}
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

# Java class names, stack frames and SQL in what a client sees. A package name must not follow a
# word character or a dot, so that host names such as example.org. do not count.
LEAK_RE = re.compile(
    r"(?<![\w.])(?:java|javax|jakarta|sun|org|io\.vertx|io\.quarkus|io\.netty|io\.smallrye|com\.fasterxml)\.[a-z]\w*"
    r"|\w*Exception\b|\bat cn\.opencredit|SELECT |INSERT INTO|ERROR:  |SQLSTATE|root:x:0:0")


# ---------------------------------------------------------------------------------------------
# The contract

class ContractLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates and date-times stay the strings the contract wrote."""


ContractLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class Operation:
    def __init__(self, contract, path, method, spec):
        self.path = path
        self.method = method.upper()
        self.op_id = spec.get("operationId", f"{method} {path}")
        self.name = f"{self.method} {path}"
        self.params = [contract.deref(p) for p in spec.get("parameters", [])]
        for p in self.params:
            p["schema"] = contract.deref(p.get("schema", {}))
        self.statuses = {int(code) for code in spec.get("responses", {}) if code.isdigit()}
        self.security = spec.get("security", contract.doc.get("security", []))
        self.anonymous = any(not s for s in self.security)
        self.scopes = {scope for s in self.security for scopes in s.values() for scope in scopes}
        self.body = {}
        self.body_required = False
        if "requestBody" in spec:
            request_body = contract.deref(spec["requestBody"])
            self.body_required = request_body.get("required", False)
            for media_type, content in request_body.get("content", {}).items():
                examples = [contract.deref(e).get("value") for e in (content.get("examples") or {}).values()]
                if "example" in content:
                    examples.insert(0, content["example"])
                self.body[media_type] = {"schema": contract.deref(content.get("schema", {})), "examples": examples}

    def param(self, name):
        return next((p for p in self.params if p["name"] == name), None)


class Contract:
    def __init__(self, file):
        with open(file, encoding="utf-8") as f:
            self.doc = yaml.load(f, Loader=ContractLoader)
        self.operations = [Operation(self, path, method, spec)
                           for path, item in self.doc["paths"].items()
                           for method, spec in item.items() if method.upper() in METHODS]

    def resolve(self, ref):
        node = self.doc
        for part in ref.lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def deref(self, node):
        """The node with its $ref (recursively) replaced by the target; sibling keys win (OpenAPI 3.1)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 20:
            target = dict(self.resolve(node["$ref"]))
            target.update({k: v for k, v in node.items() if k != "$ref"})
            node = target
            seen += 1
        return node


# ---------------------------------------------------------------------------------------------
# Requests and answers over raw sockets

class Req:
    """One request, byte for byte as it goes on the wire."""
    __slots__ = ("idx", "op", "label", "method", "target", "headers", "body", "allowed", "announce",
                 "chunked_size", "timeout", "tolerate_reset", "body_repr", "request_id", "fresh", "sent_at")

    def __init__(self, op, label, method, target, headers, body=None, allowed=None, announce=None,
                 chunked_size=None, timeout=30.0, tolerate_reset=False, body_repr=None):
        self.idx = -1
        self.op = op
        self.label = label
        self.method = method
        self.target = target if isinstance(target, bytes) else target.encode("utf-8")
        self.headers = [(n, v if isinstance(v, bytes) else str(v).encode("utf-8")) for n, v in headers]
        self.body = body
        self.allowed = allowed
        self.announce = announce
        self.chunked_size = chunked_size
        self.timeout = timeout
        self.tolerate_reset = tolerate_reset
        self.body_repr = body_repr
        self.request_id = None
        names = {n.lower() for n, _ in self.headers}
        # Requests that play with the framing get a connection of their own, closed afterwards.
        self.fresh = (announce is not None or chunked_size is not None or "content-length" in names
                      or "transfer-encoding" in names or len(body or b"") > (1 << 20))
        self.sent_at = (0.0, 0.0)

    def header(self, name):
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)

    def wire_head(self, host):
        lines = [self.method.encode("ascii", "replace") + b" " + self.target + b" HTTP/1.1", b"Host: " + host.encode()]
        names = {n.lower() for n, _ in self.headers}
        lines += [n.encode("latin-1") + b": " + v for n, v in self.headers]
        if self.chunked_size is not None:
            lines.append(b"Transfer-Encoding: chunked")  # the body, if any, is the first chunk
        elif "content-length" not in names and (self.body is not None or self.announce is not None):
            lines.append(b"Content-Length: " + str(self.announce if self.announce is not None else len(self.body)).encode())
        return b"\r\n".join(lines) + b"\r\n\r\n"


class Answer:
    __slots__ = ("status", "headers", "body", "error", "elapsed")

    def __init__(self, status=None, headers=None, body=b"", error=None, elapsed=0.0):
        self.status = status
        self.headers = headers or []
        self.body = body
        self.error = error
        self.elapsed = elapsed

    def header(self, name):
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)


class Client:
    """One keep-alive connection per thread; a stale connection is retried once on a new one."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.host_header = f"{self.host}:{self.port}"
        self.local = threading.local()

    def _socket(self, timeout):
        sock = getattr(self.local, "sock", None)
        fresh = sock is None
        if fresh:
            sock = socket.create_connection((self.host, self.port), timeout=10)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.local.sock = sock
        sock.settimeout(timeout)
        return sock, fresh

    def close(self):
        sock = getattr(self.local, "sock", None)
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass
        self.local.sock = None

    @staticmethod
    def _send_body(sock, req, box):
        try:
            if req.chunked_size is not None:
                chunk = b"a" * 65536
                remaining = req.chunked_size
                if req.body:  # a prefix, e.g. the start of a valid JSON document, then 'a' up to chunked_size
                    sock.sendall(f"{len(req.body):x}\r\n".encode() + req.body + b"\r\n")
                    remaining -= len(req.body)
                while remaining > 0:
                    piece = chunk[:min(remaining, len(chunk))]
                    sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    remaining -= len(piece)
                sock.sendall(b"0\r\n\r\n")
            elif req.body:
                sock.sendall(req.body)
        except OSError as e:
            box.append(e)  # the server may have answered early (413) and closed; what it said is read

    def send(self, req):
        # Big bodies are sent by a thread of their own while the answer is read: the server may
        # refuse them before it has read them all, and then it stops reading.
        big = req.chunked_size is not None or len(req.body or b"") > (1 << 20)
        if req.fresh:
            self.close()
        for attempt in range(2):
            started = time.monotonic()
            try:
                sock, fresh = self._socket(req.timeout)
            except OSError as e:
                return Answer(error=f"connect: {e.__class__.__name__}: {e}")
            box, sender = [], None
            try:
                sock.sendall(req.wire_head(self.host_header))
            except OSError as e:
                box.append(e)
            if not box:
                if big:
                    sender = threading.Thread(target=self._send_body, args=(sock, req, box), daemon=True)
                    sender.start()
                else:
                    self._send_body(sock, req, box)
            try:
                resp = http.client.HTTPResponse(sock, method=req.method)
                resp.begin()
                body = resp.read()
                answer = Answer(resp.status, resp.getheaders(), body, elapsed=time.monotonic() - started)
                if resp.will_close or req.fresh:
                    self.close()
                return answer
            except socket.timeout:
                self.close()
                return Answer(error="timeout: no answer within %.0f s" % req.timeout, elapsed=time.monotonic() - started)
            except (http.client.HTTPException, OSError) as e:
                self.close()
                stale = isinstance(e, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError))
                if attempt == 0 and not fresh and stale and not req.fresh:
                    continue  # a keep-alive connection that the server had closed meanwhile
                cause = e if not box else box[0]
                return Answer(error=f"{cause.__class__.__name__}: {cause}", elapsed=time.monotonic() - started)
            finally:
                if sender is not None:
                    sender.join(5)
        return Answer(error="unreachable")


# ---------------------------------------------------------------------------------------------
# Values that are substituted

def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# Texts for query, path and header values (percent-encoded as UTF-8 in the URI).
TEXTS = [
    "", " ", "a", "0", "-1", "1.5", "1e309", "9999999999999999999", "-9223372036854775809", "NaN", "Infinity",
    "true", "null", "[]", "{}", "[1]", '{"a":1}', "a" * 1000, "a" * 10000,
    "\u0000", "a\u0000b", "\u0001", "\u001b", "\u007f", "\u0085", "\u2028", "\t", "\n",
    "😀", "𠀀", "\u3000", "\u00a0", "\u3000滑县\u3000", "ＡＢＣ１２３", "滑县", "\ufeff", "\u202e",
    "'", '"', "\\", "%", "%25", "' OR '1'='1", "1; DROP TABLE subject;--", "<script>alert(1)</script>",
    "../../etc/passwd", "${jndi:ldap://127.0.0.1/a}", "%s%s%n", "{{7*7}}", "*", "_", "&", "=",
]
DATES = ["2026-01-01", "0000-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01", "+10000-01-01",
         "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-1", "20260101", "2026-01-01T00:00:00Z",
         "2026/01/01", "２０２６-０１-０１", "٢٠٢٦-٠١-٠١", "garbage"]
DATE_TIMES = ["2026-11-20T09:00:00+08:00", "2026-11-20T09:00:00Z", "2026-11-20T09:00:00", "2026-11-20",
              "2026-11-20 09:00:00+08:00", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z",
              "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
              "2026-11-20T09:00:00+25:00", "2026-11-20T25:61:61+08:00", "2026-02-30T00:00:00Z",
              "2026-11-20T09:00:00.123456789123+08:00", "2099-01-01T00:00:00+08:00", "garbage"]
INTEGER_TEXTS = ["0", "-1", "1", "100", "101", "1000", "1001", "5000", "1.5", "1e2", "01", "+5", " 5", "5 ",
                 "0x10", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                 "9999999999999999999", "１０", "٣", "NaN", "abc"]
BOOLEAN_TEXTS = ["true", "false", "TRUE", "True", "1", "0", "yes", "tru", "null"]
UUID_TEXTS = ["00000000-0000-0000-0000-000000000000", "6F9619FF-8B86-D011-B42D-00C04FC964FF",
              "6f9619ff8b86d011b42d00c04fc964ff", "{6f9619ff-8b86-d011-b42d-00c04fc964ff}",
              "6f9619ff-8b86-d011-b42d-00c04fc964f", "6f9619ff-8b86-d011-b42d-00c04fc964ffa",
              "gggggggg-gggg-gggg-gggg-gggggggggggg", "1-1-1-1-1", "ffffffff-ffff-ffff-ffff-ffffffffffff"]
ID_TEXTS = ["1", "0", "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1.5", "1e3",
            "0x1f", "00001", "abc", "６"]


def uscc_variants(uscc):
    wrong_check = uscc[:17] + ("0" if uscc[17] != "0" else "1")
    return [uscc, uscc.lower(), " " + uscc + " ", "\u3000" + uscc, fullwidth(uscc), wrong_check, uscc[:17],
            uscc + "0", uscc[:16] + "IO", uscc[:10] + "SVZSVZSV", "0" * 18, "914403001922038216",
            "91659001MA00000152", "A" * 18, "9" * 64, "9" * 65, uscc[:9] + "-" + uscc[9:], uscc[:2] + "中文" + uscc[4:]]


# JSON values as raw JSON text, so that numbers like 1e309 go on the wire as written.
JSON_COMMON = ["0", "-1", "1.5", "1e309", "-1e309", "9999999999999999999", "1E400", "-0", "true", "false", "null",
               "[]", "[1]", '["a"]', "{}", '{"a":1}', '"\\ud800"', '"a\\udc00b"']
JSON_STRINGS = ["", " ", "\u3000", "\u00a0", "a" * 1000, "a" * 10000, "\u0000", "a\u0000b", "\u0001", "\u001b",
                "\u007f", "\u0085", "\u2028", "😀", "𠀀", "ＡＢＣ１２３", "'", '"', "\\", "%", "' OR '1'='1",
                "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://127.0.0.1/a}", "%s%n", "NaN",
                "-1", "0", "1e309", "9999999999999999999", "null", "[]", "garbage", "\ufeff", "\u202e"]
JSON_INTEGERS = ["1", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                 "1.0", "1e3", '"5"', '"abc"', "0x10", "01", "+1", ".5", "1."]
JSON_BOOLEANS = ['"true"', "1", "0", '"yes"', "True"]


def jdump(value):
    return json.dumps(value, ensure_ascii=False)


def short(value, width=40):
    text = value if isinstance(value, str) else value.decode("utf-8", "replace") if isinstance(value, bytes) else repr(value)
    shown = repr(text[:width])
    return shown + (f"…({len(text)} chars)" if len(text) > width else "")


def pct(text):
    return urllib.parse.quote(text, safe="")


# ---------------------------------------------------------------------------------------------
# Files for the ingestion

PENALTY_HEADERS = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "法定代表人",
                   "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "失信严重程度", "处罚机关", "处罚机关统一社会信用代码",
                   "数据来源单位", "数据来源单位统一社会信用代码"]
LICENCE_HEADERS = ["行政许可决定文书号", "行政许可决定文书名称", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人",
                   "许可类别", "许可证书名称", "许可编号", "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关",
                   "许可机关统一社会信用代码", "当前状态", "数据来源单位", "数据来源单位统一社会信用代码"]


def csv_cell(value):
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_text(rows):
    return "".join(",".join(csv_cell(c) for c in row) + "\n" for row in rows)


def xlsx(rows, sheet_xml=None, extra=None):
    """A minimal .xlsx (inline strings) built with zipfile; sheet_xml replaces the first sheet."""
    def cell(ref, value):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    def col(i):
        name = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            name = chr(65 + r) + name
        return name

    if sheet_xml is None:
        body = "".join(f'<row r="{r + 1}">' + "".join(cell(f"{col(c)}{r + 1}", xml_escape(v)) for c, v in enumerate(row))
                       + "</row>" for r, row in enumerate(rows))
        sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     f"<sheetData>{body}</sheetData></worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>",
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    files.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------
# Setup: real data and keys

class Context:
    """Real data found or made during the setup."""


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.contract = Contract(args.contract)
        self.client = Client(args.base)
        self.rng = random.Random(args.seed)
        self.requests = []
        self.ctx = Context()

    # -- calls during setup ------------------------------------------------------------------
    def call(self, method, path, key=None, body=None, content_type="application/json"):
        headers = [("Accept", "application/json"), ("X-Request-Id", "fz-setup")]
        if key:
            headers.append(("Authorization", f"Bearer {key}"))
        raw = None
        if body is not None:
            raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
            headers.append(("Content-Type", content_type))
        answer = self.client.send(Req("setup", "setup", method, path, headers, raw))
        if answer.error:
            raise SystemExit(f"setup: {method} {path}: {answer.error}")
        try:
            data = json.loads(answer.body) if answer.body else None
        except ValueError:
            data = None
        return answer, data

    def expect(self, status, method, path, key, body=None):
        answer, data = self.call(method, path, key, body)
        if answer.status != status:
            raise SystemExit(f"setup: {method} {path} answered {answer.status}, not {status}: {answer.body[:500]!r}")
        return data

    def setup(self):
        c, op_key = self.ctx, self.args.operator_key
        c.operator_key = op_key
        subjects = self.expect(200, "GET", "/api/v1/subjects?limit=50", op_key)["items"]
        c.subjects = [s for s in subjects if s["uscc"][0] == "9"] or subjects
        c.uscc = c.subjects[0]["uscc"]
        disclosures = self.expect(200, "GET", "/api/v1/disclosures?limit=5", op_key)["items"]
        c.dept_uscc = disclosures[0]["record"]["sourceDepartment"]["uscc"]
        c.dept_name = disclosures[0]["record"]["sourceDepartment"]["name"]
        c.record_subject = disclosures[0]["subject"]["uscc"]

        def consumer(type_, name, bound=None, plan="standard"):
            body = {"name": name, "type": type_, "plan": plan}
            if bound:
                body["boundUscc"] = bound
            return self.expect(201, "POST", "/api/v1/admin/consumers", op_key, body)["id"]

        def key(consumer_id):
            return self.expect(201, "POST", f"/api/v1/admin/consumers/{consumer_id}/keys", op_key, {})

        c.collection_ids = {}
        c.keys = {"operator(bootstrap)": op_key}
        for type_, bound in [("operator", None), ("bank", None), ("credit-agency", None), ("app", None),
                             ("subject", c.uscc), ("department", c.dept_uscc)]:
            c.keys[type_] = key(consumer(type_, f"fuzz {type_}", bound))["key"]
        revoked_id = consumer("bank", "fuzz revoked")
        revoked = key(revoked_id)
        self.expect(204, "DELETE", f"/api/v1/admin/consumers/{revoked_id}/keys/{revoked['id']}", op_key)
        c.keys["revoked-key"] = revoked["key"]
        suspended_id = consumer("app", "fuzz suspended")
        c.keys["suspended-consumer"] = key(suspended_id)["key"]
        self.expect(200, "PATCH", f"/api/v1/admin/consumers/{suspended_id}", op_key, {"status": "suspended"})
        c.keys["garbage"] = "ocg_" + "".join(self.rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(32))
        # The victim: PATCH, key issuing and revoking work on it, never on a consumer whose key is used.
        c.victim = consumer("bank", "fuzz victim")
        c.victim_keys = [key(c.victim)["id"] for _ in range(4)]

        # List entries: the existing ones, and fresh ones per type that the removal may take.
        c.entries, c.fresh_entries = {}, {}
        for list_type in ["red", "black", "watch", "abnormal", "dishonest-debtor"]:
            items = self.expect(200, "GET", f"/api/v1/lists/{list_type}/entries?limit=20", op_key)["items"]
            fresh = []
            for subject in c.subjects[1:4]:
                answer, data = self.call("POST", f"/api/v1/lists/{list_type}/entries", op_key, self.list_entry_body(subject))
                if answer.status == 201:
                    fresh.append(data["id"])
            c.entries[list_type] = [e["id"] for e in items] + fresh
            c.fresh_entries[list_type] = fresh
            if not c.entries[list_type]:
                raise SystemExit(f"setup: no {list_type} list entry")

        # An ingestion flag: a registered USCC under another name.
        rows = [dict(self.ingest_example()[0], sourceRecordId=f"FUZZ-SETUP-{i}", subjectUscc=flagged["uscc"],
                     subjectName=flagged["name"] + "分公司", decisionNumber=f"FUZZ-SETUP-{i}")
                for i, flagged in enumerate(c.subjects[5:8])]
        self.expect(200, "POST", "/api/v1/ingest/records", op_key, {"rows": rows})
        flags = self.expect(200, "GET", "/api/v1/admin/ingest/flags?resolved=false&limit=5", op_key)["items"]
        if not flags:
            raise SystemExit("setup: the ingestion raised no flag")
        c.flag_id = flags[0]["id"]

        answer, data = self.call("POST", "/api/v1/admin/history/checkpoints", op_key)
        if answer.status not in (200, 201):
            raise SystemExit(f"setup: signing a checkpoint answered {answer.status}")
        c.checkpoint = self.expect(200, "GET", "/api/v1/history/checkpoints/latest", op_key)
        answer, data = self.call("POST", "/api/v1/admin/integrity/checks", op_key)
        if answer.status not in (202, 409):
            raise SystemExit(f"setup: starting an integrity check answered {answer.status}")
        c.check_id = data.get("id") if data else None
        if not c.check_id:
            time.sleep(2)
            data = self.expect(202, "POST", "/api/v1/admin/integrity/checks", op_key)
            c.check_id = data["id"]

        # Cursors of every paged operation, and ETags.
        c.cursors = {}
        for op in self.contract.operations:
            if op.method != "GET":
                continue
            name = "after" if op.param("after") else "cursor" if op.param("cursor") else None
            if not name:
                continue
            answer, data = self.call("GET", self.baseline_path(op) + "?limit=1", op_key)
            cursor = (data or {}).get("nextCursor")
            if cursor:
                c.cursors[op.name] = cursor
        c.etags = {}
        for path in [f"/api/v1/subjects/{c.uscc}", f"/api/v1/subjects/{c.uscc}/records"]:
            answer, _ = self.call("GET", path, op_key)
            if answer.header("ETag"):
                c.etags[path] = answer.header("ETag")
        c.consumers = [c.victim]

    def list_entry_body(self, subject):
        c = self.ctx
        return {"subjectUscc": subject["uscc"], "subjectName": subject["name"], "authority": c.dept_name,
                "authorityUscc": c.dept_uscc, "reason": "模糊测试", "legalBasis": "《模糊测试办法》第一条",
                "includedAt": "2026-11-20T09:00:00+08:00", "expiresAt": "2029-11-20T09:00:00+08:00"}

    def ingest_example(self):
        op = next(o for o in self.contract.operations if o.op_id == "ingestRecords")
        return copy.deepcopy(op.body["application/json"]["examples"][0]["rows"])

    # -- baselines ---------------------------------------------------------------------------
    def keys_for(self, op):
        """Keys that should pass authorisation for op (for variety in the mutations)."""
        keys = ["operator(bootstrap)", "operator"]
        if "public:read" in op.scopes and op.op_id not in ("getSubjectAccessLog",):
            keys += ["bank", "credit-agency", "app", "subject", "department"]
        if op.anonymous:
            keys.append(None)
        return keys

    def path_value(self, op, name, list_type="black"):
        c = self.ctx
        if name == "uscc":
            return c.uscc
        if name == "type":
            return list_type
        if name == "sequence":
            return str(c.checkpoint["sequence"])
        if name == "keyId":
            return c.victim_keys[-1]
        if name == "id":
            if "/consumers/" in op.path:
                return c.victim
            if "/flags/" in op.path:
                return c.flag_id
            if "/integrity/" in op.path:
                return c.check_id
            if "/removal" in op.path:
                return (c.fresh_entries[list_type] or c.entries[list_type])[-1]
            if "/lists/" in op.path:
                return c.entries[list_type][0]
            return self.existing_id(op)
        if name == "version":
            return "2026.1"
        # Otherwise the contract's own example (a measure or scenario code, a report's verification code, a person's id):
        # an existing item where the example names one, else a well-formed value of one that does not exist (404).
        param = op.param(name)
        example = (param or {}).get("example", (param or {}).get("schema", {}).get("examples", [None])[0])
        if example is not None:
            return str(example)
        if name.endswith("Id"):
            return "1"
        raise SystemExit(f"no baseline value for path parameter {name} of {op.name}")

    def existing_id(self, op):
        """The first item an operator lists at the collection before {id} (its id), or 1 when there is none to list:
        the requests then test a case that does not exist (404), which still goes through every check before it."""
        collection = op.path[:op.path.index("/{id}")]
        if "{" not in collection:
            cached = self.ctx.collection_ids.get(collection)
            if cached is None:
                answer, data = self.call("GET", collection + "?limit=1", self.ctx.operator_key)
                items = (data or {}).get("items") if answer.status == 200 and isinstance(data, dict) else None
                cached = str(items[0]["id"]) if items and isinstance(items[0], dict) and "id" in items[0] else "1"
                self.ctx.collection_ids[collection] = cached
            return cached
        return "1"

    def query_value(self, op, param):
        """A valid value of an optional query parameter, or None when there is none to give."""
        c, name, schema = self.ctx, param["name"], param["schema"]
        if name in ("cursor", "after"):
            return c.cursors.get(op.name)
        if "enum" in schema:
            return schema["enum"][0]
        special = {"department": c.dept_uscc, "authority": c.dept_uscc, "region": "4105", "q": "滑县",
                   "consumer": c.victim, "from": "2026-01-01", "to": "2026-12-31", "includedFrom": "2026-01-01",
                   "includedTo": "2026-12-31", "template": "penalty"}
        if name in special:
            return special[name]
        if schema.get("type") == "integer":
            return "5"
        if schema.get("type") == "boolean":
            return "true"
        if schema.get("format") == "date":
            return "2026-01-01"
        return None

    def baseline_path(self, op, list_type="black"):
        """op's path with real values for its path parameters."""
        path = op.path
        for p in op.params:
            if p["in"] == "path":
                path = path.replace("{" + p["name"] + "}", pct(self.path_value(op, p["name"], list_type)))
        return path

    def baseline_body(self, op, media_type="application/json"):
        """A valid body (a Python value for JSON, bytes otherwise) from the contract's example, on real data."""
        c = self.ctx
        if media_type == "text/csv":
            return csv_text([PENALTY_HEADERS, self.penalty_row("FUZZ-CSV")]).encode()
        if "spreadsheetml" in media_type:
            return xlsx([PENALTY_HEADERS, self.penalty_row("FUZZ-XLSX")])
        examples = op.body.get(media_type, {}).get("examples") or [{}]
        body = copy.deepcopy(examples[0]) if examples[0] is not None else {}
        if op.op_id == "updateConsumer":
            body = {"plan": "standard", "status": "active"}
        elif op.op_id == "verifyHistoryCheckpoint":
            body = {k: c.checkpoint[k] for k in ("sequence", "hash", "signature")}
        elif op.op_id == "includeListEntry":
            body = self.list_entry_body(self.rng.choice(c.subjects[6:]))
        elif op.op_id == "createConsumer":
            body = {"name": "fuzz created", "type": "bank", "plan": "standard"}
        if not media_type.endswith("json"):
            # A YAML model or an evidence file: the example is its text, sent as bytes.
            body = body.encode("utf-8") if isinstance(body, str) else (body if isinstance(body, bytes) else b"")
        return body

    def penalty_row(self, number):
        c = self.ctx
        return [number, "石河子恒通物流有限公司", "法人及非法人组织", "91659001MA00000152", "李明", "警告;罚款",
                "超限运输，责令改正, 并处罚款", "0.5", "2026-09-30", "一般", c.dept_name, c.dept_uscc, c.dept_name, c.dept_uscc]

    def unique_ingest(self, body):
        """Gives the rows of an ingestion their own record ids, so that concurrent batches never share a record."""
        if isinstance(body, dict) and isinstance(body.get("rows"), list):
            for i, row in enumerate(body["rows"]):
                if isinstance(row, dict):
                    row["sourceRecordId"] = row["decisionNumber"] = f"FUZZ-{len(self.requests)}-{i}"
        return body

    # -- building requests -------------------------------------------------------------------
    def add(self, op, label, method=None, path=None, query=None, headers=None, body=None, key="operator(bootstrap)",
            content_type=None, accept="application/json", request_id=True, raw_target=None, allowed=None, **kw):
        """Adds a request: op's method and baseline path unless given; query as (name, value) pairs
        percent-encoded here, or raw_target as the exact request-target; headers (name, value or None
        to leave a default out) override the defaults."""
        opname = op.name if isinstance(op, Operation) else op
        method = method or op.method
        if raw_target is None:
            path = path if path is not None else self.baseline_path(op)
            pairs = list(query.items()) if isinstance(query, dict) else list(query or [])
            target = path + ("?" + "&".join(f"{pct(n)}={pct(v)}" for n, v in pairs) if pairs else "")
        else:
            target = raw_target
        defaults = [("User-Agent", "opencredit-fuzz/1"), ("Accept", accept)]
        if key is not None:
            defaults.append(("Authorization", "Bearer " + self.ctx.keys[key]))
        if request_id:
            defaults.append(("X-Request-Id", f"fz-{len(self.requests)}"))
        if content_type is not None:
            defaults.append(("Content-Type", content_type))
        merged = collections.OrderedDict((n.lower(), (n, v)) for n, v in defaults if v is not None)
        extra = []
        for n, v in headers or []:
            if n.startswith("+"):
                extra.append((n[1:], v))  # a repeated header
            elif v is None:
                merged.pop(n.lower(), None)
            else:
                merged[n.lower()] = (n, v)
        if allowed is None:
            allowed = op.statuses if isinstance(op, Operation) else None
        req = Req(opname, label, method, target, list(merged.values()) + extra, body, allowed=allowed, **kw)
        req.idx = len(self.requests)
        self.requests.append(req)
        return req

    def add_json(self, op, label, value=None, text=None, media_type="application/json", **kw):
        raw = text if text is not None else jdump(value)
        raw = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
        return self.add(op, label, body=raw, content_type=kw.pop("content_type", media_type), **kw)

    # -- generation --------------------------------------------------------------------------
    def generate(self):
        ops = self.contract.operations
        for op in ops:
            self.gen_baselines(op)
            self.gen_auth(op)
            self.gen_params(op)
            self.gen_headers(op)
            self.gen_raw_uri(op)
            if op.body:
                self.gen_body(op)
        for op in ops:
            self.gen_combinations(op)
        self.gen_methods()
        self.gen_unknown_paths()
        self.gen_ingest_files(next(o for o in ops if o.op_id == "ingestRecords"))
        self.gen_heavy(ops)

    def pick_key(self, op):
        return self.rng.choice(self.keys_for(op))

    def json_op_body(self, op, media_type="application/json"):
        body = self.baseline_body(op, media_type)
        return self.unique_ingest(body) if op.op_id == "ingestRecords" else body

    def gen_baselines(self, op):
        list_types = ["red", "black", "watch", "abnormal", "dishonest-debtor"] if "{type}" in op.path else ["black"]
        for list_type in list_types:
            path = self.baseline_path(op, list_type)
            media_types = list(op.body) or [None]
            for media_type in media_types:
                label = "baseline" + (f" {list_type}" if len(list_types) > 1 else "") + (f" {media_type}" if media_type else "")
                if media_type is None:
                    self.add(op, label, path=path)
                elif media_type in ("application/json", "application/merge-patch+json"):
                    self.add_json(op, label, self.json_op_body(op), media_type=media_type, path=path)
                else:
                    self.add(op, label, path=path, body=self.baseline_body(op, media_type), content_type=media_type)
        # Every optional query parameter with a valid value at once.
        valid = [(p["name"], self.query_value(op, p)) for p in op.params if p["in"] == "query"]
        valid = [(n, v) for n, v in valid if v is not None and n not in ("cursor", "after")]
        if valid and not op.body:
            self.add(op, "baseline with every query parameter", query=valid)
            cursor = self.ctx.cursors.get(op.name)
            if cursor:
                self.add(op, "baseline with the cursor of the first page", query=[("after" if op.param("after") else "cursor", cursor)])
            for p in op.params:
                if p["in"] == "query" and "enum" in p["schema"]:
                    for value in p["schema"]["enum"]:
                        self.add(op, f"baseline {p['name']}={value}", query=[(p["name"], value)])
        if op.op_id in ("getSubjectProfile", "listSubjectRecords"):
            path = self.baseline_path(op)
            etag = self.ctx.etags.get(path)
            if etag:
                self.add(op, "If-None-Match with the current ETag (304)", headers=[("If-None-Match", etag)])

    def op_request(self, op, label, key="operator(bootstrap)", **kw):
        """op's baseline request with overrides: a JSON body for body operations."""
        if op.body and "body" not in kw:
            media_type = next(iter(op.body))
            if media_type.startswith("application/json"):
                return self.add_json(op, label, self.json_op_body(op), key=key, **kw)
            return self.add(op, label, body=self.baseline_body(op, media_type), content_type=media_type, key=key, **kw)
        return self.add(op, label, key=key, **kw)

    def gen_auth(self, op):
        for name in self.ctx.keys:
            self.op_request(op, f"key {name}", key=name)
        self.op_request(op, "no key", key=None)
        op_key = self.ctx.operator_key
        for label, value in [("Basic", b"Basic dXNlcjpwYXNz"), ("empty Bearer", b"Bearer "), ("Bearer only", b"Bearer"),
                             ("lower-case scheme", b"bearer " + op_key.encode()),
                             ("two spaces", b"Bearer  " + op_key.encode()),
                             ("trailing text", b"Bearer " + op_key.encode() + b" x"),
                             ("key 10000 chars", b"Bearer " + b"a" * 10000), ("non-ASCII key", "Bearer 密钥".encode()),
                             ("control char", b"Bearer ocg_\x01abc"), ("latin-1 byte", b"Bearer ocg_\xffabc"),
                             ("key with a tab", b"Bearer\t" + op_key.encode()), ("empty", b"")]:
            self.op_request(op, f"Authorization: {label}", key=None, headers=[("Authorization", value)])
        self.op_request(op, "two Authorization headers", headers=[("+Authorization", "Bearer " + self.ctx.keys["garbage"])])

    def param_texts(self, op, p):
        """Texts for one parameter: the common ones and those of its type."""
        schema, name = p["schema"], p["name"]
        texts = list(TEXTS)
        if "enum" in schema:
            texts += list(schema["enum"]) + [schema["enum"][0].upper(), " " + schema["enum"][0], fullwidth(schema["enum"][0]),
                                             schema["enum"][0] + "," + schema["enum"][-1]]
        if schema.get("type") == "integer":
            texts += INTEGER_TEXTS
        if schema.get("type") == "boolean":
            texts += BOOLEAN_TEXTS
        if schema.get("format") == "date":
            texts += DATES
        if schema.get("format") == "uuid" or name == "consumer":
            texts += UUID_TEXTS
        if name in ("uscc", "department", "authority") or "Uscc" in name:
            texts += uscc_variants(self.ctx.uscc if name == "uscc" else self.ctx.dept_uscc)
        if name in ("id", "keyId", "sequence"):
            texts += ID_TEXTS + UUID_TEXTS
        if name == "region":
            texts += ["41", "4105", "410526", "4", "41052", "4105261", "00", "999999", "４１０５"]
        if name in ("cursor", "after"):
            texts += self.cursor_texts(op)
        if p.get("in") == "header":
            # \r and \n would end the header; they are covered by the other values.
            texts = [t for t in texts if "\r" not in t and "\n" not in t]
        return texts

    def cursor_texts(self, op):
        out = ["a" * 513, "a" * 5000, "====", "-_-_", "YQ", "YQ==", "YWJj", "AAAA", "%2B%2F"]
        for n in (1, 8, 30, 60, 200):
            raw = bytes(self.rng.getrandbits(8) for _ in range(n))
            out += [base64.urlsafe_b64encode(raw).decode().rstrip("="), base64.b64encode(raw).decode()]
        real = self.ctx.cursors.get(op.name)
        if real:
            out += [real[:-1], real[:-2], real + "A", real[::-1], real.swapcase(), real + "=", real + real]
            flipped = list(real)
            flipped[len(real) // 2] = "A" if flipped[len(real) // 2] != "A" else "B"
            out.append("".join(flipped))
            try:
                decoded = base64.urlsafe_b64decode(real + "=" * (-len(real) % 4))
            except ValueError:
                decoded = b""
            for forged in self.forge_cursors(decoded):
                out.append(base64.urlsafe_b64encode(forged).decode().rstrip("="))
        return out

    def forge_cursors(self, decoded):
        """Variants of a decoded cursor: same layout (fields separated by 0x1f or ':'), odd contents."""
        sep = b"\x1f" if b"\x1f" in decoded else b":"
        parts = decoded.split(sep)
        out = []
        for i in range(len(parts)):
            for value in [b"", b"9999999999999999999", b"-1", b"9999-99-99", b"\x00", b"\xff\xfe", b"a" * 300,
                          "滑县".encode(), b"' OR '1'='1", b"2026-02-30"]:
                out.append(sep.join(parts[:i] + [value] + parts[i + 1:]))
        out += [sep.join(parts + [b"x"]), sep.join(parts[:-1]), decoded + sep, b"2" + decoded[1:], sep * 5]
        return out

    def gen_params(self, op):
        for p in op.params:
            where, name = p["in"], p["name"]
            for text in self.param_texts(op, p):
                key = self.pick_key(op)
                if where == "query":
                    self.op_request(op, f"query {name}={short(text)}", key=key, query=[(name, text)])
                elif where == "path":
                    path = op.path
                    for other in op.params:
                        if other["in"] == "path":
                            value = pct(text) if other is p else pct(self.path_value(op, other["name"]))
                            path = path.replace("{" + other["name"] + "}", value)
                    self.op_request(op, f"path {name}={short(text)}", key=key, path=path, allowed=op.statuses | {404, 405})
                elif where == "header":
                    self.op_request(op, f"header {name}: {short(text)}", key=key, headers=[(name, text.encode("utf-8"))],
                                    request_id=name != "X-Request-Id")
            if where == "query":
                valid = self.query_value(op, p) or "1"
                self.op_request(op, f"query {name} twice", query=[(name, valid), (name, valid)])
                self.op_request(op, f"query {name} without '='", raw_target=self.baseline_path(op) + "?" + name)
                self.op_request(op, f"query {name}[]", query=[(name + "[]", valid)])
                self.op_request(op, f"query {name.upper()}", query=[(name.upper(), valid)])
            if where == "header":
                self.op_request(op, f"header {name} 20000 chars", headers=[(name, b"a" * 20000)],
                                request_id=name != "X-Request-Id")
                self.op_request(op, f"header {name} twice", headers=[(name, b"a"), ("+" + name, b"b")],
                                request_id=name != "X-Request-Id")
                self.op_request(op, f"header {name} latin-1 byte", headers=[(name, b"a\xffb")],
                                request_id=name != "X-Request-Id")
        for name in ("X-Purpose",):
            if not op.param(name):
                self.op_request(op, f"undocumented header {name}", headers=[(name, "模糊测试".encode())])
        if op.method == "GET" and op.param("limit"):
            self.op_request(op, "unknown query parameter", query=[("unknownParam", "1")])
        # Date ranges upside down and far apart.
        date_params = [p["name"] for p in op.params if p["in"] == "query" and p["schema"].get("format") == "date"]
        if len(date_params) == 2:
            lo, hi = date_params
            for a, b in [("2026-12-31", "2026-01-01"), ("0001-01-01", "9999-12-31"), ("-999999999-01-01", "+999999999-12-31")]:
                self.op_request(op, f"{lo}={a}&{hi}={b}", query=[(lo, a), (hi, b)])

    def gen_combinations(self, op, count=120):
        """Random combinations: several query parameters at once, or several body fields at once."""
        query = [p for p in op.params if p["in"] == "query"]
        if len(query) >= 2:
            for _ in range(count):
                chosen = self.rng.sample(query, self.rng.randint(2, len(query)))
                pairs = []
                for p in chosen:
                    valid = self.query_value(op, p)
                    texts = self.param_texts(op, p)
                    pairs.append((p["name"], valid if valid is not None and self.rng.random() < 0.5 else self.rng.choice(texts)))
                self.op_request(op, "query " + "&".join(f"{n}={short(v, 15)}" for n, v in pairs), query=pairs,
                                key=self.pick_key(op))
        if op.body and "application/json" in op.body and op.op_id in ("ingestRecords", "includeListEntry", "createConsumer"):
            walked = list(self.walk(op.body["application/json"]["schema"], self.json_op_body(op)))
            # Leaves only: a field and one inside it would overwrite each other.
            fields = [(path, sub) for path, sub in walked
                      if not any(len(other) > len(path) and other[:len(path)] == path for other, _ in walked)]
            for _ in range(count * 2):
                body = self.json_op_body(op)
                raws = {}
                for path, sub in self.rng.sample(fields, min(len(fields), self.rng.randint(2, 4))):
                    raw = self.rng.choice(self.field_values(path[-1], sub))
                    marker = f"\u0000FUZZ-{len(raws)}\u0000"
                    if self.set_path(body, path, marker):
                        raws[marker] = (path, raw)
                text = jdump(body)
                for marker, (path, raw) in raws.items():
                    text = text.replace(jdump(marker), raw)
                label = "body " + ", ".join(f"{'.'.join(map(str, path))}={short(raw, 15)}" for path, raw in raws.values())
                self.add_json(op, label, text=text, key=self.pick_key(op))

    def gen_headers(self, op):
        for accept in ["application/xml", "text/html", "text/csv", "text/plain", "application/problem+json", "*/*",
                       "application/*", "application/json;q=0", "application/xml, application/json;q=0.1",
                       "garbage", "", "application/json; charset=latin1", "text/*;q=0.5, */*;q=0.1", "a" * 5000]:
            self.op_request(op, f"Accept: {short(accept)}", accept=accept)
        self.op_request(op, "no Accept", accept=None)
        for value in ["application/json", "text/plain", "application/xml"]:
            if not op.body:
                self.op_request(op, f"Content-Type {value} without a body", content_type=value)
        self.op_request(op, "Accept-Language zh-CN", headers=[("Accept-Language", "zh-CN,zh;q=0.9")])
        self.op_request(op, "Accept-Encoding gzip", headers=[("Accept-Encoding", "gzip, deflate, br")])
        self.op_request(op, "Accept-Charset GBK", headers=[("Accept-Charset", "GBK")])
        self.op_request(op, "If-None-Match *", headers=[("If-None-Match", "*")])
        self.op_request(op, "X-Forwarded-For garbage", headers=[("X-Forwarded-For", "garbage, ::1, 999.1.1.1")])
        self.op_request(op, "Forwarded garbage", headers=[("Forwarded", 'for="[zz"; proto=gopher')])
        self.op_request(op, "Range bytes=0-0", headers=[("Range", "bytes=0-0")])
        self.op_request(op, "Cookie junk", headers=[("Cookie", "a=" + "b" * 4000)])
        if op.op_id in ("searchSubjects", "createConsumer", "ingestRecords"):
            self.op_request(op, "header block over 40 KB", headers=[("X-Padding", b"a" * 40000)])
            self.op_request(op, "500 headers", headers=[(f"+X-H{i}", b"v") for i in range(500)])

    def gen_raw_uri(self, op):
        path = self.baseline_path(op)
        q = "limit" if op.param("limit") else "x"
        raws = [
            ("%zz in the path", path + "%zz"), ("lone % in the path", path + "%"), ("%0 in the path", path + "/%0"),
            ("%00 in the path", path + "%00"), ("%c3%28 (bad UTF-8) in the path", path + "%c3%28"),
            ("%ff in the path", path + "%ff"), ("%80 in the path", path + "%80"), ("%ED%A0%80 (surrogate) in the path", path + "%ED%A0%80"),
            ("%C0%AF (overlong) in the path", path + "%C0%AF"), ("%2F in the path", path + "%2Fx"),
            ("%2e%2e in the path", path + "/%2e%2e"), ("/.. in the path", path + "/.."), ("trailing slash", path + "/"),
            ("double slash", path.replace("/api/", "//api/")), ("raw UTF-8 in the path", (path + "/中文").encode()),
            ("raw byte 0xff in the path", path.encode() + b"\xff"), ("matrix parameter", path + ";a=b"),
            ("%zz in the query", f"{path}?{q}=%zz"), ("lone % in the query", f"{path}?{q}=%"),
            ("%00 in the query", f"{path}?{q}=%00"), ("%c3%28 in the query", f"{path}?{q}=%c3%28"),
            ("%zz in a query name", f"{path}?%zz=1"), ("raw UTF-8 in the query", f"{path}?{q}=中文".encode()),
            ("raw quote in the query", f'{path}?{q}="1"'), ("raw < > in the query", f"{path}?{q}=<1>"),
            ("raw braces in the query", f"{path}?{q}={{1}}"), ("raw | ^ ` \\ in the query", f"{path}?{q}=|^`\\"),
            ("fragment in the request line", path + "#frag"), ("empty query", path + "?"), ("only &", path + "?&&&"),
            ("only =", path + "?=&="), ("+ in the query", f"{path}?{q}=+1+"), ("%2B in the query", f"{path}?{q}=%2B1"),
            ("absolute-form target", f"http://127.0.0.1:8097{path}"), ("URI of 9000 chars", f"{path}?{q}=" + "1" * 9000),
            ("URI of 100000 chars", f"{path}?{q}=" + "1" * 100000),
        ]
        for label, target in raws:
            # A changed path may name another resource, or none.
            other_path = any(w in label for w in ("in the path", "slash", "matrix", "fragment"))
            self.op_request(op, f"raw URI: {label}", raw_target=target,
                            allowed=op.statuses | {404, 405} if other_path else op.statuses)

    # -- bodies ------------------------------------------------------------------------------
    def walk(self, schema, value, path=()):
        """(path, schema) of every field under schema, following $refs; array items at index 0."""
        s = self.contract.deref(schema)
        for sub in s.get("allOf", []):
            yield from self.walk(sub, value, path)
        props = s.get("properties") or {}
        for name, sub in props.items():
            sub = self.contract.deref(sub)
            yield path + (name,), sub
            yield from self.walk(sub, value.get(name) if isinstance(value, dict) else None, path + (name,))
        if s.get("type") == "array" and s.get("items") and isinstance(value, list) and value:
            yield path + (0,), self.contract.deref(s["items"])
            yield from self.walk(s["items"], value[0], path + (0,))

    def field_values(self, name, schema):
        """Raw JSON texts to put into one field."""
        out = list(JSON_COMMON) + [jdump(t) for t in JSON_STRINGS] + ['"a\u0001b"']  # the last one: a raw control char
        kind = schema.get("type")
        if "enum" in schema:
            enum = schema["enum"]
            out += [jdump(v) for v in enum] + [jdump(enum[0].upper()), jdump(" " + enum[0]), jdump(fullwidth(enum[0]))]
        if schema.get("format") == "date":
            out += [jdump(d) for d in DATES]
        if schema.get("format") == "date-time":
            out += [jdump(d) for d in DATE_TIMES]
        if kind == "integer":
            out += JSON_INTEGERS
        if kind == "boolean":
            out += JSON_BOOLEANS
        if kind == "array":
            out += ["[null]", "[[]]", "[{}]", '[""]', '["\\u0000"]', jdump(["a" * 1000]), jdump(["x"] * 21),
                    jdump(["x"] * 1000), jdump([str(i) for i in range(8)]), '["a","a"]']
        if isinstance(name, str) and ("Uscc" in name or name == "uscc"):
            out += [jdump(u) for u in uscc_variants(self.ctx.uscc)]
        if name == "amount":
            out += [jdump(v) for v in ["0.00", "1.234", "-1", "1e5", "99999999999999999999.99", "999999999999999999.99",
                                        "０.５", "1,000", " 1"]]
        if name == "currency":
            out += [jdump(v) for v in ["cny", "CN", "CNYY", "XXX", "ＣＮＹ"]]
        if name == "signature":
            out += [jdump(base64.b64encode(bytes(64)).decode()), jdump(base64.b64encode(bytes(63)).decode()),
                    jdump("A" * 86 + "=="), jdump("!" * 88)]
        if name == "hash":
            out += [jdump("0" * 64), jdump("A" * 64), jdump("0" * 63), jdump("g" * 64)]
        if name == "sequence":
            out += ["0", "1", "-1", str(self.ctx.checkpoint["sequence"] + 1)]
        if name == "plan":
            out += [jdump(v) for v in ["anonymous", "premium", "unknown-plan"]]
        if name == "scopes":
            out += [jdump(v) for v in [["admin"], ["unknown:scope"], ["public:read"] * 8, [" public:read"]]]
        if name == "rows":
            out += ["[1]", '["a"]']
        return out

    def set_path(self, body, path, value):
        node = body
        for part in path[:-1]:
            if isinstance(part, int):
                if not isinstance(node, list) or not node:
                    return False
                node = node[part]
            else:
                if not isinstance(node, dict):
                    return False
                node = node.setdefault(part, {})
        last = path[-1]
        if isinstance(last, int):
            if not isinstance(node, list) or not node:
                return False
            node[last] = value
        elif isinstance(node, dict):
            node[last] = value
        else:
            return False
        return True

    def del_path(self, body, path):
        node = body
        for part in path[:-1]:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return False
        if isinstance(node, dict) and path[-1] in node:
            del node[path[-1]]
            return True
        return False

    def with_raw(self, body, path, raw):
        """The body as JSON text with the field at path set to the raw JSON text raw."""
        marker = "\u0000FUZZ-MARKER\u0000"
        body = copy.deepcopy(body)
        if not self.set_path(body, path, marker):
            return None
        return jdump(body).replace(jdump(marker), raw)

    def gen_body(self, op):
        for media_type, content in op.body.items():
            if not media_type.startswith("application/") or "json" not in media_type:
                continue
            schema = content["schema"]
            base = self.json_op_body(op, media_type)
            tag = "" if media_type == "application/json" else f" ({media_type})"
            fields = list(self.walk(schema, base))
            if media_type != "application/json":
                fields = fields[:3]  # the other JSON media type shares the schema; a sample suffices
            for path, sub in fields:
                dotted = ".".join(str(p) for p in path)
                for raw in self.field_values(path[-1], sub):
                    body = self.json_op_body(op, media_type)
                    text = self.with_raw(body, path, raw)
                    if text is not None:
                        self.add_json(op, f"body{tag} {dotted}={short(raw)}", text=text, media_type=media_type,
                                      key=self.pick_key(op))
                body = self.json_op_body(op, media_type)
                if self.del_path(body, path):
                    self.add_json(op, f"body{tag} without {dotted}", body, media_type=media_type)
            if media_type != "application/json":
                continue
            self.gen_body_structure(op, schema)

    def gen_body_structure(self, op, schema):
        base = lambda: self.json_op_body(op)  # noqa: E731
        text = jdump(base())
        for label, value in [("unknown field", dict(base(), unknownField=1)), ("empty key", dict(base(), **{"": ""})),
                             ("key of 10000 chars", dict(base(), **{"k" * 10000: 1})), ("NUL in a key", dict(base(), **{"a\u0000": 1})),
                             ("__proto__", dict(base(), __proto__={"admin": True})), ("@class", dict(base(), **{"@class": "java.lang.Object"}))]:
            self.add_json(op, f"body: {label}", value)
        for name, value in (base().items() if isinstance(base(), dict) else []):
            # The same field twice with the same, valid value: only the duplication is wrong.
            self.add_json(op, f"body: duplicate key {name} (same value)", text="{" + f"{jdump(name)}:{jdump(value)}," + text[1:])
        full = self.full_body(schema, base())
        if full:
            # Every property given, then the last one again: Jackson's record creator fails on this one.
            last = list(full)[-1]
            self.add_json(op, f"body: every field, then {last} twice (same value)",
                          text=jdump(full)[:-1] + f",{jdump(last)}:{jdump(full[last])}}}")
        if op.op_id == "ingestRecords":
            row_schema = self.contract.deref(self.contract.deref(schema)["properties"]["rows"])["items"]
            row = self.full_body(row_schema, base()["rows"][0])
            last = list(row)[-1]
            self.add_json(op, f"body: a row with every field, then {last} twice (same value)",
                          text='{"rows":[' + jdump(row)[:-1] + f",{jdump(last)}:{jdump(row[last])}}}]}}")
        first = next(iter(base()), None) if isinstance(base(), dict) else None
        if first:
            self.add_json(op, "body: duplicate key", text="{" + f'"{first}":"dup",' + text[1:])
            self.add_json(op, "body: duplicate key (last null)", text=text[:-1] + f',"{first}":null}}')
        for label, raw in [("empty", ""), ("whitespace", "  \n"), ("null", "null"), ("array", "[]"), ("array of the body", f"[{text}]"),
                           ("string", '"x"'), ("number", "1"), ("true", "true"), ("{", "{"), ("}", "}"),
                           ("truncated", text[: len(text) // 2]), ("trailing comma", text[:-1] + ",}"),
                           ("trailing garbage", text + "x"), ("two documents", text + text),
                           ("single quotes", text.replace('"', "'")), ("comment", "/* c */" + text),
                           ("NaN value", text[:-1] + ',"x":NaN}'), ("unterminated string", '{"a":"b'),
                           ("bad escape", '{"a":"\\x"}'), ("lone surrogate", '{"a":"\\ud800"}'),
                           ("BOM", "\ufeff" + text), ("nested 1000 arrays", "[" * 1000 + "]" * 1000),
                           ("nested 1000 objects", '{"a":' * 1000 + "1" + "}" * 1000),
                           ("nested 1001 objects", '{"a":' * 1001 + "1" + "}" * 1001),
                           ("nested 5000 arrays", "[" * 5000 + "]" * 5000),
                           ("field nested 1000 deep", text[:-1] + ',"x":' + "[" * 1000 + "]" * 1000 + "}"),
                           ("unclosed nesting", "[" * 100000), ("number of 10000 digits", text[:-1] + ',"x":' + "9" * 10000 + "}"),
                           ("string of 1 MB", text[:-1] + ',"x":"' + "a" * 1_000_000 + '"}'),
                           ("10000 keys", "{" + ",".join(f'"k{i}":{i}' for i in range(10000)) + "}")]:
            self.add_json(op, f"body: {label}", text=raw)
        raw_bytes = [("invalid UTF-8", text.encode()[:-1] + b"\xff}"), ("UTF-16", text.encode("utf-16")),
                     ("Latin-1", text.encode("utf-8").replace(b"\xe4", b"\xe4\xe4")), ("NUL bytes", b"\x00" * 16),
                     ("random bytes", bytes(self.rng.getrandbits(8) for _ in range(512)))]
        for label, raw in raw_bytes:
            self.add(op, f"body: {label}", body=raw, content_type="application/json")
        for content_type in [None, "", "text/plain", "text/csv", "application/xml", "application/x-www-form-urlencoded",
                             "multipart/form-data; boundary=x", "application/json; charset=utf-8",
                             "application/json; charset=ISO-8859-1", "application/json; charset=utf-16",
                             "application/json; charset=nonsense", "application/json;", "APPLICATION/JSON",
                             "application/merge-patch+json", "application/problem+json", "application/json-patch+json",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream",
                             "garbage", "*/*", "application/*", "application/json, text/plain", "text/json"]:
            label = f"Content-Type {short(content_type) if content_type is not None else 'absent'}"
            self.add(op, label, body=jdump(base()).encode(), content_type=content_type)
        if not op.body_required:
            self.add(op, "no body", content_type="application/json")
            self.add(op, "no body, no Content-Type")
        else:
            self.add(op, "no body (Content-Length 0)", body=b"", content_type="application/json")
        # Over the 10 MB limit: announced only (the server must refuse before reading), then sent.
        self.add(op, "Content-Length 11534336 announced, 1 KB sent", body=b"{" + b" " * 1023, content_type="application/json",
                 announce=11534336, timeout=20, tolerate_reset=True,
                 body_repr="b'{' + b' ' * 11534335")
        self.add(op, "Content-Length 9223372036854775807", body=b"{}", content_type="application/json",
                 headers=[("Content-Length", "9223372036854775807")], timeout=20, tolerate_reset=True)
        self.add(op, "Content-Length -1", body=b"{}", content_type="application/json",
                 headers=[("Content-Length", "-1")], timeout=20, tolerate_reset=True)
        self.add(op, "Content-Length twice, different", body=b"{}", content_type="application/json",
                 headers=[("Content-Length", "2"), ("+Content-Length", "3")], timeout=20, tolerate_reset=True)
        self.add(op, "Transfer-Encoding chunked, small body", body=None, chunked_size=2, content_type="application/json",
                 timeout=20, body_repr="b'aa'")
        if schema:
            s = self.contract.deref(schema)
            for name in s.get("required", []):
                body = base()
                if self.del_path(body, (name,)):
                    self.add_json(op, f"body without required {name}", body)
            self.add_json(op, "body {} (every field missing)", {})
            if op.op_id == "ingestRecords":
                row = self.ingest_example()[1]
                self.add_json(op, "body: rows empty", {"rows": []})
                self.add_json(op, "body: 5001 rows", {"rows": [dict(row, sourceRecordId=f"FUZZ-BIG-{i}", decisionNumber=f"FUZZ-BIG-{i}")
                                                               for i in range(5001)]}, timeout=120)
                self.add_json(op, "body: 200 rows", {"rows": [dict(row, sourceRecordId=f"FUZZ-200-{len(self.requests)}-{i}",
                                                                   decisionNumber=f"FUZZ-200-{len(self.requests)}-{i}")
                                                              for i in range(200)]}, timeout=120)
                self.add_json(op, "body: a row that is null", {"rows": [None]})
                self.add_json(op, "body: the same record twice", {"rows": [dict(row, sourceRecordId="FUZZ-TWICE"),
                                                                           dict(row, sourceRecordId="FUZZ-TWICE")]})
                for idem in ["fuzz-idem-1", "fuzz-idem-1", "fuzz-idem-2"]:
                    self.add_json(op, f"Idempotency-Key {idem}", self.json_op_body(op),
                                  headers=[("Idempotency-Key", idem)])

    def full_body(self, schema, body):
        """body with every top-level property of schema, the missing ones with a plausible value."""
        s = self.contract.deref(schema or {})
        if not isinstance(body, dict) or not s.get("properties"):
            return None
        full = dict(body)
        for name, sub in s["properties"].items():
            if name in full:
                continue
            sub = self.contract.deref(sub)
            if sub.get("examples"):
                full[name] = sub["examples"][0]
            elif sub.get("enum"):
                full[name] = sub["enum"][0]
            elif sub.get("format") == "date":
                full[name] = "2026-01-01"
            elif sub.get("format") == "date-time":
                full[name] = "2029-11-20T09:00:00+08:00"
            else:
                full[name] = {"integer": 1, "number": 1, "boolean": False, "array": [], "object": {}}.get(sub.get("type"), "x")
        return full

    def gen_ingest_files(self, op):
        c = self.ctx

        def csv_req(label, data, query=None, content_type="text/csv", **kw):
            self.add(op, f"CSV: {label}", body=data, content_type=content_type, query=query, **kw)

        def row(n):
            return self.penalty_row(f"FUZZ-CSV-{len(self.requests)}-{n}")

        good = lambda: csv_text([PENALTY_HEADERS, row(1)])  # noqa: E731
        for col, header in enumerate(PENALTY_HEADERS):
            for text in TEXTS + DATES[:10] + ["1e309", "-0.5", "9" * 30, "0.123456", "１０", "=cmd|' /C calc'!A0", "@SUM(1)"]:
                r = row(1)
                r[col] = text
                csv_req(f"{header}={short(text)}", csv_text([PENALTY_HEADERS, r]).encode())
        licence_row = lambda n: [f"FUZZ-LIC-{len(self.requests)}-{n}", "食品经营许可证", "石河子天山果业有限公司", "法人及非法人组织",  # noqa: E731
                                 "91659001MA0000023W", "王五", "普通", "食品经营许可证", "JY16590010000001", "预包装食品销售",
                                 "2026-10-09", "2026-10-09", "2031-10-08", c.dept_name, c.dept_uscc, "有效", c.dept_name, c.dept_uscc]
        csv_req("licence template", csv_text([LICENCE_HEADERS, licence_row(1)]).encode())
        csv_req("licence template, template=licence", csv_text([LICENCE_HEADERS, licence_row(1)]).encode(), query={"template": "licence"})
        csv_req("penalty file, template=licence", good().encode(), query={"template": "licence"})
        csv_req("template=garbage", good().encode(), query={"template": "garbage"})
        both = PENALTY_HEADERS + ["行政许可决定文书号"]
        csv_req("both key columns", csv_text([both, row(1) + ["x"]]).encode())
        csv_req("both key columns, template=penalty", csv_text([both, row(1) + ["x"]]).encode(), query={"template": "penalty"})
        text = good()
        structural = [
            ("empty", b""), ("only a newline", b"\n"), ("header only", csv_text([PENALTY_HEADERS]).encode()),
            ("BOM", b"\xef\xbb\xbf" + text.encode()), ("GB18030", text.encode("gb18030")), ("UTF-16", text.encode("utf-16")),
            ("UTF-16 without BOM", text.encode("utf-16-le")), ("invalid UTF-8 and GB18030", text.encode() + b"\xff\xff\x80\x80"),
            ("NUL bytes", text.encode().replace(b",", b"\x00,", 3)), ("CR line ends", text.replace("\n", "\r").encode()),
            ("CRLF line ends", text.replace("\n", "\r\n").encode()), ("no final newline", text.rstrip("\n").encode()),
            ("unclosed quote", (text.rstrip("\n") + ',"unclosed\n').encode()), ("quote in a bare cell", text.replace("李明", 'a"b').encode()),
            ("fewer cells", csv_text([PENALTY_HEADERS, row(1)[:5]]).encode()), ("more cells", csv_text([PENALTY_HEADERS, row(1) + ["x"] * 50]).encode()),
            ("duplicate header", csv_text([PENALTY_HEADERS + ["行政相对人名称"], row(1) + ["重复"]]).encode()),
            ("missing 处罚决定日期", csv_text([[h for h in PENALTY_HEADERS if h != "处罚决定日期"], [v for i, v in enumerate(row(1)) if i != 8]]).encode()),
            ("headers reversed", csv_text([PENALTY_HEADERS[::-1], row(1)[::-1]]).encode()),
            ("full-width headers", csv_text([[fullwidth(h) for h in PENALTY_HEADERS], row(1)]).encode()),
            ("headers with *", csv_text([["*" + h for h in PENALTY_HEADERS], row(1)]).encode()),
            ("amount in 元", csv_text([[h.replace("（万元）", "(元)") for h in PENALTY_HEADERS], row(1)]).encode()),
            ("title rows above the header", csv_text([["行政处罚信息"], ["说明"], PENALTY_HEADERS, row(1)]).encode()),
            ("header in row 11", csv_text([["x"]] * 10 + [PENALTY_HEADERS, row(1)]).encode()),
            ("1000 columns", csv_text([PENALTY_HEADERS + [f"c{i}" for i in range(1000)], row(1) + ["v"] * 1000]).encode()),
            ("cell of 100000 chars", csv_text([PENALTY_HEADERS, row(1)[:6] + ["内" * 100000] + row(1)[7:]]).encode()),
            ("semicolon separated", ";".join(PENALTY_HEADERS).encode() + b"\n" + ";".join(row(1)).encode() + b"\n"),
            ("tab separated", "\t".join(PENALTY_HEADERS).encode() + b"\n" + "\t".join(row(1)).encode() + b"\n"),
            ("random bytes", bytes(self.rng.getrandbits(8) for _ in range(2048))),
            ("JSON body", jdump({"rows": self.ingest_example()}).encode()),
            ("5001 rows", csv_text([PENALTY_HEADERS] + [row(i) for i in range(5001)]).encode()),
            ("300 rows", csv_text([PENALTY_HEADERS] + [row(i) for i in range(300)]).encode()),
            ("blank rows", (text + "\n\n,,,,\n").encode()),
            ("the same decision number twice", csv_text([PENALTY_HEADERS, row(1), row(1)]).encode()),
        ]
        for label, data in structural:
            csv_req(label, data, timeout=120)
        for content_type in ["text/csv; charset=gbk", "text/csv; charset=utf-8", "text/csv; charset=garbage",
                             "application/csv", "text/comma-separated-values", "application/vnd.ms-excel", "text/plain"]:
            csv_req(f"Content-Type {content_type}", good().encode(), content_type=content_type)
        # XLSX
        xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

        def xlsx_req(label, data, **kw):
            self.add(op, f"XLSX: {label}", body=data, content_type=xlsx_type, timeout=kw.pop("timeout", 120), **kw)

        xlsx_req("valid", xlsx([PENALTY_HEADERS, row(1)]))
        for n in (0, 1, 4, 100, 5000):
            xlsx_req(f"{n} random bytes", bytes(self.rng.getrandbits(8) for _ in range(n)))
        xlsx_req("zip header and random bytes", b"PK\x03\x04" + bytes(self.rng.getrandbits(8) for _ in range(2000)))
        xlsx_req("empty zip", zip_of({}))
        xlsx_req("zip without a sheet", zip_of({"[Content_Types].xml": "<Types/>"}))
        xlsx_req("truncated", xlsx([PENALTY_HEADERS, row(1)])[:300])
        xlsx_req("legacy .xls signature", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
        xlsx_req("CSV sent as XLSX", good().encode())
        xlsx_req("sheet XML malformed", xlsx([], sheet_xml="<worksheet><sheetData><row><c"))
        xlsx_req("sheet XML with an external entity",
                 xlsx([], sheet_xml='<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                      '<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'))
        xlsx_req("sheet XML with entity expansion (billion laughs)",
                 xlsx([], sheet_xml='<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                      '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
                      '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
                      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                      '<row r="1"><c r="A1" t="inlineStr"><is><t>&h;</t></is></c></row></sheetData></worksheet>'))
        xlsx_req("cell reference XFD1048577",
                 xlsx([], sheet_xml='<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                      '<row r="1048577"><c r="XFD1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'))
        xlsx_req("shared string index out of range",
                 xlsx([], sheet_xml='<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                      '<row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>'))
        xlsx_req("numeric cells and a date serial",
                 xlsx([], sheet_xml='<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                      + '<row r="1">' + "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(PENALTY_HEADERS[:13])) + "</row>"
                      + '<row r="2">' + "".join(f'<c r="{chr(65 + i)}2"><v>{v}</v></c>' for i, v in enumerate(["1e309", "NaN", "-1", "99999999", "1.5", "0", "x", "1e-300", "46000", "-46000", "9e18", "", "2958466"])) + "</row>"
                      + "</sheetData></worksheet>"))
        for col, header in enumerate(PENALTY_HEADERS):
            for text in ["", "a\u0001b", "a" * 10000, "😀", "2026-02-30", "1e309", "<x>"]:
                r = row(1)
                r[col] = text
                xlsx_req(f"{header}={short(text)}", xlsx([PENALTY_HEADERS, r]))

    def gen_methods(self):
        paths = collections.defaultdict(set)
        for op in self.contract.operations:
            paths[op.path].add(op.method)
        for path, methods in paths.items():
            op = next(o for o in self.contract.operations if o.path == path)
            concrete = self.baseline_path(op)
            for method in METHODS + ["OPTIONS", "TRACE", "get", "FOO"]:
                if method in methods:
                    continue
                allowed = {405, 501} if method not in ("OPTIONS",) else {200, 204, 405}
                for other in self.contract.operations:
                    pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(other.path)) + "$"
                    if other.method == method and re.match(pattern, concrete):
                        allowed = allowed | other.statuses
                for body in ([None, b"{}"] if method in ("PUT", "PATCH", "POST") else [None]):
                    self.add(f"{method} on a known path", f"method {method} on {path}" + (" with a JSON body" if body else ""), method=method,
                             path=concrete, body=body, content_type="application/json" if body else None, allowed=allowed)

    def gen_unknown_paths(self):
        for path in ["/", "/api", "/api/v1", "/api/v1/", "/api/v2/subjects", "/API/V1/SUBJECTS", "/api/v1/subjects/x/y/z",
                     "/api/v1/admin", "/api/v1/admin/consumers/x/keys/y/z", "/api/v1/lists", "/api/v1/lists/black",
                     "/api/v1/history", "/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/dev",
                     "/openapi.yaml", "/.env", "/WEB-INF/web.xml", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/" + "a" * 9000]:
            self.add("(unknown path)", f"path {short(path)}", method="GET", path=path, allowed=None)

    def gen_heavy(self, ops):
        """Last: requests that may hurt the instance (big bodies streamed, concurrency on one record)."""
        for op in ops:
            if op.body and op.op_id in ("createConsumer", "ingestRecords", "verifyHistoryCheckpoint"):
                first = next(iter(self.json_op_body(op)), "x")
                prefix = ("{" + jdump(first) + ':"').encode()
                self.add(op, "11 MB JSON body streamed (chunked)", body=prefix, chunked_size=11 * 1024 * 1024,
                         content_type="application/json", timeout=60, tolerate_reset=True,
                         body_repr=f"{prefix!r} + b'a' * {11 * 1024 * 1024 - len(prefix)}")
                if op.op_id == "ingestRecords":
                    prefix = (",".join(PENALTY_HEADERS) + "\n").encode()
                    self.add(op, "11 MB CSV body streamed (chunked)", body=prefix, chunked_size=11 * 1024 * 1024,
                             content_type="text/csv", timeout=60, tolerate_reset=True,
                             body_repr=f"{prefix!r} + b'a' * {11 * 1024 * 1024 - len(prefix)}")
                self.add(op, "11 MB body with Content-Length", body=b"a" * (11 * 1024 * 1024),
                         content_type="application/json", timeout=60, tolerate_reset=True, body_repr="b'a' * 11534336")
        ingest = next(o for o in ops if o.op_id == "ingestRecords")
        # A small XLSX whose sheet inflates to 200 MB: one cell of 200 million characters.
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            base = zipfile.ZipFile(io.BytesIO(xlsx([PENALTY_HEADERS])))
            for name in base.namelist():
                if name != "xl/worksheets/sheet1.xml":
                    z.writestr(name, base.read(name))
            z.writestr("xl/worksheets/sheet1.xml",
                       '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
                       '<c r="A1" t="inlineStr"><is><t>' + "a" * 200_000_000 + "</t></is></c></row></sheetData></worksheet>")
        self.heavy_xlsx = bomb.getvalue()
        same = {"rows": [dict(self.ingest_example()[1], sourceRecordId="FUZZ-RACE", decisionNumber="FUZZ-RACE")]}
        for _ in range(16):
            self.add_json(ingest, "the same record from 16 concurrent batches", same)
        for list_type in ["black", "red"]:
            subject = self.ctx.subjects[-1]
            op = next(o for o in ops if o.op_id == "includeListEntry")
            for _ in range(8):
                self.add_json(op, f"the same {list_type} entry from 8 concurrent requests", self.list_entry_body(subject),
                              path=f"/api/v1/lists/{list_type}/entries")
        self.add(ingest, "XLSX: a 140 KB workbook whose sheet inflates to 200 MB (zip bomb)", body=self.heavy_xlsx,
                 content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", timeout=60)


def zip_of(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Checks

def check(req, answer):
    """The findings about one answer: a list of (kind, detail)."""
    if answer.error:
        if req.tolerate_reset and ("Reset" in answer.error or "BrokenPipe" in answer.error or "RemoteDisconnected" in answer.error):
            return []
        return [("no-answer", answer.error)]
    out = []
    status = answer.status
    content_type = (answer.header("Content-Type") or "").strip()
    if status >= 500:
        out.append(("server-error", f"status {status}"))
    if status >= 400:
        if not content_type.lower().startswith("application/problem+json"):
            out.append(("not-problem", f"Content-Type {content_type or '(none)'!r}"))
        else:
            try:
                problem = json.loads(answer.body)
            except ValueError:
                problem = None
            if not isinstance(problem, dict):
                out.append(("bad-problem", "the body is not a JSON object"))
            else:
                missing = [f for f in ("type", "title", "status") if f not in problem]
                if missing:
                    out.append(("bad-problem", f"no {', '.join(missing)}"))
                elif problem.get("status") != status:
                    out.append(("bad-problem", f"status field {problem.get('status')!r} but HTTP {status}"))
    sent = (req.target + b" " + b" ".join(v for _, v in req.headers) + b" " + (req.body or b"")[:200000]).decode("utf-8", "replace")
    seen = " ".join(f"{n}: {v}" for n, v in answer.headers) + "\n" + answer.body.decode("utf-8", "replace")
    leaks = sorted({m.group(0) for m in LEAK_RE.finditer(seen) if m.group(0) not in sent})
    if leaks:
        out.append(("leak", "; ".join(leaks[:5])))
    if req.allowed is not None and status not in req.allowed:
        out.append(("undocumented-status", f"{status} not among {sorted(req.allowed)}"))
    return out


# ---------------------------------------------------------------------------------------------
# Reporting

def bash_quote(data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if all(32 <= b < 127 and b != 0x27 for b in data):
        return "'" + data.decode() + "'"
    out = []
    text = data.decode("utf-8", "replace") if _valid_utf8(data) else None
    if text is not None:
        for ch in text:
            o = ord(ch)
            if ch == "'" or ch == "\\":
                out.append("\\" + ch)
            elif o < 32 or o == 127 or 0x80 <= o < 0xa0:
                out.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8")))
            else:
                out.append(ch)
    else:
        for b in data:
            out.append(chr(b) if 32 <= b < 127 and b not in (0x27, 0x5c) else ("\\" + chr(b) if b in (0x27, 0x5c) else f"\\x{b:02x}"))
    return "$'" + "".join(out) + "'"


def _valid_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def curl_of(req, base):
    parts = ["curl", "-si", "--path-as-is", "-X", req.method]
    for n, v in req.headers:
        if n.lower() in ("user-agent",):
            continue
        parts += ["-H", bash_quote(n.encode() + b": " + v) if v else bash_quote(n + ";")]
    if req.chunked_size is not None or req.announce is not None or (req.body and len(req.body) > 4096):
        if req.body_repr:
            expr = req.body_repr
        elif req.chunked_size is not None:
            expr = f"b'a' * {req.chunked_size}"
        else:
            expr = f"{(req.body or b'')[:60]!r} + ...  # {len(req.body or b'')} bytes in all"
        parts += ["--data-binary", f"@<(python3 -c 'import sys; sys.stdout.buffer.write({expr})')"]
        if req.chunked_size is not None:
            parts += ["-H", "'Transfer-Encoding: chunked'"]
    elif req.body is not None:
        parts += ["--data-binary", bash_quote(req.body)]
    parts.append(bash_quote(base.encode() + req.target))
    return " ".join(parts)


def excerpt(data, limit=1500):
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    return text if len(text) <= limit else text[:limit] + f"…({len(text)} chars)"


def uncaught_lines(path):
    """Lines of the log that the logging framework did not write: uncaught throwables, OutOfMemoryError."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip("\n")[:300] for line in f
                    if line.startswith("Exception") or ("OutOfMemoryError" in line and " ERROR " not in line[:40])]
    except (OSError, TypeError):
        return []


def log_errors(path, since):
    """ERROR lines of the app's log written since the epoch second since: (time, request id or None, line)."""
    out = []
    if not path:
        return out
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) ERROR ", line)
                if not m:
                    continue
                at = time.mktime(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")) + int(m.group(2)) / 1000
                if at < since:
                    continue
                rid = re.search(r"\[request ([^\]]+)\]", line)
                out.append((at, rid.group(1) if rid else None, line.rstrip("\n")[:500]))
    except OSError:
        pass
    return out


def alive(health_url, base):
    """The instance is ready (management readiness) and answers on its main port: four fresh
    connections in a row, so that a dead event loop among several is noticed too."""
    def get(url):
        u = urllib.parse.urlsplit(url)
        try:
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            conn.request("GET", u.path or "/", headers={"X-Request-Id": "fz-alive"})
            status = conn.getresponse().status
            conn.close()
            return status
        except (OSError, http.client.HTTPException):
            return None
    if health_url and get(health_url) != 200:
        return False
    return all(get(base.rstrip("/") + "/api/v1/history/checkpoints/keys") == 200 for _ in range(4))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--operator-key", required=True)
    ap.add_argument("--contract", default="openapi/openapi.yaml")
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--report", default="/tmp/fuzz-report.json")
    ap.add_argument("--health", help="readiness URL, checked between chunks")
    ap.add_argument("--app-log", help="the app's log, for the ERROR lines of the findings' requests")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--only", help="only operations whose name contains this text (for a quick look)")
    ap.add_argument("--list", action="store_true", help="print the generated requests and exit")
    ap.add_argument("--dump", help="write every request's label, status and answer excerpt to this JSON-lines file")
    args = ap.parse_args()

    started = time.time()
    fuzzer = Fuzzer(args)
    fuzzer.setup()
    fuzzer.generate()
    requests = fuzzer.requests
    if args.only:
        requests = [r for r in requests if args.only in r.op]
    if args.list:
        for r in requests:
            print(r.idx, r.op, "|", r.label, "|", len(r.target), len(r.body or b""))
        return 0
    print(f"fuzz: {len(requests)} requests over {len(fuzzer.contract.operations)} operations, seed {args.seed}, "
          f"{args.threads} threads", flush=True)

    # The heavy requests (tail of the list) and the concurrency probes go in their own chunks.
    answers = [None] * len(fuzzer.requests)
    findings = collections.OrderedDict()
    by_status = collections.Counter()
    by_op = collections.defaultdict(collections.Counter)
    down = []
    chunk = 500
    lock = threading.Lock()

    def run(req):
        begun = time.time()
        answer = fuzzer.client.send(req)
        req.sent_at = (begun, time.time())
        req.request_id = (answer.header("X-Request-Id") if not answer.error else None) or (req.header("X-Request-Id") or b"").decode("latin-1")
        with lock:
            answers[req.idx] = answer
        return req, answer

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.threads) as pool:
        for start in range(0, len(requests), chunk):
            part = requests[start:start + chunk]
            list(pool.map(run, part))
            done = start + len(part)
            if not alive(args.health, args.base):
                time.sleep(5)
                if not alive(args.health, args.base):
                    down.append(done)
                    print(f"fuzz: the instance is not ready or does not answer after {done} requests", flush=True)
                    time.sleep(25)
                    if not alive(args.health, args.base):
                        print("fuzz: the instance did not come back; stopping", flush=True)
                        break
            if done % 2000 < chunk or done == len(requests):
                print(f"fuzz: {done}/{len(requests)} sent, {time.time() - started:.0f} s", flush=True)

    sent = [r for r in requests if answers[r.idx] is not None]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for req in sent:
                a = answers[req.idx]
                out.write(json.dumps({"idx": req.idx, "op": req.op, "label": req.label, "status": a.status, "error": a.error,
                                      "content_type": a.header("Content-Type"), "body": excerpt(a.body or b"", 300)},
                                     ensure_ascii=False) + "\n")
    failing_requests = []  # (request, finding key) of the answers that may have logged an ERROR
    for req in sent:
        answer = answers[req.idx]
        status = answer.status if not answer.error else ("reset" if req.tolerate_reset else "no-answer")
        by_status[str(status)] += 1
        by_op[req.op][str(status)] += 1
        for kind, detail in check(req, answer):
            key = (req.op, kind, str(status))
            f = findings.get(key)
            if f is None:
                f = findings[key] = {
                    "kind": kind, "operation": req.op, "status": status, "count": 0, "detail": detail,
                    "example": {"label": req.label, "method": req.method,
                                "target": req.target.decode("utf-8", "replace")[:2000],
                                "headers": [[n, v.decode("utf-8", "replace")[:300]] for n, v in req.headers],
                                "body": excerpt(req.body or b"", 2000) if req.body is not None else None,
                                "body_bytes": len(req.body or b"") if req.chunked_size is None else req.chunked_size,
                                "curl": curl_of(req, args.base)[:6000]},
                    "response": {"status": answer.status, "error": answer.error,
                                 "headers": [[n, v[:300]] for n, v in answer.headers],
                                 "body": excerpt(answer.body or b"")},
                    "labels": [], "request_ids": [], "log_errors": [],
                }
            f["count"] += 1
            if len(f["labels"]) < 15 and req.label not in f["labels"]:
                f["labels"].append(req.label)
            if len(f["request_ids"]) < 2000:
                f["request_ids"].append(req.request_id)
            if kind in ("server-error", "not-problem", "no-answer"):
                failing_requests.append((req, key))
    if down:
        last = max((r for r in sent if r.idx < down[0]), key=lambda r: r.sent_at[1], default=None)
        findings[("(instance)", "instance-down", "-")] = {
            "kind": "instance-down", "operation": "(instance)", "status": "-", "count": len(down),
            "detail": f"not ready or not answering after {down[0]} requests"
                      + (f"; the last request sent before: {last.label}" if last else ""),
            "labels": [], "request_ids": [], "log_errors": []}

    # ERROR lines: by the request id they name, else by time (the failing requests under way then).
    lines = log_errors(args.app_log, started - 1)
    by_id = collections.defaultdict(set)
    for req, key in failing_requests:
        by_id[req.request_id].add(key)
    unmatched = []
    for at, rid, line in lines:
        keys = by_id.get(rid, set()) if rid else set()
        how = "request id"
        if not keys and not (rid and rid.startswith("fz-")):
            # The failing request that ended nearest to the line, on the path the line names if it names one.
            path = re.search(r"(?:Request to|on [A-Z]+) (/[^\s\[]*)", line)
            candidates = [(abs(req.sent_at[1] - at), key) for req, key in failing_requests
                          if req.sent_at[0] - 0.5 <= at <= req.sent_at[1] + 0.5
                          and (not path or req.target.decode("utf-8", "replace").split("?")[0] == path.group(1))]
            keys = {key for distance, key in candidates if distance == min(candidates)[0]} if candidates else set()
            how = "time"
        message = re.sub(r"^\S+ \S+ ", "", line)
        if not keys:
            unmatched.append(line)
        for key in keys:
            f = findings[key]
            entry = f"({how}) {message}"
            if len(f["log_errors"]) < 5 and entry not in f["log_errors"]:
                f["log_errors"].append(entry)
    error_lines_total = len(lines)

    report = {
        "base": args.base, "contract": args.contract, "seed": args.seed,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(time.time() - started, 1), "requests": len(sent), "generated": len(requests),
        "operations": len(fuzzer.contract.operations), "by_status": dict(sorted(by_status.items())),
        "by_operation": {op: dict(sorted(c.items())) for op, c in sorted(by_op.items())},
        "findings": [dict(f, request_ids=f.get("request_ids", [])[:20]) for f in findings.values()],
        "app_log_error_lines": error_lines_total,
        "app_log_uncaught": uncaught_lines(args.app_log)[:50],
        "app_log_errors_without_finding": unmatched[:50],
    }
    with open(args.report, "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2)

    failing = [f for f in findings.values() if f["kind"] in FAILING_KINDS]
    print(f"fuzz: {len(sent)} requests in {report['seconds']} s; by status: "
          + ", ".join(f"{s}={n}" for s, n in sorted(by_status.items())))
    kinds = collections.Counter(f["kind"] for f in findings.values())
    print(f"fuzz: {len(findings)} distinct findings " + (f"({', '.join(f'{k}={n}' for k, n in kinds.items())})" if kinds else ""))
    # The summary folds the same finding on several operations into one line; the report has them all.
    groups = collections.OrderedDict()
    for f in sorted(findings.values(), key=lambda f: (f["kind"] not in FAILING_KINDS, f["kind"], str(f["status"]), f["operation"])):
        detail = f.get("detail", "")
        detail = detail.split(" not among")[0] if f["kind"] == "undocumented-status" else detail
        groups.setdefault((f["kind"], str(f["status"]), detail[:80]), []).append(f)
    for (kind, status, detail), fs in groups.items():
        ops = [f["operation"] for f in fs]
        where = ops[0] if len(ops) == 1 else f"{len(ops)} operations, e.g. {ops[0]}"
        labels = sorted({label for f in fs for label in f.get("labels", [])})
        print(f"  [{kind}] {status} x{sum(f['count'] for f in fs)} on {where}: {detail[:70]}"
              + (f" — e.g. {', '.join(short(label, 50) for label in labels[:3])}" if labels else ""))
    if args.app_log:
        print(f"fuzz: {error_lines_total} ERROR lines in {args.app_log}, {len(unmatched)} not tied to a finding")
        for line in report["app_log_uncaught"][:10]:
            print(f"fuzz: uncaught in the app's log: {line}")
    print(f"fuzz: report in {args.report}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
