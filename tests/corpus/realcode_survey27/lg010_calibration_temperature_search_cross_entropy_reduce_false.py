"""positive [LG010]: the temperature search of a calibration method builds its per-sample NLL with the deprecated reduce=False."""

# Source: thuml/TransCal@2212031 pytorch/utils.py (re-typed, renamed, cut to the temperature search)
import torch
import torch.nn as nn
from scipy import optimize


class TemperatureSearch(nn.Module):
    def __init__(self):
        super(TemperatureSearch, self).__init__()
        self.temperature = 1.0

    def best_temperature(self, logits, labels):
        per_sample_nll = nn.CrossEntropyLoss(reduce=False)  # expect: LG010

        def objective(t):
            t = torch.from_numpy(t)
            scaled = logits.float() / t
            return torch.mean(per_sample_nll(scaled, labels))

        found = optimize.fmin(objective, 2.0, disp=False)
        self.temperature = found[0]
        return self.temperature.item()
