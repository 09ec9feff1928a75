"""positive [LG012]: speech model ends in nn.Linear producing (T, N, C); CTCLoss gets raw logits without log_softmax."""
import torch
import torch.nn as nn


class SpeechRNN(nn.Module):
    def __init__(self, n_mels=80, hidden=256, n_tokens=29):
        super().__init__()
        self.rnn = nn.GRU(n_mels, hidden, num_layers=3, bidirectional=True)
        self.classifier = nn.Linear(2 * hidden, n_tokens)

    def forward(self, feats):
        out, _ = self.rnn(feats)
        return self.classifier(out)


model = SpeechRNN()
ctc = nn.CTCLoss(blank=0, zero_infinity=True)
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4)


def train(loader, epochs=10):
    for epoch in range(epochs):
        for feats, targets, input_lengths, target_lengths in loader:
            optimizer.zero_grad()
            emissions = model(feats)
            loss = ctc(emissions, targets, input_lengths, target_lengths)  # expect: LG012
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 400)
            optimizer.step()
