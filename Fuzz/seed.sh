#!/usr/bin/env bash
# Seeds the three corpora: HTML pages (samples/, the W3C ACT test pages from ../shared/conformance
# when present, and every check's YAML examples) for FuzzAudit; style sheets (samples/css and
# the <style> blocks of those pages) for FuzzStyle; WARC archives, sitemaps, gzip streams and
# URL lists for FuzzInputs.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus-audit corpus-style corpus-inputs
find ../samples ../../shared/conformance -name '*.html' 2>/dev/null | while read -r page; do
    cp "$page" "corpus-audit/$(sha1sum < "$page" | cut -c1-16).html"
done
python3 - <<'PY'
import glob, hashlib, re, yaml
def keep(folder, text):
    name = hashlib.sha1(text.encode()).hexdigest()[:16]
    open(f"{folder}/{name}", "w").write(text)
for path in glob.glob("../checks/**/*.yml", recursive=True):
    examples = (yaml.safe_load(open(path)) or {}).get("examples") or {}
    for kind in ("pass", "fail", "review"):
        for example in examples.get(kind) or []:
            html = example if isinstance(example, str) else example.get("html", "")
            keep("corpus-audit", html.replace("↓", ""))
for path in glob.glob("corpus-audit/*"):
    for sheet in re.findall(r"<style[^>]*>(.*?)</style>", open(path, errors="replace").read(), re.S):
        keep("corpus-style", sheet)
for path in glob.glob("../samples/css/*.css"):
    keep("corpus-style", open(path).read())
PY
python3 - <<'PY'
import gzip, hashlib
def keep(data):
    open(f"corpus-inputs/{hashlib.sha1(data).hexdigest()[:16]}", "wb").write(data)
def record(kind, uri, http, body=b""):
    block = http.replace(b"\n", b"\r\n") + body
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"
ok = b"HTTP/1.1 200 OK\nContent-Type: "
records = [
    b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware\n\r\n\r\n",
    record("request", "http://x.gov.cn/a", b"GET /a HTTP/1.1\nHost: x.gov.cn\n\n"),
    record("response", "http://x.gov.cn/a", ok + b"text/html; charset=gbk\n\n", b"<title>\xd5\xfe\xb8\xae</title>"),
    record("response", "http://x.gov.cn/c", ok + b"text/html\nTransfer-Encoding: chunked\n\n", b"5\r\n<p>ab\r\n5\r\nc</p>\r\n0\r\n\r\n"),
    record("response", "http://x.gov.cn/z", ok + b"text/html\nContent-Encoding: gzip\n\n", gzip.compress(b"<p>zipped</p>")),
    record("response", "http://x.gov.cn/s.css", ok + b"text/css\n\n", b"p { color: red }"),
    record("response", "http://x.gov.cn/old.css", b"HTTP/1.1 301 Moved\nLocation: /s.css\n\n"),
    record("response", "http://x.gov.cn/gone", b"HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n", b"no"),
]
keep(b"".join(records))
keep(b"".join(gzip.compress(r) for r in records))
keep(gzip.compress(b"".join(records)))
urlset = (b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          b"<url><loc>http://x.gov.cn/a</loc></url><url><loc> /b </loc></url></urlset>")
keep(urlset)
keep(gzip.compress(urlset))
keep(b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://x.gov.cn/s.xml.gz</loc></sitemap></sitemapindex>')
keep(b"# pages\nhttp://x.gov.cn/a\n\nhttps://x.gov.cn/b?q=1\r\nnot a url\n")
PY
echo "corpus-audit: $(ls corpus-audit | wc -l) pages, corpus-style: $(ls corpus-style | wc -l) sheets, corpus-inputs: $(ls corpus-inputs | wc -l) inputs"
