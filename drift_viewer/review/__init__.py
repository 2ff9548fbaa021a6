"""Review work on a comparison (Qt-free): the reviewer's own alignment edits and review marks, and the
project file that keeps them with the pair of files.

- edits: link rows, unlink a row, move a sentence, link two sentences anywhere; each an `Edit` that can
  be applied again to the same files or to files that changed since
- marks: checked / accepted / disputed, with a note, on a row or one change, keyed by texts
- project: the .drift file (versioned JSON): both files, options, edits, marks; reopening re-applies them
- autosave: where a review in progress is autosaved, and what a crash left to recover
"""
