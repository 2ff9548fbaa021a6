"""main.run_app's start-up order: the comparison child is started before Qt is imported."""

from __future__ import annotations

import subprocess
import sys


def test_the_first_child_starts_before_qt_is_imported():
    code = (
        "import sys\n"
        "from drift_viewer.app import main\n"
        "from drift_viewer.app.process import spawn\n"
        "seen = []\n"
        "def spawn_and_look():\n"
        "    seen.append(any(m.startswith('PySide6') for m in sys.modules))\n"
        "    raise SystemExit(0)\n"
        "spawn.spawn = spawn_and_look\n"
        "try:\n"
        "    main.run_app([])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[False]"
