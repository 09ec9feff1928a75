"""part of look-alike project [LG002, LG004, LG016]: the two-stream skeleton ST-GCN concatenates the pooled features of a points stream and a motion stream, applies a Linear layer and returns torch.sigmoid of it."""
# Source: GajuuzZ/Human-Falling-Detect-Tracks@7ed2faa4d6147dfd576f58869b6c25545208af35 Actionsrecognition/Models.py (read as is; its issue #12 quotes a target-size warning from a user's own 2-class labels; re-typed, identifiers renamed, the graph convolution unit and the layer list shortened; Graph and st_gcn are the repository's own)
import torch
import torch.nn as nn
import torch.nn.functional as F

from Actionsrecognition.Utils import Graph


class SkeletonStream(nn.Module):
    def __init__(self, in_channels, graph_args, num_class=None, edge_importance_weighting=True, **kwargs):
        super().__init__()
        graph = Graph(**graph_args)
        A = torch.tensor(graph.A, dtype=torch.float32, requires_grad=False)
        self.register_buffer('A', A)
        kernel_size = (9, A.size(0))
        kwargs0 = {k: v for k, v in kwargs.items() if k != 'dropout'}
        self.data_bn = nn.BatchNorm1d(in_channels * A.size(1))
        self.st_gcn_networks = nn.ModuleList((
            st_gcn(in_channels, 64, kernel_size, 1, residual=False, **kwargs0),
            st_gcn(64, 128, kernel_size, 2, **kwargs),
            st_gcn(128, 256, kernel_size, 2, **kwargs),
        ))
        if edge_importance_weighting:
            self.edge_importance = nn.ParameterList([nn.Parameter(torch.ones(A.size())) for _ in self.st_gcn_networks])
        else:
            self.edge_importance = [1] * len(self.st_gcn_networks)
        if num_class is not None:
            self.cls = nn.Conv2d(256, num_class, kernel_size=1)
        else:
            self.cls = lambda x: x

    def forward(self, x):
        N, C, T, V = x.size()
        x = x.permute(0, 3, 1, 2).contiguous()
        x = x.view(N, V * C, T)
        x = self.data_bn(x)
        x = x.view(N, V, C, T)
        x = x.permute(0, 2, 3, 1).contiguous()
        x = x.view(N, C, T, V)
        for gcn, importance in zip(self.st_gcn_networks, self.edge_importance):
            x = gcn(x, self.A * importance)
        x = F.avg_pool2d(x, x.size()[2:])
        x = self.cls(x)
        return x.view(x.size(0), -1)


class TwoStreamGraphNet(nn.Module):
    def __init__(self, graph_args, num_class, edge_importance_weighting=True, **kwargs):
        super().__init__()
        self.pts_stream = SkeletonStream(3, graph_args, None, edge_importance_weighting, **kwargs)
        self.mot_stream = SkeletonStream(2, graph_args, None, edge_importance_weighting, **kwargs)
        self.fcn = nn.Linear(256 * 2, num_class)

    def forward(self, inputs):
        out1 = self.pts_stream(inputs[0])
        out2 = self.mot_stream(inputs[1])
        concat = torch.cat([out1, out2], dim=-1)
        out = self.fcn(concat)
        return torch.sigmoid(out)
