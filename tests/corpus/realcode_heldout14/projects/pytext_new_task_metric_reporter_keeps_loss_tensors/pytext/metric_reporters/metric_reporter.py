"""part of positive project [LG006]: the reporter appends every batch's loss to a list kept until the end-of-epoch report."""
# Source: facebookresearch/pytext at the parent of 33027b3d ("Fix loss reporting", which appends float(loss) instead),
# pytext/metric_reporters/metric_reporter.py; re-typed; channels, context aggregation and model-selection helpers cut.
from typing import Dict, List

import torch


class MetricReporter(object):
    lower_is_better: bool = False

    def __init__(self, channels) -> None:
        self._reset()
        self.channels = channels

    def _reset(self):
        self.all_preds: List = []
        self.all_targets: List = []
        self.all_context: Dict = {}
        self.all_loss: List = []
        self.all_scores: List = []
        self.n_batches = 0
        self.batch_size: List = []

    def batch_context(self, batch):
        return {}

    def add_batch_stats(self, n_batches, preds, targets, scores, loss, m_input, **context):
        """loss (double): average loss of current batch."""
        self.n_batches = n_batches
        self.aggregate_data(self.all_preds, preds)
        self.aggregate_data(self.all_targets, targets)
        self.aggregate_data(self.all_scores, scores)
        self.all_loss.append(loss)  # expect: LG006
        self.batch_size.append(len(m_input[0]))

    @classmethod
    def aggregate_data(cls, all_data, new_batch):
        if new_batch is None:
            return
        if isinstance(new_batch, torch.Tensor):
            new_batch = new_batch.tolist()
        all_data.extend(new_batch)

    def calculate_loss(self):
        return sum(self.all_loss) / float(len(self.all_loss))

    def calculate_metric(self):
        raise NotImplementedError()

    def report_metric(self, model, stage, epoch, reset=True, print_to_channels=True):
        self.total_loss = self.calculate_loss()
        metrics = self.calculate_metric()
        if reset:
            self._reset()
        return metrics
