"""The comparison process: the engine runs in a child process, so the window never waits for the GIL.

In: (left path, right path, Options) from the window. Out: a `..prepared.Prepared`, or a `protocol.Failure`,
as Qt signals of `runner.CompareRunner`, progress along the way.

    runner.py    the window's side (Qt): sends a request, a pool thread relays the child's frames as signals
    spawn.py     starting and stopping a child; the one warm spare (standard library only)
    protocol.py  frames on the pipe, the Request and the messages: Progress, Failure, Header
    server.py    the child's main loop: read a request, run its job, send the answer
    job.py       what the child runs: load both files, compare, prepare
    transfer.py  the answer in small frames (groups through engine.codec), and rebuilt from them

Everything but runner.py is Qt-free: the child imports only these and the engine.
"""
