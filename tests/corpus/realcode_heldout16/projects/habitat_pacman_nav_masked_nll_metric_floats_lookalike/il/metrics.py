"""part of look-alike project [LG006, LG007, LG014]: the metric keeper stores Python floats and returns them from get_stats."""
# Source: facebookresearch/habitat-lab at 0fb6f43ff, habitat-baselines/habitat_baselines/il/metrics.py; re-typed,
# identifiers renamed; JSON logging cut.
from typing import List


class NavMetric:
    def __init__(self, info, metric_names, log_json=None):
        self.info = info
        self.metric_names = metric_names
        self.log_json = log_json
        self.metrics = [[None, None, None] for _ in metric_names]
        self.stats = []
        self.num_iters = 0

    def update(self, values: List[float]) -> None:
        current = []
        for i, v in enumerate(values):
            self.metrics[i][0] = v
            current.append(v)
            if self.metrics[i][1] is None:
                self.metrics[i][1] = v
            else:
                self.metrics[i][1] = (self.metrics[i][1] * self.num_iters + v) / (self.num_iters + 1)
        self.stats.append(current)
        self.num_iters += 1

    def get_stats(self, mode: int = 1) -> List[float]:
        return [self.metrics[i][mode] for i in range(len(self.metric_names))]
