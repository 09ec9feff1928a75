"""part of positive project [LG012]: the CRNN's last BiLSTM block returns Linear scores of shape (T, N, classes), no log_softmax anywhere."""
# Source: duyddwcs/crnn-pytorch at 702799b76f3f6a4d893159339c357b3be60f630c models/crnn.py (re-typed; the torchsummary __main__ demo shortened)
import torch.nn as nn


class BiLSTMBlock(nn.Module):

    def __init__(self, n_in, n_hidden, n_out):
        super(BiLSTMBlock, self).__init__()
        self.rnn = nn.LSTM(n_in, n_hidden, bidirectional=True)
        self.embedding = nn.Linear(n_hidden * 2, n_out)

    def forward(self, input):
        recurrent, _ = self.rnn(input)
        seq_len, batch, hidden = recurrent.size()
        flat = recurrent.view(seq_len * batch, hidden)

        output = self.embedding(flat)
        output = output.view(seq_len, batch, -1)

        return output


class TextRecognizer(nn.Module):

    def __init__(self, imgH, channels, nclass, hidden_state):
        super(TextRecognizer, self).__init__()
        assert imgH % 16 == 0, 'Image height has to be a multiple of 16'

        cnn = nn.Sequential(
            nn.Conv2d(channels, 64, 3, 1, 1), nn.ReLU(True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, 1, 1), nn.ReLU(True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(128, 256, 3, 1, 1), nn.ReLU(True),
            nn.Conv2d(256, 256, 3, 1, 1), nn.ReLU(True),
            nn.MaxPool2d((2, 1), (2, 1)),
            nn.Conv2d(256, 512, 3, 1, 1, bias=False),
            nn.BatchNorm2d(512), nn.ReLU(True),
            nn.Conv2d(512, 512, 3, 1, 1, bias=False),
            nn.BatchNorm2d(512), nn.ReLU(True),
            nn.MaxPool2d((2, 1), (2, 1)),
            nn.Conv2d(512, 512, 2, 1, 0), nn.ReLU(True),
        )

        self.cnn = cnn
        self.rnn = nn.Sequential(
            BiLSTMBlock(512, hidden_state, hidden_state),
            BiLSTMBlock(hidden_state, hidden_state, nclass))

    def forward(self, input):
        conv = self.cnn(input)
        b, c, h, w = conv.size()
        assert h == 1, "the height of conv must be 1"
        conv = conv.squeeze(2)
        conv = conv.permute(2, 0, 1)

        output = self.rnn(conv)

        return output
