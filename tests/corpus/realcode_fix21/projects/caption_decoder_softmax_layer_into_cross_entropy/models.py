"""part of positive project [LG001, LG011]: the caption decoder's output layer is Linear then nn.Softmax() without dim (its comment says to omit it with cross entropy)."""

# Source: daveredrum/3d-captioning@092d0b7ce2 models.py, fixed in 7d73b5e596 and 4dfc5ee5e2 (cut, renamed)
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


class Encoder(nn.Module):
    def __init__(self):
        super(Encoder, self).__init__()
        self.conv_layer = nn.Sequential(nn.Conv3d(4, 64, 3, padding=1), nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(64, 128, 3, padding=1), nn.ReLU())
        self.fc_layer = nn.Sequential(nn.Linear(128 * 16 * 16 * 16, 512), nn.ReLU())
        self.output_layer = nn.Linear(512, 2)

    def forward(self, inputs):
        return self.output_layer(self.extract(inputs))

    def extract(self, inputs):
        outputs = self.conv_layer(inputs).view(inputs.size(0), -1)
        return self.fc_layer(outputs)


class Decoder(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1, cuda_flag=True):
        super(Decoder, self).__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.lstm_layer = nn.LSTM(hidden_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.output_layer = nn.Sequential(
            nn.Linear(hidden_size, input_size),
            nn.Softmax()  # expect: LG011
        )
        self.cuda_flag = cuda_flag

    def forward(self, visual_inputs, caption_inputs, length_list):
        embedded = self.embedding(caption_inputs)
        embedded = torch.cat((visual_inputs.unsqueeze(1), embedded), 1)
        packed = pack_padded_sequence(embedded, length_list, batch_first=True)
        hiddens, _ = self.lstm_layer(packed, None)
        outputs = self.output_layer(hiddens[0])
        return outputs, hiddens[1]
