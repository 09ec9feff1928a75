"""look-alike [LG012, LG011]: ASR head applies log_softmax(dim=2) to the (T, N, C) output before nn.CTCLoss; a softmax is used only for greedy-decoding confidence."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConformerLite(nn.Module):
    def __init__(self, n_feats=80, d=144, vocab=32):
        super().__init__()
        self.sub = nn.Conv2d(1, d, 3, stride=2)
        self.proj = nn.Linear(d * ((n_feats - 1) // 2), d)
        layer = nn.TransformerEncoderLayer(d, 4, 4 * d, batch_first=False)
        self.enc = nn.TransformerEncoder(layer, 4)
        self.out = nn.Linear(d, vocab)

    def forward(self, feats):
        x = F.relu(self.sub(feats.unsqueeze(1)))
        b, c, t, f = x.shape
        x = self.proj(x.permute(2, 0, 1, 3).reshape(t, b, c * f))
        return self.out(self.enc(x))


def greedy_decode(logits):
    probs = F.softmax(logits, dim=-1)
    conf, ids = probs.max(dim=-1)
    return ids.transpose(0, 1), conf.mean(0)


def train(model, loader, epochs=100):
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.98))
    for epoch in range(epochs):
        for feats, feat_lens, targets, target_lens in loader:
            logits = model(feats)
            log_probs = logits.log_softmax(dim=2)
            out_lens = (feat_lens - 3) // 2 + 1
            loss = ctc(log_probs, targets, out_lens, target_lens)
            opt.zero_grad()
            loss.backward()
            opt.step()
        ids, conf = greedy_decode(logits.detach())
        print(epoch, loss.item(), conf.mean().item(), ids.shape)


if __name__ == "__main__":
    m = ConformerLite()
    print(m(torch.randn(2, 50, 80)).shape)
