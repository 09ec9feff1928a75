"""Time `lossguard check` on the hostile inputs of issue 10 that used to be slow, in-process.

    python bench/hostile_inputs.py

Prints seconds per input and the ratio to a plain file of the same size checked in the same
run (timings on a shared machine are noisy; the ratio is what to compare). Before the linear
prefilter, the 4,000-softmax file took ~34 s and an unclosed-call file of 352 KiB ~10 min.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from lossguard.static.engine import check_files

INPUTS = {
    "plain (same size as the softmax file)": "import torch\n" + "y = torch.relu(x) + 1  # a comment here\n" * 5000,
    "4,000 softmax calls, comment inside the parentheses": "import torch.nn.functional as F\n"
    + "y = F.softmax(x,  # the class axis\n              dim=1)\n" * 4000,
    "4,000 softmax calls, quote in the comment": "import torch.nn.functional as F\n"
    + "y = F.softmax(x,  # it's the class axis\n              dim=1)\n" * 4000,
    "unclosed softmax calls (broken file)": "import torch.nn.functional as F\n" + "y = F.softmax(x, (\n" * 18000,
    "deep attribute chain": "loss.backward()\ny = a" + ".b" * 3000 + "\n",
    "deep bracket nest (rejected by ast; never given to libcst)": "loss.backward()\nx = " + "(" * 2000 + "1" + ")" * 2000 + "\n",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        timings = {}
        for name, text in INPUTS.items():
            path = Path(tmp) / "input.py"
            path.write_text(text)
            start = time.perf_counter()
            result = check_files([path])
            timings[name] = time.perf_counter() - start
            status = f"{len(result.findings)} findings, {len(result.errors)} errors"
            print(f"{timings[name]:8.2f} s  {len(text) // 1024:5d} KiB  {name} ({status})")
        base = next(iter(timings.values()))
        print("\nratio to the plain file:")
        for name, t in list(timings.items())[1:]:
            print(f"  {t / base:6.1f}x  {name}")


if __name__ == "__main__":
    main()
