"""fixed: speech recogniser trained with CTCLoss (LG012 ctc-input-not-log-probs)."""
import torch
import torch.nn as nn


class SpeechModel(nn.Module):
    def __init__(self, n_mels=80, hidden=128, vocab=29):
        super().__init__()
        self.rnn = nn.LSTM(n_mels, hidden, num_layers=2, bidirectional=True)
        self.fc = nn.Linear(2 * hidden, vocab)

    def forward(self, feats):
        out, _ = self.rnn(feats)
        return self.fc(out)


model = SpeechModel()
ctc = nn.CTCLoss(blank=0, zero_infinity=True)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)

for step in range(200):
    feats = torch.randn(100, 8, 80)
    targets = torch.randint(1, 29, (8, 20))
    input_lengths = torch.full((8,), 100, dtype=torch.long)
    target_lengths = torch.full((8,), 20, dtype=torch.long)
    optimizer.zero_grad()
    log_probs = model(feats).log_softmax(dim=2)
    loss = ctc(log_probs, targets, input_lengths, target_lengths)
    loss.backward()
    optimizer.step()
