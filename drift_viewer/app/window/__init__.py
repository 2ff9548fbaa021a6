"""The main window and what it owns. In: files (Open, drop, Recent, the command line). Out: a comparison
started on the runner (`..process`), and its Prepared answer put into the table and the panels.

    main_window.py  MainWindow: files, the runner's answers, zoom, focus; wires the rest
    actions.py      every action: name, text, shortcut, tip, slot
    menus.py        menu bar, toolbar, Open Recent, laid out from the actions
    placing.py      a new answer on screen: at the top, row 1 (or the first change) selected
    status.py       status bar with progress and stage; the banner for texts without differences
    file_types.py   the Open dialog's filters: every type the loader reads
    navigation.py   next/previous change, jumps from the panel and the overview, Find
    settings.py     what is remembered between runs (QSettings)
    exports.py      File > Export HTML Report / JSON
"""
