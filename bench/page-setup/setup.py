#!/usr/bin/env python3
"""Sets up a study whose round-2 section page is measured: one section of 25 statements and two
small ones, 5 stakeholder groups, 300 panelists, round 1 answered by 270 with spread ratings
(most statements without consensus), closed, round 2 opened. Writes urls.txt: every panelist's
round-2 section-1 address, each opened once (so the benchmark measures reads only).

Usage: setup.py PORT SECRET OUTDIR (the application already running on PORT with SECRET)."""
import base64, hashlib, hmac, json, random, sys, urllib.request

port, secret, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
BASE = f"http://127.0.0.1:{port}"
AUTH = "Basic " + base64.b64encode(b"bench@concord.example:bench-coordinator-password").decode()
PANELISTS, GROUPS, ANSWERING = 300, 5, 270


def call(method, path, body=None, ctype="application/json", auth=True):
    data = None if body is None else (body if isinstance(body, bytes) else
                                      (json.dumps(body) if ctype == "application/json" else body).encode())
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", ctype)
    if auth:
        req.add_header("Authorization", AUTH)
    with urllib.request.urlopen(req) as r:
        text = r.read().decode()
        return json.loads(text) if text and r.headers.get("Content-Type", "").startswith("application/json") else text


def token(pid):
    mac = hmac.new(secret.encode(), f"concord-link:{pid}:1".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


study = call("POST", "/api/studies", {"title": "Page benchmark study", "description": "A study **to measure** the pages.",
                                      "protocol": {"minimumN": 0, "minimumResponsePercent": 0,
                                                   "feedback": {"groupBreakdown": True}}})["id"]
md, n = [], 0
for s, count in enumerate([25, 5, 5], 1):
    md.append(f"## Section {s}\n\nAbout section {s}, with *emphasis* and a [link](https://example.org).\n")
    for _ in range(count):
        n += 1
        md.append(f"- Statement {n}: services should offer **this** practice to every patient who asks for it, within a reasonable time.")
    md.append("")
call("POST", f"/api/studies/{study}/guidance", "\n".join(md) + "\n", "text/markdown")
csv = "name,email,group\n" + "".join(f"P{i},p{i}@example.org,Group {1 + i % GROUPS}\n" for i in range(1, PANELISTS + 1))
call("POST", f"/api/studies/{study}/panel", csv, "text/csv")
round1 = call("POST", f"/api/studies/{study}/rounds", {})["id"]
call("POST", f"/api/rounds/{round1}/open", {})
ids = []
for page in range(0, 100):
    p = call("GET", f"/api/studies/{study}/panelists?page={page}&size=100")
    ids += [x["id"] for x in p["items"]]
    if len(ids) >= p["total"]:
        break
rnd = random.Random(7)
for i, pid in enumerate(ids[:ANSWERING]):
    t = token(pid)
    page = call("GET", f"/p/{t}/api/round", auth=False)
    items = [it["itemId"] for s in page["sections"] for it in s["items"]]
    ratings = [{"itemId": it, "value": rnd.randint(1, 9)} for it in items]
    comments = [{"itemId": items[0], "text": f"A comment from panelist {i}."}] if i % 10 == 0 else []
    call("PUT", f"/p/{t}/api/response", {"consent": True, "ratings": ratings, "comments": comments}, auth=False)
    call("POST", f"/p/{t}/api/response/submit", b"", "application/json", auth=False)
call("POST", f"/api/rounds/{round1}/close", {})
round2 = call("POST", f"/api/rounds/{round1}/next", b"", "application/json")["id"]
call("POST", f"/api/rounds/{round2}/open", {})
urls = []
for pid in ids:
    url = f"/p/{token(pid)}/sections/1"
    call("GET", url, auth=False)
    urls.append(url)
open(f"{out}/urls.txt", "w").write("\n".join(urls) + "\n")
print(json.dumps({"study": study, "round1": round1, "round2": round2, "panelists": len(ids)}))
