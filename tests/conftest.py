import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        reason = f"../shared/data is not beside the project ({data} missing)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason + "; CI must run the data tests, not skip them")
        pytest.skip(reason)
    return data


@pytest.fixture
def seed(shared_data: Path) -> tuple[Path, Path]:
    """(spun copy, original): the copy is the left side, as in the issue's command."""
    return shared_data / "seed" / "spun-copy.txt", shared_data / "seed" / "rferl-original.txt"


@pytest.fixture
def sample_pair() -> tuple[Path, Path]:
    return SAMPLES / "original.txt", SAMPLES / "rewrite.txt"
