"""positive [LG011]: Pensieve's actor network returns F.softmax(self.outputLayer(fcOutput)) without dim over its (batch, actions) scores."""
# Source: issue https://github.com/linnaeushuang/pensieve-pytorch/issues/4 (Network.py line 84 quoted in the
# warning); re-typed around the quoted line, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActorNetwork(nn.Module):
    def __init__(self, state_dim, action_dim, n_conv=128, n_fc=128):
        super(ActorNetwork, self).__init__()
        self.s_dim = state_dim
        self.a_dim = action_dim
        self.bufferSizeFc = nn.Linear(1, n_fc)
        self.tConv1d = nn.Conv1d(1, n_conv, 4)
        self.fullyConnected = nn.Linear(n_fc + n_conv * (self.s_dim[1] - 3), n_fc)
        self.outputLayer = nn.Linear(n_fc, self.a_dim)

    def forward(self, inputs):
        bufferSizeOut = F.relu(self.bufferSizeFc(inputs[:, 1:2, -1]), inplace=True)
        tConv1dOut = F.relu(self.tConv1d(inputs[:, 2:3, :]), inplace=True)
        merge = torch.cat([bufferSizeOut, tConv1dOut.view(tConv1dOut.shape[0], -1)], 1)
        fcOutput = F.relu(self.fullyConnected(merge), inplace=True)
        out = F.softmax(self.outputLayer(fcOutput))  # expect: LG011
        return out
