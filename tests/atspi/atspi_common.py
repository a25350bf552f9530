# What the AT-SPI test scripts share: failing in TAP's words, and finding
# the running application on the accessibility bus.
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 30


def fail(message):
    print(f"not ok: {message}", flush=True)
    sys.exit(1)


def find_app(name):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        time.sleep(0.2)
    fail(f"no application named {name} on the accessibility bus")
