"""The aligned side-by-side table. In: a `..prepared.Prepared`. Out: rows on screen, one per group.

cells.py     Qt-free: each cell's text and highlights (in Qt's UTF-16 units), which groups are rows
model.py     GroupTableModel: rows of the visible groups, cells built on demand and cached
delegate.py  CellDelegate: paints a cell with its highlights, measures row heights
view.py      AlignedView: lazy row fitting, copy, flash, jumps between a moved sentence's two places
"""
