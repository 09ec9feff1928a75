"""``lossguard.integrations`` imports no framework until an adapter is used, and says what to install."""

from __future__ import annotations

import subprocess
import sys


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)


def test_package_import_loads_no_framework() -> None:
    done = run(
        "import sys, lossguard.integrations\n"
        "heavy = [m for m in ('torch', 'lightning', 'pytorch_lightning', 'transformers') if m in sys.modules]\n"
        "print(heavy)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_missing_framework_names_the_package_to_install() -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    done = run(
        "import sys\n"
        "sys.modules.update({'lightning': None, 'lightning.pytorch': None, 'pytorch_lightning': None, 'transformers': None})\n"
        "for name in ('lightning', 'transformers'):\n"
        "    try:\n"
        "        __import__('lossguard.integrations.' + name)\n"
        "    except ImportError as exc:\n"
        "        print(exc)\n"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert "`pip install lightning`" in lines[0] and "pytorch_lightning" in lines[0]
    assert "`pip install transformers`" in lines[1]
