"""positive [LG012]: wrap_ctc unpacks the packed RNN output and returns it without log_softmax (the line is commented out); the CTCLoss gets raw scores."""
# Source: issue https://github.com/jeremyfix/deeplearning-lectures/issues/22, file
# LabsSolutions/02-pytorch-asr/main_ctc.py at b3862d6dd1af45bea1a99f9b26a0c8baa1520422 line 42; re-typed, names changed,
# reduced; the model (models.py in the repository) is summarised here in its shape: GRU over a packed
# sequence, Linear over the unpacked output, packed again.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class CTCModel(nn.Module):
    def __init__(self, n_mels, n_hidden, vocab_size):
        super().__init__()
        self.rnn = nn.GRU(n_mels, n_hidden, num_layers=2, bidirectional=True)
        self.charlin = nn.Linear(2 * n_hidden, vocab_size)

    def forward(self, inputs):
        packed_outputs, _ = self.rnn(inputs)
        unpacked_outputs, lens_outputs = pad_packed_sequence(packed_outputs)
        out = self.charlin(unpacked_outputs)
        return pack_padded_sequence(out, lens_outputs)


def wrap_ctc(packed_predictions, targets):
    unpacked_predictions, lens_predictions = pad_packed_sequence(packed_predictions)  # T, B, vocab_size
    # unpacked_predictions = unpacked_predictions.log_softmax(dim=2)
    unpacked_targets, lens_targets = pad_packed_sequence(targets)  # T, B
    unpacked_targets = unpacked_targets.transpose(0, 1)  # B, T
    return unpacked_predictions, unpacked_targets, lens_predictions, lens_targets


def train_one_epoch(model, loader, optimizer, device):
    loss = nn.CTCLoss(blank=0)
    model.train()
    for spectrograms, transcripts in loader:
        spectrograms, transcripts = spectrograms.to(device), transcripts.to(device)
        packed_predictions = model(spectrograms)
        preds, targs, lens_preds, lens_targs = wrap_ctc(packed_predictions, transcripts)
        l = loss(preds, targs, lens_preds, lens_targs)  # expect: LG012
        optimizer.zero_grad()
        l.backward()
        optimizer.step()


if __name__ == "__main__":
    model = CTCModel(80, 256, 30)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(30):
        train_one_epoch(model, [], optimizer, "cpu")
