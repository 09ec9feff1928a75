"""look-alike [LG012, LG011]: the model ends in nn.LogSoftmax(dim=2) on (T, N, C); F.ctc_loss gets log-probabilities."""
import torch
import torch.nn as nn
import torch.nn.functional as F

model = nn.Sequential(
    nn.Linear(40, 256), nn.ReLU(),
    nn.Linear(256, 256), nn.ReLU(),
    nn.Linear(256, 29),
    nn.LogSoftmax(dim=2),
)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)


def train(loader):
    for frames, labels, frame_lens, label_lens in loader:
        optimizer.zero_grad()
        log_probs = model(frames)
        loss = F.ctc_loss(log_probs, labels, frame_lens, label_lens, blank=28, zero_infinity=True)
        loss.backward()
        optimizer.step()
