#!/usr/bin/env python3
# Holds every Dutch text to the decided Dutch terms (the team's glossary,
# GLOSSARY-nl.md; each rule below says what to write instead) and every
# framework question to one voice. Reads the UI catalogue (which
# also translates the desktop file and the metainfo), the help catalogue
# and the Dutch and English texts of the shipped frameworks; fails naming
# file, line or place, the word and what to write instead.
#
# Usage: check-glossary.py UI.po HELP.po FRAMEWORK.json|FOLDER...
# (a folder: every *.json in it, so that a framework added there is held
# to the same terms)
#
# The exceptions, all narrow:
# - Help: text inside <code>, <cmd>, <input>, <output>, <var> and
#   <sys> and whole <screen> blocks is a literal (file content, program
#   output, JSON keys such as items[12]); markup is left out, so that
#   style="menuitem" is not a word.
# - UI: "items[N]" is the framework file's JSON path in a validation
#   message; the word itself ("een item moet…") is not allowed there.
# - "Klaar" is the label of the workshop's "_Done" button and stays
#   allowed there; as the status of an action it must be "Afgerond".
# - "±" right before a figure ("(± 12)", "(± %.0f)") is a figure; the
#   sentence that names it spreiding stands where it is first shown.
#   Everywhere else "±" needs the word spreiding beside it.
# - "beoordelen" (to grade learners, to rate a statement) is a verb the
#   glossary leaves alone; the noun "beoordeling" is what sounds like an
#   inspection.

import glob
import json
import os
import re
import sys

SCALE = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens",
         "Niet van toepassing / weet ik niet"]
SCALE_EN = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree",
            "Not applicable / don't know"]


def rule(name, pattern, use, flags=re.IGNORECASE, allow=None):
    return {"name": name, "re": re.compile(pattern, flags), "use": use, "allow": allow}


def before_figure(text, match):
    return re.match(r"\s*(%|\d)", text[match.end():]) is not None


def names_spread(text, match):
    return "spreiding" in text.lower() or before_figure(text, match)


def is_credential_element(text, match):
    # "Soort beoordeling": an element of a micro-credential (the learning
    # log), named as the Council Recommendation's Dutch text names it.
    return re.search(r"soort\s+_?$", text[:match.start()], re.IGNORECASE) is not None


def choice_is_on_scale(text, match):
    return match.group(2) in SCALE


RULES = [
    rule("paraatheid", r"\bparaat\w*", "gereedheid (the app's name stays Readiness)"),
    rule("kloof", r"\w*kloo?f\w*|\w*kloven\b", "afstand (tot de streefwaarde)"),
    rule("Gevestigd", r"\bgevestigd\b", "Verankerd"),
    rule("Toonaangevend", r"\btoonaangevend\w*", "Voorlopend"),
    rule("akkoord", r"\w*akkoord\b", "the scale's words: Helemaal mee oneens … Helemaal mee eens"),
    rule("niet mee eens", r"\bniet mee eens\b", "the scale's words: Mee oneens, Helemaal mee oneens"),
    rule("quoted answer not on the scale", r"\b(kies|kiest|koos)\s+(?:ook\s+|alleen\s+|dan\s+)?['‘“]([^'’”]+)['’”]",
         "kies 'Mee eens' als …, with a label of the scale", allow=choice_is_on_scale),
    rule("item", r"\bitem\w*", "vraag (\"item\" stays out of the UI)"),
    rule("eigenaar", r"\w*eigenaar\w*", "verantwoordelijke"),
    rule("leerkracht", r"\w*leerkracht\w*", "leraar, leraren"),
    rule("bevraging", r"\w*bevraging\w*", "vragenlijst"),
    rule("rekenblad", r"\w*rekenblad\w*", "spreadsheet"),
    rule("verwittigd", r"\bverwittig\w*", "op de hoogte gebracht"),
    rule("uiterlijk op", r"\buiterlijk (?:op\b|%|\d)", "streefdatum"),
    rule("einddatum", r"\w*einddatum\w*", "streefdatum"),
    rule("beoordeling", r"\w*beoordeling\w*", "zelfevaluatie (the verb beoordelen is fine)",
         allow=is_credential_element),
    rule("workshop", r"\w*workshop\w*", "werksessie"),
    rule("bare ±", r"±", "name it: spreiding (standaardafwijking)", flags=0, allow=names_spread),
]

# Where the glossary fixes the translation of a message outright.
FIXED = {
    ("level", "Beginning"): "Beginnend",
    ("level", "Developing"): "In ontwikkeling",
    ("level", "Established"): "Verankerd",
    ("level", "Leading"): "Voorlopend",
    ("action status", "Planned"): "Gepland",
    ("action status", "In progress"): "Bezig",
    ("action status", "Done"): "Afgerond",
    (None, "Strongly disagree"): "Helemaal mee oneens",
    (None, "Disagree"): "Mee oneens",
    (None, "Neither agree nor disagree"): "Neutraal",
    (None, "Agree"): "Mee eens",
    (None, "Strongly agree"): "Helemaal mee eens",
}

LITERAL_ELEMENTS = ("code", "cmd", "input", "output", "var", "sys")


# PO files

def unquote(text):
    return json.loads(text)


def read_po(path):
    """The translated messages of PATH: dicts of line, context, msgid,
    msgstrs, comments. Obsolete (#~) messages are left out."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    with open(path, encoding="utf-8") as po:
        for number, line in enumerate(po, 1):
            line = line.rstrip("\n")
            if line.startswith("#~"):
                continue
            if not line.strip():
                finish()
                entry, field = None, None
                continue
            if entry is None or (line.startswith(("#", "msgctxt", "msgid ")) and entry["msgstr"]):
                finish()
                entry = {"line": number, "context": None, "comments": [], "msgstr": []}
            if line.startswith("#"):
                entry["comments"].append(line)
                continue
            keyword, _, rest = line.partition(" ")
            if line.startswith('"'):
                if field == "msgstr":
                    entry["msgstr"][-1] += unquote(line)
                else:
                    entry[field] += unquote(line)
            elif keyword.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(unquote(rest))
            else:
                field = {"msgctxt": "context", "msgid": "msgid", "msgid_plural": "msgid_plural"}[keyword]
                entry[field] = unquote(rest)
    finish()
    return [e for e in entries if e["msgid"] != ""]


def strip_help_markup(text):
    for element in LITERAL_ELEMENTS:
        text = re.sub(r"<%s\b[^>]*>.*?</%s>" % (element, element), " ", text, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", text)


def is_literal_block(entry):
    return any(re.match(r"#\. \(itstool\) path: .*/screen$", c) for c in entry["comments"])


def is_done_button(entry, match):
    return entry["msgid"] == "_Done" and entry["context"] is None


def is_help_button(text, match):
    return re.search(r'<gui style="button">\s*$', text[:match.start()]) is not None


# Checks

def find(rules, text, extra_allow=None):
    """(rule, match) for every rejected word in TEXT."""
    for r in rules:
        for match in r["re"].finditer(text):
            if r["allow"] is not None and r["allow"](text, match):
                continue
            if extra_allow is not None and extra_allow(r, text, match):
                continue
            yield r, match


def excerpt(text, match):
    start = max(0, match.start() - 50)
    end = min(len(text), match.end() + 50)
    return ("…" if start > 0 else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def problem(place, r, text, match):
    return "%s: “%s” (%s; use %s): %s" % (place, match.group(0), r["name"], r["use"], excerpt(text, match))


def klaar_problems(place, text, allowed):
    """"Klaar" where an action's status is meant."""
    for match in re.finditer(r"\bKlaar\b", text):
        if not allowed(text, match):
            yield "%s: “Klaar” (action status; use Afgerond): %s" % (place, excerpt(text, match))


def check_ui_po(path):
    problems = []
    for entry in read_po(path):
        place = "%s:%d" % (path, entry["line"])
        for text in entry["msgstr"]:
            def allow(r, text, match):
                # The framework file's JSON path in a validation message.
                return r["name"] == "item" and text[match.start():match.end() + 1] == "items["
            for r, match in find(RULES, text, extra_allow=allow):
                problems.append(problem(place, r, text, match))
            for p in klaar_problems(place, text, lambda t, m: is_done_button(entry, m)):
                problems.append(p)
        fixed = FIXED.get((entry["context"], entry["msgid"]))
        if fixed is not None and entry["msgstr"] != [fixed]:
            problems.append("%s: “%s” must be translated “%s”, not “%s”" %
                            (place, entry["msgid"], fixed, " / ".join(entry["msgstr"])))
    return problems


def check_help_po(path):
    problems = []
    for entry in read_po(path):
        if is_literal_block(entry):
            continue
        place = "%s:%d" % (path, entry["line"])
        for raw in entry["msgstr"]:
            text = strip_help_markup(raw)
            for r, match in find(RULES, text):
                problems.append(problem(place, r, text, match))
            for p in klaar_problems(place, raw, is_help_button):
                problems.append(p)
    return problems


def framework_texts(node, place):
    """(place, {"en": …, "nl": …}) for every translated text."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            yield place, node
            return
        for key, value in node.items():
            yield from framework_texts(value, "%s.%s" % (place, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            name = value.get("id", i) if isinstance(value, dict) else i
            yield from framework_texts(value, "%s[%s]" % (place, name))


def check_framework_dutch(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        framework = json.load(f)
    for place, text in framework_texts(framework, ""):
        nl = text.get("nl")
        if nl is None:
            continue
        for r, match in find(RULES, nl):
            problems.append(problem(path + ": " + place, r, nl, match))
    return problems


# A question speaks as the school about itself ("our school", "onze school",
# "we"): leaders, teachers and learners answer about their own school.
# Help and recommendations speak to the reader ("your provider", "uw").
# Help that says which answer to choose quotes the scale's own words.
VOICE = {
    "en": (re.compile(r"\b(you|your|yours)\b", re.IGNORECASE), "our, we"),
    "nl": (re.compile(r"\b(u|uw)\b", re.IGNORECASE), "onze, ons, we"),
}
SCALE_WORDS = {
    "en": (re.compile(r"\b(strongly\s+)?(dis)?agree\b", re.IGNORECASE), SCALE_EN),
    "nl": (re.compile(r"\b(helemaal\s+)?(mee\s+)?(on)?eens\b", re.IGNORECASE), SCALE),
}


def quoted_label(text, match, labels):
    """Whether MATCH lies inside 'a label of the scale'."""
    for label in labels:
        for quote in re.finditer(r"['‘“]%s['’”]" % re.escape(label), text):
            if quote.start() < match.start() and match.end() < quote.end():
                return True
    return False


def check_framework_voice(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        framework = json.load(f)
    for item in framework.get("items", []):
        place = "%s: items[%s]" % (path, item.get("id"))
        for language, (pattern, use) in VOICE.items():
            text = item.get("text", {}).get(language)
            if text is None:
                continue
            for match in pattern.finditer(text):
                problems.append("%s.text.%s: “%s” (a question speaks as the school; use %s): %s" %
                                (place, language, match.group(0), use, excerpt(text, match)))
        for language, (pattern, labels) in SCALE_WORDS.items():
            text = item.get("help", {}).get(language)
            if text is None:
                continue
            for match in pattern.finditer(text):
                if not quoted_label(text, match, labels):
                    problems.append("%s.help.%s: “%s” (name the answer as the scale does, e.g. %s): %s" %
                                    (place, language, match.group(0),
                                     "choose 'Agree' if …" if language == "en" else "kies 'Mee eens' als …",
                                     excerpt(text, match)))
    return problems


def main(argv):
    if len(argv) < 4:
        sys.stderr.write("Usage: check-glossary.py UI.po HELP.po FRAMEWORK.json|FOLDER...\n")
        return 2
    ui_po, help_po = argv[1], argv[2]
    frameworks = []
    for path in argv[3:]:
        frameworks += sorted(glob.glob(os.path.join(path, "*.json"))) if os.path.isdir(path) else [path]
    if not frameworks:
        sys.stderr.write("No framework file in %s\n" % " ".join(argv[3:]))
        return 2
    checks = [("the UI catalogue " + ui_po, lambda: check_ui_po(ui_po)),
              ("the help catalogue " + help_po, lambda: check_help_po(help_po))]
    for path in frameworks:
        checks.append(("the Dutch texts of " + path, lambda path=path: check_framework_dutch(path)))
        checks.append(("one voice in the questions of " + path, lambda path=path: check_framework_voice(path)))

    print("1..%d" % len(checks))
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
