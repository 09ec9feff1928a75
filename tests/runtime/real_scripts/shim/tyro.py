"""A stand-in for tyro (not installed): ``cli(Dataclass)`` from ``--name value`` / ``--name=value`` arguments
(dashes or underscores), each value converted by its field's type (``None`` stays None)."""

import dataclasses
import sys


def cli(cls):
    fields = {f.name: f for f in dataclasses.fields(cls)}
    argv, values, i = sys.argv[1:], {}, 0
    while i < len(argv):
        key = argv[i][2:]
        if "=" in key:
            key, raw = key.split("=", 1)
            i += 1
        else:
            raw, i = argv[i + 1], i + 2
        field = fields[key.replace("-", "_")]
        kind = field.type if isinstance(field.type, type) else eval(field.type)
        values[field.name] = None if raw == "None" else (raw.lower() in ("1", "true") if kind is bool else kind(raw))
    return cls(**values)
