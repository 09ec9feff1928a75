"""look-alike [LG002, LG016]: a 2-way softmax head's class-1 probability (bounded, no sigmoid) is fed to BCELoss; the sigmoid-free path is intentional for calibration."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DuplicateQuestionModel(nn.Module):
    def __init__(self, vocab=40000, dim=300):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.enc = nn.GRU(dim, 150, batch_first=True, bidirectional=True)
        self.cls = nn.Linear(4 * 300, 2)

    def encode(self, ids):
        _, h = self.enc(self.emb(ids))
        return torch.cat([h[0], h[1]], dim=-1)

    def forward(self, q1, q2):
        a, b = self.encode(q1), self.encode(q2)
        feats = torch.cat([a, b, (a - b).abs(), a * b], dim=-1)
        return F.softmax(self.cls(feats), dim=-1)[:, 1]


def train(model, loader, epochs=6):
    bce = nn.BCELoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for q1, q2, dup in loader:
            p_dup = model(q1, q2)
            loss = bce(p_dup, dup.float())
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    m = DuplicateQuestionModel()
    print(m(torch.randint(1, 40000, (2, 9)), torch.randint(1, 40000, (2, 11))))
