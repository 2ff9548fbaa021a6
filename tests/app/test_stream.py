"""The streamed answer (process/stream.py), Qt-free: the child's Stream against the window's Receiver on one
wire, for a real comparison, and what either side does with frames that do not make an answer."""

from __future__ import annotations

import io
import pickle

import pytest

from drift_viewer.app.prepared import prepare
from drift_viewer.app.process import protocol
from drift_viewer.app.process.stream import Receiver, Stream, StreamError
from drift_viewer.engine.align.links import Link
from drift_viewer.engine.model import ChangeKind, Options
from drift_viewer.engine.pipeline import compare_texts

LEFT = (
    "Avril Haines said 3 people came. The meeting was held in Paris. "
    "He will attend the talks. The weather was fine. Nobody spoke after that."
)
RIGHT = (
    "Avril Haynes said 4 people came. The meeting was held in Paris. "
    "He will not attend the talks. The weather was fine. Somebody spoke after that."
)


def _wire_messages(wire: io.BytesIO, options: Options) -> tuple[list[object], list[tuple[int, int]], object]:
    """Every message, the (start, count) of each Built, and the final Prepared, as the runner reads them."""
    wire.seek(0)
    read = lambda: protocol.read_frame(wire)  # noqa: E731
    messages, built, receiver, prepared = [], [], None, None
    while wire.tell() < len(wire.getvalue()):
        message = protocol.receive(wire)
        messages.append(message)
        if isinstance(message, protocol.Aligned):
            receiver = Receiver(read, message, options)
            messages.append(list(receiver.rows())[-1])
        elif isinstance(message, protocol.Built):
            assert receiver is not None
            start, groups = receiver.built(message)
            built.append((start, len(groups)))
        elif isinstance(message, protocol.Finish):
            assert receiver is not None
            prepared = list(receiver.finish(message))[-1]
    return messages, built, prepared


def _links(comparison) -> list[Link]:
    return [Link(g.left, g.right, 1.0, g.partner, g.confidence) for g in comparison.groups]


def test_rows_then_groups_then_the_end_rebuild_the_same_answer_resending_what_changed():
    comparison = compare_texts(LEFT, RIGHT)
    prepared = prepare(comparison)
    groups = comparison.groups
    negation = [k for k, g in enumerate(groups) if any(c.kind is ChangeKind.NEGATION for c in g.changes)]
    assert negation and len(groups) >= 4
    wire = io.BytesIO()
    stream = Stream(lambda data: protocol.write_frame(wire, data))
    stream("align", 0.5)
    stream.aligned(comparison.left, comparison.right, _links(comparison), comparison.mode)
    # The first group is sent as another object first: as a held group classified again, it goes again.
    # The negations' rows stand for groups whose kinds wait for the encoder (None, as groupwork passes them).
    early = [groups[0].__class__(**{**groups[0].__dict__})] + [
        None if k in negation else group for k, group in enumerate(groups[1:], 1)
    ]
    stream.built(0, early)
    before_end = len(_wire_messages(io.BytesIO(wire.getvalue()), Options())[1])  # Built frames before finish
    stream.finish(prepared)
    messages, built, received = _wire_messages(wire, Options())
    assert isinstance(messages[0], protocol.Progress) and isinstance(messages[1], protocol.Aligned)
    partial = messages[2]
    assert [(k[0], k[1]) for k in partial.links] == [(g.left, g.right) for g in groups]
    assert received == prepared and received.comparison == comparison
    # Every row once before the end, but a waiting row; then the waiting ones and the first again.
    sent_early = {k for start, count in built[:before_end] for k in range(start, start + count)}
    assert sent_early == set(range(len(groups))) - set(negation)
    resent = [k for start, count in built[before_end:] for k in range(start, start + count)]
    assert sorted(resent) == sorted([0, *negation])


def test_a_receiver_refuses_another_format_and_an_answer_with_rows_missing():
    comparison = compare_texts(LEFT, RIGHT)
    wire = io.BytesIO()
    with pytest.raises(StreamError, match="format 1"):
        Receiver(lambda: b"", protocol.Aligned(1, 1, 1, 1, "same-language"), Options())
    stream = Stream(lambda data: protocol.write_frame(wire, data))
    stream.aligned(comparison.left, comparison.right, _links(comparison), comparison.mode)
    wire.seek(0)
    aligned = protocol.receive(wire)
    receiver = Receiver(lambda: protocol.read_frame(wire), aligned, Options())
    list(receiver.rows())
    with pytest.raises(StreamError, match="never sent"):
        list(receiver.finish(protocol.Finish(protocol.FORMAT, len(comparison.groups))))
    with pytest.raises(StreamError, match="do not fit"):
        receiver.built(protocol.Built(len(comparison.groups), [pickle.loads(pickle.dumps(()))]))


def test_a_stream_refuses_to_end_with_another_number_of_groups():
    comparison = compare_texts(LEFT, RIGHT)
    other = prepare(compare_texts(LEFT, RIGHT + " One more sentence here."))
    stream = Stream(lambda data: None)
    stream.aligned(comparison.left, comparison.right, _links(comparison), comparison.mode)
    with pytest.raises(StreamError, match="aligned rows"):
        stream.finish(other)
