#!/usr/bin/python3
# Answers one whole area of a running Readiness through AT-SPI alone, the
# way a screen reader drives it, and checks the accessible names on the way.
# Usage: answer-area.py FRAMEWORK.json AREA-ID
import json
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from atspi_common import TIMEOUT, fail, find_app  # noqa: E402



def walk(node):
    yield node
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child)


def find_all(app, predicate):
    app.clear_cache()
    return [node for node in walk(app) if predicate(node)]


def wait_for(app, predicate, what):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        found = find_all(app, predicate)
        if found:
            return found[0]
        time.sleep(0.2)
    fail(f"never found {what}")


def named_button(name):
    return lambda node: node.get_role() in (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON) \
        and node.get_name() == name


def click(node):
    action = node.get_action_iface() if not hasattr(node, "get_n_actions") else node
    if action is None:
        fail(f"“{node.get_name()}” has no actions")
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) == "click":
            action.do_action(i)
            return
    fail(f"“{node.get_name()}” has no click action")


def is_pressed(node):
    return node.get_state_set().contains(Atspi.StateType.PRESSED) or \
        node.get_state_set().contains(Atspi.StateType.CHECKED)


def main():
    framework = json.load(open(sys.argv[1], encoding="utf-8"))
    area_id = sys.argv[2]
    area = next(a for a in framework["areas"] if a["id"] == area_id)
    items = [i for i in framework["items"] if i["area"] == area_id]
    if any(i["kind"] not in ("statement", "yes-no") for i in items):
        fail(f"area {area_id} has items that need typing; pick one answered by choices")

    Atspi.init()
    app = find_app("readiness")

    # The school list makes rows only for the schools in view; each row
    # is still a list item of the list "Schools", named after its school.
    wait_for(app, lambda n: n.get_role() == Atspi.Role.LIST_ITEM and n.get_name() == "AT-SPI School"
             and n.get_parent().get_role() == Atspi.Role.LIST and n.get_parent().get_name() == "Schools",
             "the school's row in the list “Schools”")
    print("ok: the school list's row is named after its school", flush=True)

    open_button = wait_for(app, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON
                           and (n.get_name() or "").startswith("Open assessment "),
                           "an Open assessment button")
    click(open_button)

    # A new assessment opens on the first area; the header's Next Area button
    # steps through them in the framework's order. GTK 4.8 reports no SHOWING
    # state, so the database check at the end is what proves the clicks
    # reached a page on screen (GTK ignores clicks on hidden pages).
    next_area = wait_for(app, named_button("Next Area"), "the Next Area button")
    index = [a["id"] for a in framework["areas"]].index(area_id)
    for _ in range(index):
        click(next_area)
        time.sleep(0.5)
    print(f"ok: moved {index} areas on to “{area['title']['en']}” with Next Area", flush=True)

    # One walk of the tree, indexed by name: every lookup is a D-Bus call.
    def buttons_by_name():
        return {n.get_name(): n for n in find_all(
            app, lambda n: n.get_role() in (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON))}

    buttons = buttons_by_name()
    answered = {}
    picks = {}
    for item in items:
        text = item["text"]["en"]
        if item["kind"] == "statement":
            choices = ["Strongly disagree", "Disagree", "Neither agree nor disagree",
                       "Agree", "Strongly agree"]
            pick, value = "Agree", 4
        else:
            choices = ["Yes", "No"]
            pick, value = "Yes", 1
        choices.append("Not applicable / don’t know")

        # Every choice names itself and the item it answers.
        for choice in choices:
            name = f"{choice} — {text}"
            if name not in buttons:
                fail(f"no button named “{name}”")
        print(f"ok: all {len(choices)} choices of {item['id']} are named", flush=True)

        click(buttons[f"{pick} — {text}"])
        answered[item["id"]] = value
        picks[item["id"]] = f"{pick} — {text}"

    time.sleep(0.5)
    buttons = buttons_by_name()
    for item_id, name in picks.items():
        if not is_pressed(buttons[name]):
            states = [s.value_nick for s in buttons[name].get_state_set().get_states()]
            fail(f"“{name}” for {item_id} does not show as chosen: {states}")

    print(json.dumps(answered), flush=True)


main()
