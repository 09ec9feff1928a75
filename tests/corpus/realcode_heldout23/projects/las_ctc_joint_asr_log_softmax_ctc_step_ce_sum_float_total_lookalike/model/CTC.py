"""part of look-alike project [LG001, LG006, LG011, LG012]: the CTC head of a joint CTC / attention recogniser: two Linear layers and F.log_softmax over the last dim, (batch, time, 35)."""
# Source: Mitya11/Automatic-Speech-Recognition-Deep-Learning at 2c26950c (read as is), model/CTC.py; re-typed, identifiers renamed.
import torch


class CTCdecoder(torch.nn.Module):
    def __init__(self):
        super(CTCdecoder, self).__init__()
        self.linear = torch.nn.Sequential(torch.nn.Linear(1024, 1024), torch.nn.Dropout(0.0), torch.nn.ReLU(),
                                          torch.nn.Linear(1024, 35))

    def forward(self, x):
        return torch.nn.functional.log_softmax(self.linear(x), dim=-1)
