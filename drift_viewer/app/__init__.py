"""The Qt window. Everything Qt lives here; the Qt-free helpers (`cells`, `prepare`) are unit-testable alone."""
