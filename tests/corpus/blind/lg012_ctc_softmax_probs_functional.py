"""positive [LG012]: speech model output is normalised with .softmax(dim=-1) (probabilities) and passed to F.ctc_loss, which wants log-probabilities."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchaudio


class SpeechEncoder(nn.Module):
    def __init__(self, n_mels=80, d=256, vocab=29):
        super().__init__()
        self.conv = nn.Conv1d(n_mels, d, kernel_size=3, stride=2, padding=1)
        self.gru = nn.GRU(d, d, num_layers=3, batch_first=True, bidirectional=True)
        self.classifier = nn.Linear(2 * d, vocab)

    def forward(self, mel):
        x = F.gelu(self.conv(mel)).transpose(1, 2)
        x, _ = self.gru(x)
        return self.classifier(x)


def train_step(model, optimizer, mel, mel_lengths, labels, label_lengths):
    logits = model(mel)
    probs = logits.softmax(dim=-1).transpose(0, 1)
    out_lengths = (mel_lengths + 1) // 2
    loss = F.ctc_loss(probs, labels, out_lengths, label_lengths, blank=28)  # expect: LG012
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def main(loader, epochs=30):
    mel_fn = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_mels=80)
    model = SpeechEncoder()
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4)
    for epoch in range(epochs):
        for wav, wav_len, labels, label_len in loader:
            mel = mel_fn(wav).clamp(min=1e-5).log()
            mel_len = wav_len // 200 + 1
            print(epoch, train_step(model, optimizer, mel, mel_len, labels, label_len))
