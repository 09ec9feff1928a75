"""A stand-in for Hugging Face ``evaluate`` (not installed): ``load("glue", "mrpc")`` is accuracy and F1."""


class _Metric:
    def __init__(self):
        self.pred, self.ref = [], []

    def add_batch(self, predictions, references):
        self.pred += [int(p) for p in predictions]
        self.ref += [int(r) for r in references]

    def compute(self):
        tp = sum(p == r == 1 for p, r in zip(self.pred, self.ref))
        fp = sum(p == 1 and r == 0 for p, r in zip(self.pred, self.ref))
        fn = sum(p == 0 and r == 1 for p, r in zip(self.pred, self.ref))
        acc = sum(p == r for p, r in zip(self.pred, self.ref)) / max(len(self.ref), 1)
        self.pred, self.ref = [], []
        return {"accuracy": acc, "f1": 2 * tp / max(2 * tp + fp + fn, 1)}


def load(*args, **kwargs):
    return _Metric()
