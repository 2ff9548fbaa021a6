"""The widgets around the table. In: the Prepared answer (or the table model). Out: signals asking the
window to jump to a row or a change.

    changes.py    the changes dock: every change, riskiest kind first, filterable by kind
    find_bar.py   the find bar, and the Qt-free search over both texts behind it
    overview.py   the strip beside the scroll bar: a tick per changed row, click to jump
"""
