"""positive [LG003]: a DeepFM recommender whose forward ends in torch.sigmoid trains itself in its own fit() method
with BCEWithLogitsLoss (the repository's own code, no mutation: the sigmoid is applied twice)."""

# Source: AmazingDD/DeepFM-pytorch@76daa619e5 deepfm.py (DeepFM.__init__, forward, fit), main.py (FMDataset, the
# call); re-typed; the weight initialisation, the L2 terms, early stopping, prediction and the field bookkeeping cut
import torch
import torch.nn as nn
import torch.optim as optim


class FactorizationNet(nn.Module):
    def __init__(self, settings):
        super().__init__()
        self.lr = settings["lr"]
        self.epochs = settings["epochs"]
        self.n_fields = settings["num_features"]
        self.dim = settings["embedding_dim"]
        self.embeddings = nn.Embedding(sum(settings["field_size"]), self.dim)
        self.biases = nn.Embedding(sum(settings["field_size"]), 1)
        layers = []
        sizes = [self.n_fields * self.dim] + settings["dense_size"]
        for cin, cout in zip(sizes[:-1], sizes[1:]):
            layers.append(nn.Linear(cin, cout))
            layers.append(nn.ReLU())
        self.deep = nn.Sequential(*layers)
        self.output = nn.Linear(settings["dense_size"][-1] + self.n_fields + self.dim, 1, bias=False)

    def forward(self, idxs, vals):
        emb = self.embeddings(idxs) * vals.unsqueeze(-1)
        first = torch.sum(self.biases(idxs) * vals.unsqueeze(-1), dim=2)
        summed = torch.sum(emb, 1)
        second = 0.5 * (summed * summed - torch.sum(emb * emb, 1))
        deep = self.deep(emb.view(emb.size(0), -1))
        out = self.output(torch.cat([first, second, deep], dim=1))
        out = torch.sigmoid(out)
        return out.view(-1)

    def fit(self, loader):
        optimizer = optim.Adam(self.parameters(), lr=self.lr)
        criterion = nn.BCEWithLogitsLoss(reduction="sum")
        for epoch in range(1, self.epochs + 1):
            self.train()
            total = 0.0
            for labels, idxs, vals in loader:
                self.zero_grad()
                prediction = self.forward(idxs, vals)
                loss = criterion(prediction, labels)  # expect: LG003
                loss.backward()
                optimizer.step()
                total += loss.item()
            print(epoch, total)
