"""part of look-alike project [LG001, LG006, LG011, LG012]: the attention decoder: additive attention with nn.Softmax(dim=-1) over the encoder frames, an LSTM step, and a Linear character distribution returned raw (34 scores) with the new hidden state, the context and the attention weights."""
# Source: Mitya11/Automatic-Speech-Recognition-Deep-Learning at 2c26950c (read as is), model/decoder.py; re-typed, identifiers renamed.
import torch


class Attention(torch.nn.Module):
    def __init__(self):
        super(Attention, self).__init__()
        self.encode = torch.nn.Linear(1024, 512)
        self.decode = torch.nn.Linear(512, 512, bias=True)
        self.weights = torch.nn.Linear(512, 1, bias=True)
        self.softmax = torch.nn.Softmax(dim=-1)

    def forward(self, dec_state, listener):
        q = self.decode(dec_state[0].transpose(0, 1))
        k = self.encode(listener)
        energy = self.weights(torch.nn.functional.tanh(q + k)).squeeze(-1)
        score = [self.softmax(energy)]
        context = torch.sum(listener * score[0].unsqueeze(2).repeat(1, 1, listener.size(2)), dim=1)
        return score, context


class DecoderNN(torch.nn.Module):
    def __init__(self, hidden_size=512, rnn_layer_count=1):
        super(DecoderNN, self).__init__()
        self.char_emb = torch.nn.Embedding(35, 128)
        self.attention = Attention()
        self.rnn = torch.nn.LSTM(1024 + 128, 512, 1, batch_first=True)
        self.char_dist = torch.nn.Sequential(torch.nn.Linear(1536, 768), torch.nn.Dropout(0.0), torch.nn.ReLU(),
                                             torch.nn.Linear(768, 34))

    def forward(self, listener, prev_output, hidden):
        prev = torch.nn.functional.dropout(self.char_emb(prev_output), 0.0)
        score, context = self.attention(hidden, listener)
        rnn_in = torch.cat([prev, context], dim=-1).unsqueeze(dim=1)
        _, hidden = self.rnn(rnn_in, hidden)
        feat = torch.cat([hidden[0].squeeze(dim=0), context], dim=-1)
        raw_pred = self.char_dist(feat)
        return raw_pred, hidden, context, score
