"""A TensorBoard event file written on the caller's thread, a batch of records at a time.

SummaryWriter hands every record to a background thread that checksums it with tensorboard's
pure-Python CRC32C, about 0.3 us per byte under the GIL: 30-80 us per step of ours, taken from
the training thread whenever that thread needs the GIL back. This writer encodes the scalar
records itself (the ``Event``/``Summary`` protobuf layout has four fields that matter here) and
checksums a whole batch of records with a handful of numpy operations, so writing a step's
scalars costs a few microseconds and no thread. Rare records (text, the custom-scalars layout)
are built with tensorboard's own protobuf classes. The file is what SummaryWriter writes:
TensorBoard and its ``EventAccumulator`` read it back (tests/runtime/test_event_file.py).
"""

from __future__ import annotations

import os
import socket
import struct
import time
from itertools import count
from typing import Any, Optional

import numpy as np

_POLY = 0x82F63B78  # CRC32C (Castagnoli), reflected
_MASK_DELTA = 0xA282EAD8
_MAX_TABLE = 1 << 14  # records longer than this are checksummed with tensorboard's own code
_files = count()
_FLOAT = struct.Struct("<f").pack
_DOUBLE = struct.Struct("<d").pack


def _byte_table() -> np.ndarray:
    table = np.zeros(256, dtype=np.uint32)
    for b in range(256):
        c = b
        for _ in range(8):
            c = (c >> 1) ^ _POLY if c & 1 else c >> 1
        table[b] = c
    return table


class _Crc32c:
    """CRC32C of many byte strings at once.

    The CRC register is linear over GF(2): with a zero start, a message's CRC is the XOR of one
    table entry per byte, chosen by the byte's value and its distance from the message's end
    (``_by_distance[d, b]``). The usual start value 0xFFFFFFFF is the same as XOR-ing 0xFF into
    the first four bytes (every record here has at least four).
    """

    def __init__(self) -> None:
        self._byte = _byte_table()
        self._by_distance = self._byte[None, :].copy()
        self._grow(512)  # a step's scalar record is 50-800 bytes

    def _grow(self, rows: int) -> None:
        have = self._by_distance.shape[0]
        if rows <= have:
            return
        rows = min(_MAX_TABLE, max(rows, 2 * have))
        out = np.empty((rows, 256), dtype=np.uint32)
        out[:have] = self._by_distance
        prev = out[have - 1]
        for d in range(have, rows):
            prev = (prev >> np.uint32(8)) ^ self._byte[prev & np.uint32(0xFF)]
            out[d] = prev
        self._by_distance = out

    def masked(self, messages: list[bytes]) -> list[int]:
        """TFRecord's masked CRC32C of each message (each at least 4 bytes long)."""
        lengths = np.fromiter((len(m) for m in messages), dtype=np.int64, count=len(messages))
        longest = int(lengths.max())
        if longest > _MAX_TABLE:
            from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c  # type: ignore[import-untyped]

            return [masked_crc32c(m) for m in messages]
        self._grow(longest)
        data = np.frombuffer(b"".join(messages), dtype=np.uint8).copy()
        starts = np.zeros(len(messages), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        for k in range(4):
            data[starts + k] ^= 0xFF
        ends = starts + lengths
        distance = np.repeat(ends - 1, lengths) - np.arange(data.size)
        crc = np.bitwise_xor.reduceat(self._by_distance[distance, data], starts) ^ np.uint32(0xFFFFFFFF)
        masked = ((crc >> np.uint32(15)) | (crc << np.uint32(17))) + np.uint32(_MASK_DELTA)
        return masked.tolist()


def _varint(value: int) -> bytes:
    if value < 0x80:
        return bytes((value,))
    out = bytearray()
    while True:
        bits = value & 0x7F
        value >>= 7
        if value:
            out.append(bits | 0x80)
        else:
            out.append(bits)
            return bytes(out)


class EventFile:
    """One ``events.out.tfevents.*`` file: scalar records are buffered and written in batches."""

    def __init__(self, log_dir: str) -> None:
        os.makedirs(log_dir, exist_ok=True)
        name = f"events.out.tfevents.{int(time.time()):010d}.{socket.gethostname()}.{os.getpid()}.{next(_files)}.lossguard"
        self.path = os.path.join(log_dir, name)
        self._file = open(self.path, "wb")
        self._crc = _Crc32c()
        self._prefix: dict[str, bytes] = {}
        self._pending: list[bytes] = []
        from tensorboard.compat.proto.event_pb2 import Event  # type: ignore[import-untyped]

        self._event = Event
        self._write([Event(wall_time=time.time(), file_version="brain.Event:2").SerializeToString()])

    def _value_prefix(self, tag: str) -> bytes:
        # Summary.value (field 1) holding Value{tag (1): str, simple_value (2): float}
        raw = tag.encode()
        inner = b"\x0a" + _varint(len(raw)) + raw + b"\x15"
        prefix = b"\x0a" + _varint(len(inner) + 4) + inner
        self._prefix[tag] = prefix
        return prefix

    def scalars(self, step: int, wall_time: float, values: dict[str, float]) -> None:
        """Queue one Event{wall_time (1): double, step (2): int64, summary (5)} of scalars."""
        prefix = self._prefix
        parts = []
        for tag, v in values.items():
            parts.append(prefix.get(tag) or self._value_prefix(tag))
            parts.append(_FLOAT(v))
        summary = b"".join(parts)
        self._pending.append(b"".join((b"\x09", _DOUBLE(wall_time), b"\x10", _varint(step & 0xFFFFFFFFFFFFFFFF), b"\x2a", _varint(len(summary)), summary)))

    def summary(self, summary: Any, step: Optional[int] = None) -> None:
        """Queue a tensorboard ``Summary`` protobuf (text, layouts) as one event."""
        event = self._event(wall_time=time.time(), summary=summary)
        if step is not None:
            event.step = step
        self._pending.append(event.SerializeToString())

    def write(self) -> None:
        """Checksum and write every queued record (one batch), then flush the file."""
        if self._pending:
            records, self._pending = self._pending, []
            self._write(records)

    def _write(self, records: list[bytes]) -> None:
        headers = [struct.pack("<Q", len(r)) for r in records]
        crcs = self._crc.masked(headers + records)
        n = len(records)
        pack = struct.Struct("<I").pack
        self._file.write(b"".join(h + pack(crcs[i]) + r + pack(crcs[n + i]) for i, (h, r) in enumerate(zip(headers, records))))
        self._file.flush()

    def close(self) -> None:
        if not self._file.closed:
            self.write()
            self._file.close()
