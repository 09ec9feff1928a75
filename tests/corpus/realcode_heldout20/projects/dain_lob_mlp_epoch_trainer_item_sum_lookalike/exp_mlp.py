"""look-alike [LG006, LG001, LG005]: the limit-order-book experiment passes a lambda that builds an adaptive-normalisation MLP ending in nn.Linear(512, 3) (logits for CrossEntropyLoss) to the walk-forward trainer, once per normalisation mode."""
# Source: passalis/dain at 8f1511d9 (read as is), exp_mlp.py; re-typed, identifiers renamed; the metrics
# averaging cut. dain.py (the normalisation layer) is not included.
from train_utils import train_evaluate_anchored
import torch.nn as nn
from dain import DAIN_Layer


class MLP(nn.Module):
    def __init__(self, mode='adaptive_avg', mean_lr=0.00001, gate_lr=0.001, scale_lr=0.0001):
        super(MLP, self).__init__()
        self.base = nn.Sequential(
            nn.Linear(15 * 144, 512),
            nn.ReLU(),
            nn.Dropout(p=0.5),
            nn.Linear(512, 3)
        )
        self.norm = DAIN_Layer(mode=mode, mean_lr=mean_lr, gate_lr=gate_lr, scale_lr=scale_lr)

    def forward(self, x):
        x = x.transpose(1, 2)
        x = self.norm(x)
        x = x.contiguous().view(x.size(0), 15 * 144)
        return self.base(x)


def run(model, mode, train_epochs=20, window=10, normalization=None):
    res = train_evaluate_anchored(model, window=window, train_epochs=train_epochs, horizon=0,
                                  splits=[1, 2, 3, 4, 5, 6, 7, 8], normalization=normalization)
    print("Mode: ", mode, res)


mean_lr, std_lr, scale_lr = 1e-06, 0.001, 10
model = lambda: MLP(mode=None, mean_lr=mean_lr, gate_lr=scale_lr, scale_lr=std_lr)
run(model, 'mlp_std', window=15, normalization='std')
model = lambda: MLP(mode='full', mean_lr=mean_lr, gate_lr=scale_lr, scale_lr=std_lr)
run(model, 'mlp_full', window=15, normalization=None)
