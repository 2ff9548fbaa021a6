"""Batch mode runs on servers and Dask workers without a display: none of its modules imports Qt, and a
worker's task module pulls in neither Dask nor tqdm."""

import subprocess
import sys


def _imported_after(code: str) -> list[str]:
    probe = code + "\nimport sys; print(','.join(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.strip().split(",")


def test_batch_imports_no_qt():
    code = (
        "import pkgutil, importlib, drift_viewer.batch as b\n"
        "for m in pkgutil.iter_modules(b.__path__): importlib.import_module('drift_viewer.batch.' + m.name)"
    )
    modules = _imported_after(code)
    assert "drift_viewer.batch.executors" in modules
    assert not [n for n in modules if n.startswith(("PySide6", "shiboken6"))]


def test_the_workers_task_module_is_light():
    modules = _imported_after("import drift_viewer.batch.work")
    assert "drift_viewer.engine.pipeline" in modules
    assert not [n for n in modules if n.split(".")[0] in ("distributed", "dask", "tqdm", "datasketch")]
