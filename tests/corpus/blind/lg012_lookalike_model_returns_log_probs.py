"""look-alike [LG012, LG007]: keyword-spotting model's forward ends in F.log_softmax(dim=2); CTC gets its transposed output and a frame-level NLLLoss gets the flattened log-probs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class KWSNet(nn.Module):
    def __init__(self, n_mfcc=40, hidden=128, n_tokens=30):
        super().__init__()
        self.lstm = nn.LSTM(n_mfcc, hidden, num_layers=2, batch_first=True)
        self.proj = nn.Linear(hidden, n_tokens)

    def forward(self, mfcc):
        h, _ = self.lstm(mfcc)
        return F.log_softmax(self.proj(h), dim=2)


def train(model, loader, epochs=20, frame_weight=0.1):
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    nll = nn.NLLLoss(ignore_index=-1)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for mfcc, mfcc_lens, tokens, token_lens, frame_labels in loader:
            log_probs = model(mfcc)
            loss_ctc = ctc(log_probs.transpose(0, 1), tokens, mfcc_lens, token_lens)
            flat = log_probs.reshape(-1, log_probs.size(-1))
            loss_frame = nll(flat, frame_labels.reshape(-1))
            loss = loss_ctc + frame_weight * loss_frame
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss_ctc.item(), loss_frame.item())


if __name__ == "__main__":
    m = KWSNet()
    print(m(torch.randn(2, 100, 40)).shape)
