"""positive [LG004]: anomaly detector casts its 0/1 mask with .long() right inside the F.binary_cross_entropy_with_logits call."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FrameScorer(nn.Module):
    def __init__(self, in_dim=1024, hidden=512):
        super().__init__()
        self.gru = nn.GRU(in_dim, hidden, batch_first=True, bidirectional=True)
        self.score = nn.Linear(2 * hidden, 1)

    def forward(self, feats):
        h, _ = self.gru(feats)
        return self.score(h).squeeze(-1)


def step(model, optimizer, feats, anomaly_mask, pos_weight=4.0):
    logits = model(feats)
    loss = F.binary_cross_entropy_with_logits(
        logits,
        anomaly_mask.long(),  # expect: LG004
        pos_weight=torch.tensor(pos_weight, device=logits.device),
    )
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.detach()


def main(loader, epochs=15):
    model = FrameScorer().cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(epochs):
        history = []
        for feats, mask in loader:
            history.append(step(model, optimizer, feats.cuda(), mask.cuda()))
        print(epoch, torch.stack(history).mean().item())


if __name__ == "__main__":
    m = FrameScorer()
    print(m(torch.randn(2, 16, 1024)).shape)
