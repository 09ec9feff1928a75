"""The thread-free event file: tensorboard's own framing, checksum and reader agree with it."""

from __future__ import annotations

import io
import random

import pytest
from tensorboard.backend.event_processing import event_file_loader
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c
from tensorboard.summary.writer.record_writer import RecordWriter
from torch.utils.tensorboard.summary import text

from lossguard.runtime.event_file import EventFile, checksum_implementations, frame, frames

_RND = random.Random(0)
MESSAGES = [bytes(_RND.randrange(256) for _ in range(n)) for n in [0, 1, 3, 8, 100, 257, 1000, 20000]]


@pytest.mark.parametrize("name", list(checksum_implementations()))
def test_each_checksum_equals_tensorboards_and_frames_as_its_record_writer(name):
    checksum = checksum_implementations()[name]
    assert [checksum(m) for m in MESSAGES] == [masked_crc32c(m) for m in MESSAGES]
    buf = io.BytesIO()
    writer = RecordWriter(buf)
    for m in MESSAGES:
        writer.write(m)
    assert b"".join(frame(m, checksum) for m in MESSAGES) == buf.getvalue()
    # the batched framing, twice (the second time from its cached headers), and with a repeated length
    assert frames(MESSAGES, checksum) == buf.getvalue()
    assert frames(MESSAGES + MESSAGES[::-1], checksum) == buf.getvalue() + b"".join(frame(m, checksum) for m in MESSAGES[::-1])


def test_scalars_and_text_read_back_by_tensorboard(tmp_path):
    f = EventFile(str(tmp_path))
    for step in range(250):
        f.scalars(step, 1.7e9 + step, {"lossguard/loss": 2.0 / (step + 1), "lossguard/grad_norm/0-15": float(step)})
        if step % 100 == 99:
            f.write()
    f.summary(text("lossguard/events", "**LG102 loss-spike** " * 200), 7)
    f.scalars(2**40, 1.7e9, {"lossguard/alert": -1.5})
    f.close()

    records = list(event_file_loader.RawEventFileLoader(f.path, detect_file_replacement=False).Load())
    assert len(records) == 1 + 250 + 1 + 1  # a corrupt checksum would drop a record
    acc = EventAccumulator(str(tmp_path), size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    loss = acc.Scalars("lossguard/loss")
    assert [e.step for e in loss] == list(range(250))
    assert abs(loss[3].value - 0.5) < 1e-7 and loss[3].wall_time == 1.7e9 + 3
    assert acc.Scalars("lossguard/grad_norm/0-15")[-1].value == 249.0
    assert acc.Scalars("lossguard/alert")[0].step == 2**40
    texts = acc.Tensors("lossguard/events/text_summary")
    assert texts[0].step == 7 and b"LG102 loss-spike" in texts[0].tensor_proto.string_val[0]


def test_a_corrupt_record_is_dropped_by_the_reader(tmp_path):
    f = EventFile(str(tmp_path))
    for step in range(5):
        f.scalars(step, 1.0, {"x": float(step)})
    f.close()
    raw = bytearray(open(f.path, "rb").read())
    raw[-1] ^= 1
    open(f.path, "wb").write(bytes(raw))
    records = list(event_file_loader.RawEventFileLoader(f.path, detect_file_replacement=False).Load())
    assert len(records) == 5  # file version + 4 intact scalar records
