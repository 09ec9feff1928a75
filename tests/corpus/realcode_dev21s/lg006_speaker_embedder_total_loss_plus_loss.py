"""positive [LG006]: the GE2E training loop adds every step's loss tensor to `total_loss` with `total_loss = total_loss + loss` (not `+=`) after its backward(), only to print the running mean: every step's graph stays alive until the epoch ends."""

# Source: HarryVolek/PyTorch_Speaker_Verification@10e159a train_speech_embedder.py (re-typed, renamed, cut to the loop)
import torch
import torch.nn as nn


class Embedder(nn.Module):
    def __init__(self, n_mels=40, hidden=768, proj=256):
        super().__init__()
        self.lstm = nn.LSTM(n_mels, hidden, num_layers=3, batch_first=True)
        self.proj = nn.Linear(hidden, proj)

    def forward(self, x):
        x, _ = self.lstm(x.float())
        x = self.proj(x[:, -1])
        return x / torch.norm(x, dim=1, keepdim=True)


class GE2ELoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(10.0))
        self.b = nn.Parameter(torch.tensor(-5.0))

    def forward(self, emb):
        centroids = emb.mean(dim=1)
        sim = torch.einsum("nmd,kd->nmk", emb, centroids) * self.w + self.b
        speakers, utterances, _ = sim.shape
        own = sim[torch.arange(speakers), :, torch.arange(speakers)]
        return (torch.logsumexp(sim, dim=2) - own).sum()


def train(loader, speakers, utterances, epochs=10):
    net = Embedder()
    ge2e = GE2ELoss()
    optimizer = torch.optim.SGD([{"params": net.parameters()}, {"params": ge2e.parameters()}], lr=0.01)
    net.train()
    for epoch in range(epochs):
        total_loss = 0
        for batch_id, mels in enumerate(loader):
            mels = mels.reshape(speakers * utterances, mels.size(2), mels.size(3))
            optimizer.zero_grad()
            emb = net(mels).reshape(speakers, utterances, -1)
            loss = ge2e(emb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 3.0)
            optimizer.step()
            total_loss = total_loss + loss  # expect: LG006
            if (batch_id + 1) % 30 == 0:
                print(epoch, batch_id, float(loss), float(total_loss) / (batch_id + 1))


if __name__ == "__main__":
    train(mel_loader, 4, 5)
