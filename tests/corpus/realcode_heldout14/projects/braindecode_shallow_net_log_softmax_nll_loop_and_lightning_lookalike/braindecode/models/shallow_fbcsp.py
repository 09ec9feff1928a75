"""part of look-alike project [LG001, LG007]: ShallowFBCSPNet defaults to add_log_softmax=True and ends its final block in nn.LogSoftmax(dim=1)."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/models/shallow_fbcsp.py; re-typed, identifiers of the layers kept; the split-first-layer
# branch, batch norm, the "auto" final-length computation and weight initialisation cut.
from torch import nn

from .base import EEGModuleMixin


def square(x):
    return x * x


def safe_log(x, eps=1e-6):
    return x.clamp(min=eps).log()


def squeeze_final_output(x):
    assert x.size()[3] == 1
    x = x[:, :, :, 0]
    if x.size()[2] == 1:
        x = x[:, :, 0]
    return x


class Expression(nn.Module):
    def __init__(self, expression_fn):
        super().__init__()
        self.expression_fn = expression_fn

    def forward(self, *x):
        return self.expression_fn(*x)


class ShallowFBCSPNet(EEGModuleMixin, nn.Sequential):
    def __init__(
        self,
        n_chans=None,
        n_outputs=None,
        n_times=None,
        n_filters_time=40,
        filter_time_length=25,
        pool_time_length=75,
        pool_time_stride=15,
        final_conv_length=30,
        drop_prob=0.5,
        chs_info=None,
        input_window_seconds=None,
        sfreq=None,
        add_log_softmax=True,
    ):
        super().__init__(
            n_outputs=n_outputs,
            n_chans=n_chans,
            chs_info=chs_info,
            n_times=n_times,
            input_window_seconds=input_window_seconds,
            sfreq=sfreq,
            add_log_softmax=add_log_softmax,
        )
        self.add_module("conv_time", nn.Conv2d(1, n_filters_time, (filter_time_length, 1), stride=1))
        self.add_module("conv_nonlin_exp", Expression(square))
        self.add_module("pool", nn.AvgPool2d(kernel_size=(pool_time_length, 1), stride=(pool_time_stride, 1)))
        self.add_module("pool_nonlin_exp", Expression(safe_log))
        self.add_module("drop", nn.Dropout(p=drop_prob))

        module = nn.Sequential()
        module.add_module(
            "conv_classifier",
            nn.Conv2d(n_filters_time, self.n_outputs, (final_conv_length, 1), bias=True),
        )
        if self.add_log_softmax:
            module.add_module("logsoftmax", nn.LogSoftmax(dim=1))
        module.add_module("squeeze", Expression(squeeze_final_output))
        self.add_module("final_layer", module)
