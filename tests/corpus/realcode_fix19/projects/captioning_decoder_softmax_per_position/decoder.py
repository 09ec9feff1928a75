"""part of positive project [LG001]: the caption decoder's forward scores every position with a Linear layer, then replaces each position's vocabulary scores by their nn.Softmax(dim=0) in a double loop over the batch and the caption length (the fix comments the loop out and returns the scores)."""

# Source: abdulqadirs/image-captioning@e480677c27 decoder.py, fixed in afa114aad9 (cut, renamed)
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, embed_size, hidden_size, vocab_size, batch_size, num_layers=1):
        super(Decoder, self).__init__()
        self.vocab_size = vocab_size
        self.lstm = nn.LSTM(input_size=embed_size, hidden_size=hidden_size, num_layers=num_layers, batch_first=True)
        self.fc_out = nn.Linear(in_features=hidden_size, out_features=vocab_size)
        self.softmax = nn.Softmax(dim=0)

    def forward(self, features, captions, lengths, pretrained_embeddings):
        embeddings = pretrained_embeddings(captions)
        embeddings = torch.cat((features.unsqueeze(1), embeddings), 1)
        lstm_output, _ = self.lstm(embeddings)
        lstm_output = lstm_output[:, 1:, :]
        outputs = self.fc_out(lstm_output)
        batch_size, captions_length, vocab_length = outputs.size()
        for i in range(batch_size):
            for j in range(captions_length):
                outputs[i][j] = self.softmax(outputs[i][j])
        return outputs
