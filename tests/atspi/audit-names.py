#!/usr/bin/python3
# Walks the whole accessible tree of every screen of a running Readiness
# over AT-SPI (GTK 4.8 computes names only there) and lists each
# interactive control whose name a screen reader would read badly: empty,
# only a type name, with a mnemonic underscore, or said twice.
# Usage: audit-names.py [--dump]
import re
import sys
import time
import warnings

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from atspi_common import TIMEOUT, fail, find_app  # noqa: E402

# Atspi 2.46 deprecates get_action_name; answer-area.py uses it too.
warnings.simplefilter("ignore", DeprecationWarning)
R = Atspi.Role

INTERACTIVE = {
    R.PUSH_BUTTON, R.TOGGLE_BUTTON, R.CHECK_BOX, R.RADIO_BUTTON, R.MENU_ITEM,
    R.CHECK_MENU_ITEM, R.RADIO_MENU_ITEM, R.COMBO_BOX, R.ENTRY, R.PASSWORD_TEXT,
    R.SPIN_BUTTON, R.LINK, R.SLIDER, R.PAGE_TAB, R.TREE_ITEM, R.LIST_ITEM,
    R.TEXT,
}
for extra in ("SWITCH",):
    if hasattr(R, extra):
        INTERACTIVE.add(getattr(R, extra))

TYPE_NAME = re.compile(r"^(Gtk|Adw|Rd)[A-Z]\w*$")
MNEMONIC = re.compile(r"_(?=\w)")

DUMP = "--dump" in sys.argv


def walk(node, path=""):
    """Every node under node, with its path; a node that goes away while
    the walk reads it (a row rebuilt) is left out."""
    try:
        name = node.get_name() or ""
        step = node.get_role_name()
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    except gi.repository.GLib.GError:
        return
    if name and not TYPE_NAME.match(name) and len(name) < 40:
        step += f"[{name}]"
    here = f"{path}/{step}"
    yield node, here
    for child in children:
        if child is not None:
            yield from walk(child, here)


def find_all(root, predicate):
    root.clear_cache()
    return [node for node, _ in walk(root) if predicate(node)]


def wait_for(root, predicate, what):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        found = find_all(root, predicate)
        if found:
            return found[0]
        time.sleep(0.2)
    fail(f"never found {what}")


def named(name, *roles):
    """Finds a control by its name, also while that name is still badly
    formed ("_Cancel Cancel"), so that the audit reaches every screen."""
    roles = roles or (R.PUSH_BUTTON, R.TOGGLE_BUTTON)
    doubled = f"{name} {name}"
    if name.startswith("Open assessment "):
        doubled = name + name[len("Open assessment"):]
    return lambda n: n.get_role() in roles and \
        (n.get_name() == name or MNEMONIC.sub("", n.get_name() or "") in (name, doubled))


def click(node):
    for i in range(node.get_n_actions()):
        if node.get_action_name(i) in ("click", "activate", "press"):
            node.do_action(i)
            return
    fail(f"“{node.get_name()}” ({node.get_role_name()}) has no click action")


def select(row):
    """Chooses a row of a list the way a screen reader does."""
    if row.get_n_actions() > 0:
        click(row)
        return
    parent = row.get_parent()
    parent.select_child(row.get_index_in_parent())


def is_interactive(node):
    role = node.get_role()
    if role not in INTERACTIVE:
        return False
    if role == R.LIST_ITEM:
        # A list item counts when it can be chosen or activated.
        states = node.get_state_set()
        return node.get_n_actions() > 0 or states.contains(Atspi.StateType.SELECTABLE) \
            or states.contains(Atspi.StateType.FOCUSABLE)
    if role == R.TEXT:
        # Text a user can type in; labels that can be selected are text too.
        return node.get_state_set().contains(Atspi.StateType.EDITABLE)
    return True


def words(text):
    return MNEMONIC.sub("", text).split()


def said_twice(text):
    """The same phrase at the end twice: "Mark Complete Mark Complete",
    "Open assessment X X"."""
    w = words(text)
    for k in range(1, len(w) // 2 + 1):
        if w[-k:] == w[-2 * k:-k] and (k > 1 or len(w[-1]) > 3):
            return True
    return False


def labelled_by_names(node):
    names = []
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for i in range(relation.get_n_targets()):
                target = relation.get_target(i)
                if target is not None and target.get_name():
                    names.append(target.get_name())
    return names


def problem(node):
    name = (node.get_name() or "").strip()
    if not name:
        return "no name"
    if TYPE_NAME.match(name):
        return "only a type name"
    if MNEMONIC.search(name):
        return "a mnemonic underscore"
    if said_twice(name):
        return "said twice"
    description = (node.get_description() or "").strip()
    if description and description != name and \
            (name.endswith(" " + description) or name.startswith(description + " ")):
        return "name and description run together"
    for label in labelled_by_names(node):
        if label != name and label in name and len(label) > 3:
            return f"its own label and the one of “{label}” run together"
    return None


SEEN = set()


def place(node):
    """The indexes from the window down to the node: siblings share a path."""
    steps = []
    while node is not None and node.get_role() != R.APPLICATION:
        steps.append(node.get_index_in_parent())
        node = node.get_parent()
    return tuple(steps)


# Controls each screen must show under these names: proof that the walk
# reached the ones GTK 4.8 used to name badly.
EXPECTED = {
    "Main window": ["Open assessment 2026-2027 — Full assessment", "Start an Assessment"],
    "Add School dialog": ["Cancel", "Add"],
    "New Assessment dialog": ["Create", "2026-2027", "Full assessment"],
    "Preferences": ["Anonymity threshold"],
    "Shortcuts": ["Search Shortcuts"],
    "Compare Schools": ["Main Menu", "Sort by", "Factors"],
    "Area page": ["What does this mean?", "Choose a Date", "Answering as", "Mark Complete"],
    "Discussion window": ["Previous Item", "Next Item"],
    "Edit Action dialog": ["Save", "Strategy and leadership"],
    "Learning Log": ["Learning Log Menu", "Add Staff Member"],
    "New Staff Member dialog": ["Save", "Group"],
}


def audit(screen, root):
    """Counts each badly named control once, on the first screen it is on:
    GTK keeps every page of a window in its tree."""
    root.clear_cache()
    bad = []
    names = set()
    count = 0
    for node, path in walk(root):
        if DUMP:
            print(f"# {path} {node.get_name()!r} {node.get_description()!r}")
        if not is_interactive(node):
            continue
        count += 1
        names.add(node.get_name())
        why = problem(node)
        key = (path, node.get_name(), place(node))
        if why and key not in SEEN:
            SEEN.add(key)
            bad.append(f"{node.get_role_name()} “{node.get_name()}” at {path}: {why}")
    for name in EXPECTED.get(screen, []):
        if name not in names:
            bad.append(f"no control named “{name}”")
    print(f"# {screen}: {count} controls, {len(bad)} newly found badly named", flush=True)
    for line in bad:
        print(f"#   {line}", flush=True)
    return len(bad)


def alive(node):
    try:
        node.get_role()
        return True
    except gi.repository.GLib.GError:
        return False


def windows(app):
    app.clear_cache()
    found = [app.get_child_at_index(i) for i in range(app.get_child_count())]
    return [w for w in found if w is not None and alive(w)]


def wait_window(app, title_or_predicate, what):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        for w in windows(app):
            if callable(title_or_predicate):
                if title_or_predicate(w):
                    return w
            elif w.get_name() == title_or_predicate:
                return w
        time.sleep(0.2)
    fail(f"never saw the window {what}")


def new_window(app, before, what):
    return wait_window(app, lambda w: w not in before, what)


def press(root, name, *roles):
    """Clicks the control; a menu button is clicked on its inner button."""
    wait_for(root, named(name, *roles), f"“{name}”")
    for node in find_all(root, named(name, *roles)):
        if node.get_n_actions() > 0:
            click(node)
            return node
    fail(f"“{name}” has no action")


def close_window(window):
    for name in ("Cancel", "Close", "Close the window"):
        found = find_all(window, named(name))
        if found:
            click(found[0])
            return
    fail(f"no way to close “{window.get_name()}”")


def main():
    Atspi.init()
    app = find_app("readiness")
    main_window = wait_window(app, "Readiness", "Readiness")
    wait_for(main_window, named("AT-SPI School", R.LIST_ITEM), "the school's row")
    results = {}

    def screen(name, root):
        results[name] = audit(name, root)

    screen("Main window", main_window)

    before = windows(app)
    press(main_window, "Add School")
    dialog = new_window(app, before, "Add School")
    screen("Add School dialog", dialog)
    close_window(dialog)

    before = windows(app)
    press(main_window, "New Assessment")
    dialog = new_window(app, before, "New Assessment")
    screen("New Assessment dialog", dialog)
    close_window(dialog)

    press(main_window, "School Menu")
    time.sleep(0.5)
    press(main_window, "Learning Log", R.MENU_ITEM)
    wait_for(main_window, named("Back to the School"), "the learning log")
    screen("Learning Log", main_window)
    before = windows(app)
    press(main_window, "Add Staff Member")
    dialog = new_window(app, before, "New Staff Member")
    screen("New Staff Member dialog", dialog)
    close_window(dialog)
    press(main_window, "Back to the School")
    time.sleep(0.5)

    press(main_window, "Main Menu")
    time.sleep(0.5)
    screen("Main menu", main_window)

    for item, title in (("Preferences", "Preferences"), ("Keyboard Shortcuts", "Shortcuts"),
                        ("Compare Schools", "Compare Schools")):
        if item != "Preferences":
            press(main_window, "Main Menu")
        before = windows(app)
        press(main_window, item, R.MENU_ITEM)
        window = new_window(app, before, title)
        screen(title, window)
        close_window(window)

    press(main_window, "Open assessment 2026-2027 — Full assessment")
    wait_for(main_window, named("Next Area"), "the Next Area button")
    screen("Area page", main_window)

    for page in ("Review", "Results", "Action Plan"):
        row = wait_for(main_window, named(page, R.LIST_ITEM), f"the sidebar row “{page}”")
        select(row)
        time.sleep(0.5)
        screen(page, main_window)
        if page == "Results":
            before = windows(app)
            press(main_window, "Discuss on a Projector")
            window = new_window(app, before, "the discussion window")
            screen("Discussion window", window)
            close_window(window)
        if page == "Action Plan":
            before = windows(app)
            press(main_window, "Add Action")
            dialog = new_window(app, before, "Edit Action")
            screen("Edit Action dialog", dialog)
            close_window(dialog)

    for number, (screen_name, bad) in enumerate(results.items(), 1):
        print(f"{'not ok' if bad else 'ok'} {number} - {screen_name}: {bad} badly named controls")
    print(f"1..{len(results)}")
    sys.exit(1 if any(results.values()) else 0)


main()
