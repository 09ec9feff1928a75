"""look-alike [LG012]: the same CRNN training step giving the log_softmax of the network's (T, N, C) output to CTCLoss (the repository's code)."""

# Source: TGravel/crnn-pytorch-knowledge-distillation@708bd48c8c src/train.py (train_batch, main), src/model.py (CRNN);
# re-typed, identifiers renamed; the convolution stack shortened, the wandb logging, the evaluation and the checkpointing cut
# Mutation: none (the repository's code)
import torch
import torch.nn as nn
from torch.nn import CTCLoss


class TextRecognizer(nn.Module):
    def __init__(self, channels, img_height, num_class, map_to_seq_hidden=64, rnn_hidden=256):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(channels, 64, 3, 1, 1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, 1, 1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
        )
        self.dropout = nn.Dropout(0.2)
        self.map_to_seq = nn.Linear(128 * (img_height // 4), map_to_seq_hidden)
        self.rnn1 = nn.LSTM(map_to_seq_hidden, rnn_hidden, bidirectional=True)
        self.rnn2 = nn.LSTM(2 * rnn_hidden, rnn_hidden, bidirectional=True)
        self.dense = nn.Linear(2 * rnn_hidden, num_class)

    def forward(self, images):
        conv = self.cnn(images)
        batch, channel, height, width = conv.size()
        conv = self.dropout(conv.view(batch, channel * height, width))
        seq = self.map_to_seq(conv.permute(2, 0, 1))
        recurrent, _ = self.rnn1(seq)
        recurrent, _ = self.rnn2(recurrent)
        return self.dense(recurrent)  # (seq_len, batch, num_class)


def train_step(crnn, data, optimizer, criterion, device):
    crnn.train()
    images, targets, target_lengths = [d.to(device) for d in data]
    logits = crnn(images)
    log_probs = torch.nn.functional.log_softmax(logits, dim=2)
    batch_size = images.size(0)
    input_lengths = torch.LongTensor([logits.size(0)] * batch_size)
    target_lengths = torch.flatten(target_lengths)
    loss = criterion(log_probs, targets, input_lengths, target_lengths)
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(crnn.parameters(), 5)
    optimizer.step()
    return loss.item(), log_probs.detach()


def main(loader, epochs, lr, device, channels=1, img_height=32, num_class=37):
    crnn = TextRecognizer(channels, img_height, num_class).to(device)
    optimizer = torch.optim.Adam(crnn.parameters(), lr=lr)
    criterion = CTCLoss(reduction="sum", zero_infinity=True)
    criterion.to(device)
    for epoch in range(1, epochs + 1):
        total, count = 0.0, 0
        for data in loader:
            loss, _ = train_step(crnn, data, optimizer, criterion, device)
            total += loss
            count += data[0].size(0)
        print(epoch, total / count)
