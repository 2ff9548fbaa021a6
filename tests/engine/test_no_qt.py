"""The engine must stay usable without Qt: importing every engine module pulls in no PySide6."""

import subprocess
import sys


def test_engine_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib, drift_viewer.engine as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('drift_viewer.engine.' + m.name)\n"
        "import drift_viewer.cli, drift_viewer.formats.textout, drift_viewer.formats.csvout, drift_viewer.formats.mdout\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
