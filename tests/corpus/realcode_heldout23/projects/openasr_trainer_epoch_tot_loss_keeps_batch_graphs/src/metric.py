"""part of positive project [LG006]: the trainer's metric summarizer; update_metric stores (tensor, weight) pairs by name, and collect_loss sums weight * value over the metrics registered with optim=True, which is what the trainer back-propagates."""
# Source: by2101/OpenASR at c5213d68 (read at the code issue #12, "训练的时候存在内存泄露" (memory grows during training), points to;
# the maintainer agreed, no fix commit followed), src/metric.py;
# re-typed, identifiers renamed; the licence header and display helpers cut.
import logging

import torch


class MetricSummarizer(object):
    def __init__(self):
        self.metrics = {}
        self.metric_names = []
        self.summarized = {}

    def register_metric(self, name, display=False, visual=False, optim=False):
        self.metric_names.append({"name": name, "display": display, "visual": visual, "optim": optim})

    def reset_metrics(self):
        del self.metrics
        del self.summarized
        self.metrics = {}
        for item in self.metric_names:
            self.metrics[item["name"]] = None
        self.summarized = {}

    def update_metric(self, name, loss, weight=1.0):
        if name in self.metrics:
            self.metrics[name] = (loss, weight)
        else:
            raise ValueError("The metric {} is not registered.".format(name))

    def summarize(self):
        self.summarized = {}
        for key in self.metrics.keys():
            if self.metrics[key] is None:
                logging.warning("{} is not updated. Skip it.".format(key))
                continue
            item = self.metrics[key]
            self.summarized[key] = item[0] * item[1]

    def collect_loss(self):
        loss = 0
        for item in self.metric_names:
            if item["optim"]:
                v = self.metrics[item["name"]]
                loss += v[0] * v[1]
        return loss

    def fetch_scalers(self, use="display"):
        return [(item["name"], self.summarized[item["name"]]) for item in self.metric_names
                if item[use] and item["name"] in self.summarized]
