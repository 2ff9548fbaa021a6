"""The Qt window. Everything Qt lives here; the Qt-free helpers (`cells`, `prepare`) are unit-testable alone."""

from . import nonefix

nonefix.top_up()
