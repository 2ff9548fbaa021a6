"""What `drift-viewer compare --format` writes, one module a format; each turns a Comparison into text.

- textout: the terminal's form, changes marked inline ([-old-]{+new+}), optionally coloured
- csvout: one line per change, RFC 4180, safe to open in a spreadsheet
- mdout: a short Markdown summary to paste: counts, then the changes that matter with their sentences
- tmx, tsv (over bitext): the sentence pairs for translation memories and aligners (`align --format`)
- the JSON is the engine's (engine/serialize.py): data for programs, 0-based indices

Every format for people numbers rows from 1 (model.row_number), as the report and the window do.
"""
