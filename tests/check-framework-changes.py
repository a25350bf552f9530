#!/usr/bin/env python3
# Holds the help page "What changed in version 2.0" (help/C/framework-2.page)
# to the built-in framework: every question of version 1.0 is listed once
# with what became of it, and that is what the framework file says (kept
# and reworded questions keep their id and a version that still accepts
# version 1's answers, changed ones do not, merged, split and removed ones
# are in "retired" with the same replacements); every question of 2.0 that
# version 1.0 did not have is listed as new, with its area and standard.
# Also holds every question of the framework to one voice: it speaks as
# the school ("our", "we"; Dutch "onze", "ons", "we").
#
# Usage: check-framework-changes.py PAGE FRAMEWORK.json [FRAMEWORK-1.0.json]
# With the frozen 1.0 file (when it exists), the page's list of 1.0
# questions must also be that file's, in its order and with its texts.

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://projectmallard.org/1.0/"}
KINDS = {"kept", "reworded", "changed", "merged", "split", "removed"}
VOICE = {"en": re.compile(r"\b(our|we|us)\b", re.IGNORECASE),
         "nl": re.compile(r"\b(onze|ons|we)\b", re.IGNORECASE)}


def text_of(element):
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def read_rows(page, section_id):
    """(id, first-cell text, cells) for each row of the section's table."""
    section = page.find(".//m:section[@id='%s']" % section_id, NS)
    if section is None:
        return None
    rows = []
    for tr in section.findall(".//m:tbody/m:tr", NS):
        cells = tr.findall("m:td", NS)
        paragraphs = cells[0].findall("m:p", NS)
        code = paragraphs[0].find("m:code", NS)
        rows.append({"id": code.text if code is not None else None,
                     "text": text_of(paragraphs[1]) if len(paragraphs) > 1 else "",
                     "cells": cells})
    return rows


def change_of(row):
    """The kind of change a 1.0 row states, and the ids it names."""
    second = row["cells"][1]
    first_p = second.find("m:p", NS)
    span = first_p.find("m:span", NS) if first_p is not None else None
    style = span.get("style", "") if span is not None else ""
    match = re.fullmatch(r"rd-change (\w+)", style)
    kind = match.group(1) if match else None
    ids = [code.text for code in first_p.findall("m:code", NS)] if first_p is not None else []
    return kind, ids


def accepts(item, version):
    return item.get("comparable_since", item["version"]) <= version <= item["version"]


def check_page(page_path, framework, old):
    problems = []
    page = ET.parse(page_path).getroot()
    items = {it["id"]: it for it in framework["items"]}
    retired = {r["id"]: r for r in framework.get("retired", [])}
    areas = {a["id"]: a for a in framework["areas"]}
    old_items = {it["id"]: it for it in old["items"]} if old else None

    def problem(text):
        problems.append("%s: %s" % (page_path, text))

    v1_rows = read_rows(page, "v1-items")
    new_rows = read_rows(page, "new-items")
    if v1_rows is None or new_rows is None:
        problem("needs the sections v1-items and new-items")
        return problems

    seen = set()
    for row in v1_rows:
        id = row["id"]
        kind, ids = change_of(row)
        where = "the 1.0 question %s" % id
        if id in seen:
            problem("%s is listed twice" % where)
        seen.add(id)
        if kind not in KINDS:
            problem("%s: no <span style=\"rd-change KIND\"> with KIND one of %s" % (where, ", ".join(sorted(KINDS))))
            continue
        old_version = old_items[id]["version"] if old_items and id in old_items else 1
        if kind in ("merged", "split", "removed"):
            if id in items:
                problem("%s is %s on the page but still an item of the framework" % (where, kind))
            if id not in retired:
                problem("%s is %s on the page but not in the framework's \"retired\"" % (where, kind))
                continue
            if ids != retired[id]["replaced_by"]:
                problem("%s: the page names %s, the framework's replaced_by %s" % (where, ids, retired[id]["replaced_by"]))
            expected = {0: "removed", 1: "merged"}.get(len(retired[id]["replaced_by"]), "split")
            if kind != expected:
                problem("%s: the page says %s, but it is replaced by %d questions (%s)" %
                        (where, kind, len(retired[id]["replaced_by"]), expected))
            if retired[id]["version"] != old_version:
                problem("%s: retired at version %d, the page's 1.0 had version %d" %
                        (where, retired[id]["version"], old_version))
            continue
        if id not in items:
            problem("%s is %s on the page but no item of the framework" % (where, kind))
            continue
        if id in retired:
            problem("%s is both an item and retired" % where)
        item = items[id]
        if kind == "changed" and accepts(item, old_version):
            problem("%s is changed on the page but its version %d still accepts answers to version %d" %
                    (where, item["version"], old_version))
        if kind in ("kept", "reworded") and not accepts(item, old_version):
            problem("%s is %s on the page but version %d does not accept answers to version %d" %
                    (where, kind, item["version"], old_version))
        if kind == "kept" and row["text"] != item["text"]["en"]:
            problem("%s is kept on the page, but its question now reads “%s”" % (where, item["text"]["en"]))
        if kind == "reworded" and row["text"] == item["text"]["en"]:
            problem("%s is reworded on the page, but its question reads as it did" % where)

    for id in retired:
        if id not in seen:
            problem("the retired question %s is not on the page" % id)

    for row in new_rows:
        id = row["id"]
        where = "the new question %s" % id
        if id in seen:
            problem("%s is listed twice" % where)
        seen.add(id)
        if id not in items:
            problem("%s is no item of the framework" % where)
            continue
        item = items[id]
        if old_items is not None and id in old_items:
            problem("%s was a question of 1.0 already" % where)
        cells = [text_of(cell) for cell in row["cells"]]
        if row["text"] != item["text"]["en"]:
            problem("%s: the page says “%s”, the framework “%s”" % (where, row["text"], item["text"]["en"]))
        if cells[1] != areas[item["area"]]["title"]["en"]:
            problem("%s: area “%s” on the page, “%s” in the framework" % (where, cells[1], areas[item["area"]]["title"]["en"]))
        if "standard" not in item or cells[2] != item["standard"]["en"]:
            problem("%s: based on “%s” on the page, “%s” in the framework" %
                    (where, cells[2], item.get("standard", {}).get("en")))

    for id in items:
        if id not in seen:
            problem("the question %s of the framework is not on the page" % id)

    intro = text_of(page)
    match = re.search(r"asks (\d+) questions in (\d+) areas, where version 1\.0 asked (\d+) in (\d+)", intro)
    if match is None:
        problem("the introduction should say “asks N questions in N areas, where version 1.0 asked N in N”")
    else:
        n2, a2, n1, a1 = (int(g) for g in match.groups())
        if (n2, a2) != (len(items), len(areas)):
            problem("the page says %d questions in %d areas, the framework has %d in %d" % (n2, a2, len(items), len(areas)))
        if n1 != len(v1_rows):
            problem("the page says 1.0 asked %d questions and lists %d" % (n1, len(v1_rows)))
        if old is not None and (n1, a1) != (len(old["items"]), len(old["areas"])):
            problem("the page says 1.0 asked %d in %d areas, the 1.0 file has %d in %d" %
                    (n1, a1, len(old["items"]), len(old["areas"])))

    if old is not None:
        page_ids = [row["id"] for row in v1_rows]
        if page_ids != [it["id"] for it in old["items"]]:
            problem("the 1.0 questions on the page are not those of the 1.0 file, in its order")
        for row in v1_rows:
            if row["id"] in old_items and row["text"] != old_items[row["id"]]["text"]["en"]:
                problem("the 1.0 question %s read “%s”, not “%s”" %
                        (row["id"], old_items[row["id"]]["text"]["en"], row["text"]))
    return problems


def check_voice(path, framework):
    problems = []
    for item in framework["items"]:
        for language, pattern in VOICE.items():
            text = item["text"][language]
            if not pattern.search(text):
                problems.append("%s: items[%s].text.%s speaks not as the school (say our, we; onze, we): %s" %
                                (path, item["id"], language, text))
    return problems


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("Usage: check-framework-changes.py PAGE FRAMEWORK.json [FRAMEWORK-1.0.json]\n")
        return 2
    page, framework_path = argv[1], argv[2]
    old_path = argv[3] if len(argv) == 4 else None
    with open(framework_path, encoding="utf-8") as f:
        framework = json.load(f)
    old = None
    if old_path is not None and os.path.exists(old_path):
        with open(old_path, encoding="utf-8") as f:
            old = json.load(f)

    checks = [("the help page %s agrees with %s%s" % (page, framework_path, " and " + old_path if old else ""),
               lambda: check_page(page, framework, old)),
              ("every question of %s speaks as the school" % framework_path,
               lambda: check_voice(framework_path, framework))]
    print("1..%d" % len(checks))
    if old_path is not None and old is None:
        print("# %s does not exist: the 1.0 questions are checked against the framework's own ids and retired list"
              % old_path)
    failed = 0
    for number, (name, check) in enumerate(checks, 1):
        problems = check()
        if problems:
            failed += 1
            print("not ok %d - %s: %d problems" % (number, name, len(problems)))
            for p in problems:
                print("# " + p)
        else:
            print("ok %d - %s" % (number, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
