"""positive [LG001]: the graph transformer's node classifier ends in `F.log_softmax`, and its training epoch gives that output to `F.cross_entropy`, which takes the log-softmax again (redundant: the same loss)."""

# Source: jwzhanggy/Graph-Bert@235c140 code/MethodGraphBertNodeClassification.py (re-typed, renamed, cut to the head and the epoch)
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class NodeClassifier(nn.Module):
    def __init__(self, encoder, hidden, n_classes, lr, weight_decay, data):
        super().__init__()
        self.encoder = encoder
        self.cls_y = nn.Linear(hidden, n_classes)
        self.lr, self.weight_decay, self.data = lr, weight_decay, data

    def forward(self, raw, wl, pos, hop, idx):
        outputs = self.encoder(raw[idx], wl[idx], pos[idx], hop[idx])
        pooled = outputs[0].mean(dim=1)
        return F.log_softmax(self.cls_y(pooled), dim=1)

    def train_model(self, max_epoch):
        optimizer = optim.Adam(self.parameters(), lr=self.lr, weight_decay=self.weight_decay)
        d = self.data
        for epoch in range(max_epoch):
            self.train()
            optimizer.zero_grad()
            output = self.forward(d["raw"], d["wl"], d["pos"], d["hop"], d["idx_train"])
            loss_train = F.cross_entropy(output, d["y"][d["idx_train"]])  # expect: LG001
            loss_train.backward()
            optimizer.step()
