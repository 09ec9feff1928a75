"""A TensorBoard event file written on the caller's thread, a batch of records at a time.

Every record is a tensorboard ``Event`` protobuf (tensorboard's own classes) framed as
tensorboard's ``RecordWriter`` frames it: length, masked CRC32C of the length, the record,
masked CRC32C of the record. SummaryWriter hands each record to a background thread that
checksums it with tensorboard's pure-Python CRC32C (about 0.3 us per byte under the GIL, taken
from the training thread whenever that thread needs the GIL back). Here records are queued and
written in bursts on the training thread, with no thread, and checksummed by ``google-crc32c``
(a C library, a declared dependency of the ``runtime`` extra) or the ``crc32c`` package when
one is installed, else by tensorboard's own function. docs/performance.md has the per-step
costs. TensorBoard and its ``EventAccumulator`` read the file back
(tests/runtime/test_event_file.py).
"""

from __future__ import annotations

import os
import socket
import struct
import time
from collections.abc import Callable
from itertools import count
from typing import Any

from tensorboard.compat.proto.event_pb2 import Event  # type: ignore[import-untyped]

_MASK_DELTA = 0xA282EAD8
_files = count()
_LENGTH = struct.Struct("<Q").pack
_CRC = struct.Struct("<I").pack


def _masked(crc32c: Callable[[bytes], int]) -> Callable[[bytes], int]:
    """TFRecord's masked checksum over a plain CRC32C function."""

    def masked(data: bytes) -> int:
        crc = crc32c(data)
        return (((crc >> 15) | (crc << 17)) + _MASK_DELTA) & 0xFFFFFFFF

    return masked


def checksum_implementations() -> dict[str, Callable[[bytes], int]]:
    """Every masked-CRC32C function available here, fastest first; the first one is used."""
    found: dict[str, Callable[[bytes], int]] = {}
    try:
        import google_crc32c  # type: ignore[import-untyped,unused-ignore]

        found["google-crc32c"] = _masked(google_crc32c.value)
    except ImportError:
        pass
    try:
        import crc32c  # type: ignore[import-untyped,import-not-found,unused-ignore]

        found["crc32c"] = _masked(crc32c.crc32c)
    except ImportError:
        pass
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c  # type: ignore[import-untyped]

    found["tensorboard"] = masked_crc32c
    return found


_CHECKSUM_NAME, masked_crc32c = next(iter(checksum_implementations().items()))


def frame(record: bytes, checksum: Callable[[bytes], int] = masked_crc32c) -> bytes:
    """One record as tensorboard's ``RecordWriter.write`` lays it out."""
    header = _LENGTH(len(record))
    return header + _CRC(checksum(header)) + record + _CRC(checksum(record))


def frames(records: list[bytes], checksum: Callable[[bytes], int] = masked_crc32c) -> bytes:
    """Every record framed as :func:`frame` does, joined, in one call.

    A record's header (its length and the length's checksum) is computed once per length and
    checksum: a run's scalar events have a handful of lengths.
    """
    heads = _HEADS.setdefault(checksum, {})
    out: list[bytes] = []
    for record in records:
        n = len(record)
        head = heads.get(n)
        if head is None:
            if len(heads) >= 256:  # text events have lengths of their own: keep the cache bounded
                heads.clear()
            header = _LENGTH(n)
            head = heads[n] = header + _CRC(checksum(header))
        out += (head, record, _CRC(checksum(record)))
    return b"".join(out)


# frames()'s headers, per checksum function and record length
_HEADS: dict[Callable[[bytes], int], dict[int, bytes]] = {}


class EventFile:
    """One ``events.out.tfevents.*`` file in ``log_dir``: records are queued and written in batches.

    Writing raises ``OSError`` (disk full, directory gone); the sink that owns the file decides
    what that means (:class:`lossguard.runtime.sinks.TensorBoardSink` drops itself).
    """

    def __init__(self, log_dir: str) -> None:
        os.makedirs(log_dir, exist_ok=True)
        name = f"events.out.tfevents.{int(time.time()):010d}.{socket.gethostname()}.{os.getpid()}.{next(_files)}.lossguard"
        self.path = os.path.join(log_dir, name)
        self._file = open(self.path, "wb")
        self._pending: list[bytes] = [Event(wall_time=time.time(), file_version="brain.Event:2").SerializeToString()]
        self.write()

    def scalars(self, step: int, wall_time: float, values: dict[str, float]) -> None:
        """Queue one event holding every scalar of a step."""
        event = Event(wall_time=wall_time, step=step)
        add = event.summary.value.add  # about twice as fast as building Summary.Value objects
        for tag, v in values.items():
            add(tag=tag, simple_value=v)
        self._pending.append(event.SerializeToString())

    def summary(self, summary: Any, step: int | None = None) -> None:
        """Queue a tensorboard ``Summary`` protobuf (text, layouts) as one event."""
        event = Event(wall_time=time.time(), summary=summary)
        if step is not None:
            event.step = step
        self._pending.append(event.SerializeToString())

    def write(self) -> None:
        """Checksum and write every queued record (one batch), then flush the file."""
        if self._pending:
            records, self._pending = self._pending, []
            self._file.write(frames(records))
            self._file.flush()

    def close(self) -> None:
        if not self._file.closed:
            try:
                self.write()
            finally:
                self._file.close()
