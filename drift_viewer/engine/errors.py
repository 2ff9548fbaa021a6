"""Errors the user can act on. Their messages are shown as they are: one line, naming the file."""


class DriftError(Exception):
    """Anything that stops a comparison for a reason the user can fix."""


class InputError(DriftError):
    """A file that cannot be read as text: missing, a folder, binary, too large, undecodable."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Cancelled(DriftError):
    """The caller's should_cancel() said stop; no partial result is returned."""

    def __init__(self) -> None:
        super().__init__("comparison cancelled")
