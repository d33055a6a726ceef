#!/usr/bin/env python3
"""Writes checks/data/language-subtags.txt: the primary language subtags BCP 47 accepts.

Source: Debian's iso-codes package (apt-get install iso-codes). The IANA registry takes an
ISO 639-1 code where one exists, else the ISO 639-2/639-3 code, plus ISO 639-5 collections and
the private-use range qaa-qtz; so "en" is valid and "eng" is not, as the W3C ACT rules expect.
"""
import json
import os
import string

ISO = "/usr/share/iso-codes/json"
codes = set()
for entry in json.load(open(os.path.join(ISO, "iso_639-3.json")))["639-3"]:
    codes.add(entry.get("alpha_2") or entry["alpha_3"])
for entry in json.load(open(os.path.join(ISO, "iso_639-2.json")))["639-2"]:
    if "alpha_2" not in entry and "-" not in entry["alpha_3"]:
        codes.add(entry["alpha_3"])
for entry in json.load(open(os.path.join(ISO, "iso_639-5.json")))["639-5"]:
    codes.add(entry["alpha_3"])
for first in "q":
    for second in "abcdefghijklmnopqrst":
        for third in string.ascii_lowercase:
            codes.add(first + second + third)
codes.discard("qaa-qtz")

out = os.path.join(os.path.dirname(__file__), "..", "checks", "data", "language-subtags.txt")
with open(out, "w") as f:
    f.write("# Primary language subtags (BCP 47), from iso-codes; regenerate with scripts/language-subtags.py\n")
    for code in sorted(codes):
        f.write(code + "\n")
print(len(codes), "subtags written to", os.path.normpath(out))
