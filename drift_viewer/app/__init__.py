"""The desktop window (PySide6). One comparison goes file -> screen through these, in this order:

    main.py, launch.py  start the first comparison process (before Qt is imported), then the window
    window/             MainWindow: the Open actions, menus, settings; starts a comparison, shows the answer
    process/            the comparison process (Qt-free but runner.py) and the pipe to it:
                        paths and Options in, a `prepared.Prepared` out
    prepared.py         Prepared: the Comparison with its changes sorted, built in the process
    table/              the aligned side-by-side table: Prepared in, rows of painted cells out
    panels/             the changes list, the find bar, the overview strip beside the table
    theme.py            colours and text formats per change kind (from styles.py), light or dark;
                        the View > Theme palettes

Qt-free, testable without a display: process/ (except runner.py), prepared.py, table/cells.py,
the banner's text (window/status.identical_text) and the search helpers in panels/find_bar.py.
"""
