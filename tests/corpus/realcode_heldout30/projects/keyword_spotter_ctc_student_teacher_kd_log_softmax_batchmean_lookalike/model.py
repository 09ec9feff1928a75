"""part of look-alike project [LG006, LG008, LG009, LG012]: the phoneme network: a Linear over stacked filterbank frames, tanh, a packed 3-layer LSTM and a Linear classifier; forward returns batch-first (N, T, C) raw scores."""
# Source: YunyangZeng/CTC-based-Keyword-Spotter at 32ed4bd3, model.py; re-typed, identifiers renamed.
import torch


class PhoneNet(torch.nn.Module):
    def __init__(self, hidden_size, output_size):
        super(PhoneNet, self).__init__()
        self.affine = torch.nn.Linear(23 * 5, hidden_size)
        self.act = torch.nn.Tanh()
        self.lstm = torch.nn.LSTM(input_size=hidden_size, hidden_size=hidden_size, num_layers=3,
                                  bidirectional=False, batch_first=True)
        self.classifier = torch.nn.Sequential(torch.nn.Linear(hidden_size, output_size))

    def forward(self, x, lx):
        x = self.affine(x)
        x = self.act(x)
        x = torch.nn.utils.rnn.pack_padded_sequence(x, lx, batch_first=True, enforce_sorted=False)
        x, _ = self.lstm(x)
        x, _ = torch.nn.utils.rnn.pad_packed_sequence(x, batch_first=True, padding_value=0.0)
        return self.classifier(x)
