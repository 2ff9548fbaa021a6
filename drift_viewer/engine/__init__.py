"""The comparison engine: load, segment, align, diff, classify. Standard library, diff-match-patch,
rapidfuzz and charset-normalizer only: it never imports Qt (tests/engine/test_no_qt.py checks), so it can
be tested and scripted alone. Rendering is the callers' business."""
