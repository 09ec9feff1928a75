"""look-alike [LG008, LG009]: both F.kl_div arguments are log-probabilities and log_target=True is passed; reduction is batchmean; an R-Drop style symmetric KL."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def symmetric_kl(logits_a, logits_b):
    lp_a = F.log_softmax(logits_a, dim=-1)
    lp_b = F.log_softmax(logits_b, dim=-1)
    kl_ab = F.kl_div(lp_a, lp_b, reduction="batchmean", log_target=True)
    kl_ba = F.kl_div(lp_b, lp_a, reduction="batchmean", log_target=True)
    return 0.5 * (kl_ab + kl_ba)


class Classifier(nn.Module):
    def __init__(self, d=300, n=6, p=0.3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 256), nn.ReLU(), nn.Dropout(p), nn.Linear(256, n))

    def forward(self, x):
        return self.net(x)


def train(model, loader, alpha=4.0, epochs=12):
    opt = torch.optim.AdamW(model.parameters(), lr=2e-4)
    for epoch in range(epochs):
        model.train()
        for x, y in loader:
            out1, out2 = model(x), model(x)
            ce = 0.5 * (F.cross_entropy(out1, y) + F.cross_entropy(out2, y))
            loss = ce + alpha * symmetric_kl(out1, out2)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    m = Classifier()
    print(symmetric_kl(m(torch.randn(3, 300)), m(torch.randn(3, 300))))
