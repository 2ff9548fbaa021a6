"""File > Open Batch Results: the pairs of a batch's summary.json, riskiest first; opening one shows it.

- results: the dialog (a table of pairs) and the menu action that opens it
"""
