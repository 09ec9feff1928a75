"""part of look-alike project [LG007, LG001]: the matching-network example; accuracy uses argmax of matching_log_probas under no_grad."""
# Source: tristandeleu/pytorch-meta@1b425581fb5d1722ffa34546a6892986c1e54e75 examples/matching-network/model.py (the fix 1b425581 (nll_loss on the matching log-probabilities))
import torch.nn as nn

def conv3x3(in_channels, out_channels, **kwargs):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, **kwargs),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
        nn.MaxPool2d(2)
    )

class MatchingNetwork(nn.Module):
    def __init__(self, in_channels, out_channels, hidden_size=64):
        super(MatchingNetwork, self).__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.hidden_size = hidden_size

        self.encoder = nn.Sequential(
            conv3x3(in_channels, hidden_size),
            conv3x3(hidden_size, hidden_size),
            conv3x3(hidden_size, hidden_size),
            conv3x3(hidden_size, out_channels)
        )

    def forward(self, inputs):
        embeddings = self.encoder(inputs.view(-1, *inputs.shape[2:]))
        return embeddings.view(*inputs.shape[:2], -1)

