"""A stand-in for pandas (not installed) with what abhimishra91/transformers-tutorials' summarization notebook
does with its CSV: read it, keep two text columns, prefix one, split 80/20 by ``sample`` and ``drop``, index rows."""

import csv
import random


class Series(list):
    def __radd__(self, other):
        return Series(other + v for v in self)


class DataFrame:
    def __init__(self, columns, index=None):
        self._columns = {k: Series(v) for k, v in columns.items()}
        n = len(next(iter(self._columns.values()))) if self._columns else 0
        self.index = list(range(n)) if index is None else list(index)

    def __getattr__(self, name):
        columns = self.__dict__.get("_columns", {})
        if name in columns:
            return columns[name]
        raise AttributeError(name)

    def __setattr__(self, name, value):
        if name in self.__dict__.get("_columns", {}):
            self._columns[name] = Series(value)
        else:
            super().__setattr__(name, value)

    def __getitem__(self, names):
        return DataFrame({k: self._columns[k] for k in names}, self.index)

    def __len__(self):
        return len(self.index)

    @property
    def shape(self):
        return (len(self.index), len(self._columns))

    def _rows(self, positions):
        return DataFrame({k: [v[i] for i in positions] for k, v in self._columns.items()}, [self.index[i] for i in positions])

    def head(self, n=5):
        return self._rows(range(min(n, len(self))))

    def sample(self, frac, random_state=None):
        positions = list(range(len(self)))
        random.Random(random_state).shuffle(positions)
        return self._rows(positions[: int(round(frac * len(self)))])

    def drop(self, index):
        gone = set(index)
        return self._rows([i for i, k in enumerate(self.index) if k not in gone])

    def reset_index(self, drop=False):
        return DataFrame(self._columns)

    def to_csv(self, path):
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(list(self._columns))
            w.writerows(zip(*self._columns.values()))

    def __repr__(self):
        return f"DataFrame({self.shape[0]} rows x {self.shape[1]} columns: {', '.join(self._columns)})"


def read_csv(path, encoding=None):
    with open(path, newline="", encoding=encoding) as f:
        rows = list(csv.DictReader(f))
    return DataFrame({k: [r[k] for r in rows] for k in rows[0]})
