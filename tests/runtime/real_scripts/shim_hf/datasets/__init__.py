"""A stand-in for Hugging Face ``datasets`` (not installed, and nothing can be downloaded): ``load_dataset("nyu-mll/glue",
"mrpc")`` gives synthetic sentence pairs of MRPC's form (sentence1, sentence2, label, idx): a paraphrase (label 1) is
the first sentence with two of its words replaced, a non-paraphrase another random sentence. Sized by LG_EXAMPLES;
LG_FAULT=shuffled_targets permutes the training labels."""

import os
import random

import torch

VOCAB = [f"w{i}" for i in range(200)]


class Dataset(torch.utils.data.Dataset):
    def __init__(self, columns):
        self.columns = columns

    def __len__(self):
        return len(next(iter(self.columns.values())))

    def __getitem__(self, i):
        return {k: v[i] for k, v in self.columns.items()}

    @property
    def column_names(self):
        return list(self.columns)

    def map(self, fn, batched=True, remove_columns=(), **_):
        out = {k: v for k, v in self.columns.items() if k not in remove_columns}
        out.update({k: list(v) for k, v in fn(dict(self.columns)).items()})
        return Dataset(out)

    def rename_column(self, old, new):
        return Dataset({(new if k == old else k): v for k, v in self.columns.items()})


class DatasetDict(dict):
    def map(self, fn, **kw):
        return DatasetDict({k: v.map(fn, **kw) for k, v in self.items()})

    def rename_column(self, old, new):
        return DatasetDict({k: v.rename_column(old, new) for k, v in self.items()})


def _pairs(n, seed, shuffle_labels=False):
    rng = random.Random(seed)
    cols = {"sentence1": [], "sentence2": [], "label": [], "idx": []}
    for i in range(n):
        a = rng.choices(VOCAB, k=rng.randint(6, 12))
        label = int(rng.random() < 0.6)
        if label:
            b = list(a)
            for j in rng.sample(range(len(b)), 2):
                b[j] = rng.choice(VOCAB)
        else:
            b = rng.choices(VOCAB, k=rng.randint(6, 12))
        cols["sentence1"].append(" ".join(a))
        cols["sentence2"].append(" ".join(b))
        cols["label"].append(label)
        cols["idx"].append(i)
    if shuffle_labels:
        rng.shuffle(cols["label"])
    return Dataset(cols)


def load_dataset(path, name=None, **_):
    n = int(os.environ.get("LG_EXAMPLES", "4800"))
    return DatasetDict(
        train=_pairs(n, 0, os.environ.get("LG_FAULT") == "shuffled_targets"),
        validation=_pairs(408, 1),
    )
