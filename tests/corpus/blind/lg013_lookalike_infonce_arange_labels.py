"""look-alike [LG013, LG001, LG011]: SimCLR/CLIP InfoNCE: cosine-similarity logits over a temperature and torch.arange labels (int64) into F.cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ProjectionHead(nn.Module):
    def __init__(self, d_in=2048, d_out=128):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 512), nn.ReLU(), nn.Linear(512, d_out))

    def forward(self, x):
        return F.normalize(self.net(x), dim=-1)


def info_nce(z1, z2, temperature=0.07):
    logits = z1 @ z2.t() / temperature
    labels = torch.arange(z1.size(0), device=z1.device)
    loss_a = F.cross_entropy(logits, labels)
    loss_b = F.cross_entropy(logits.t(), labels)
    return (loss_a + loss_b) / 2


def train(backbone, head, loader, epochs=100):
    params = list(backbone.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(params, lr=0.3, momentum=0.9, weight_decay=1e-6)
    for epoch in range(epochs):
        for view1, view2 in loader:
            z1 = head(backbone(view1))
            z2 = head(backbone(view2))
            loss = info_nce(z1, z2)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        with torch.no_grad():
            sim = F.softmax(z1 @ z2.t(), dim=1)
            top1 = (sim.argmax(1) == torch.arange(sim.size(0))).float().mean()
        print(epoch, loss.item(), top1.item())


if __name__ == "__main__":
    h = ProjectionHead()
    print(info_nce(h(torch.randn(4, 2048)), h(torch.randn(4, 2048))))
