"""positive [LG001]: the move-policy network ends in nn.Softmax(dim=0) built and applied in its return statement, and its output goes to CrossEntropyLoss, which applies log-softmax again."""

# Source: GiacomoEttoreRocco/CatanDQN@638269a AI/gnn.ipynb (cells 7, 9, 12; cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F
from dgl.nn import GraphConv


class MovePolicy(nn.Module):
    def __init__(self, node_in, node_hidden, node_out, glob_in, n_tiles=54, n_moves=4):
        super().__init__()
        self.conv1 = GraphConv(node_in, node_hidden)
        self.conv2 = GraphConv(node_hidden, node_out)
        self.glob1 = nn.Linear(glob_in, 16)
        self.glob2 = nn.Linear(16, glob_in)
        self.head1 = nn.Linear(n_tiles * node_out + glob_in, 85)
        self.head2 = nn.Linear(85, n_moves)

    def forward(self, graph, glob):
        h = F.relu(self.conv1(graph, graph.ndata["feat"]))
        h = torch.flatten(F.relu(self.conv2(graph, h)))
        g = F.relu(self.glob2(F.relu(self.glob1(glob))))
        out = self.head2(F.relu(self.head1(torch.cat([h, g]))))
        return nn.Softmax(dim=0)(out)


model = MovePolicy(9, 8, 3, 8).to("cuda:0")
loss = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
samples = []

for epoch in range(5):
    for graph, glob, label in samples:
        graph = graph.to("cuda:0")
        optimizer.zero_grad()
        outputs = model(graph, glob.float().cuda())
        outputs = loss(outputs, label.cuda() - 1)  # expect: LG001
        outputs.backward()
        optimizer.step()
