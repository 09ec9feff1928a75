"""part of positive project [LG001, LG006, LG011]: DualEncoder scores responses with a bilinear form and returns self.final_layer(logits), where self.final_layer = nn.Softmax() (no dim)."""
# Source: https://github.com/IBM/dstc7-noesis noesis/networks/dual_encoder.py at b0f2d6009b1e4519509843267e5fb3091242a879
# (issue #18: "No need to use nn.Softmax layer when using nn.CrossEntropyLoss()"); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab_size, max_len, hidden_size, n_layers=1, bidirectional=False, rnn_cell="gru"):
        super(Encoder, self).__init__()
        self.hidden_size = hidden_size
        self.n_layers = n_layers
        self.bidirectional = bidirectional
        self.rnn_cell_type = rnn_cell
        self.embedding = nn.Embedding(vocab_size, hidden_size)
        self.rnn = nn.GRU(hidden_size, hidden_size, n_layers, batch_first=True, bidirectional=bidirectional)

    def forward(self, input_var, input_lengths=None):
        embedded = self.embedding(input_var)
        output, hidden = self.rnn(embedded)
        return output, hidden


class DualEncoder(nn.Module):
    def __init__(self, context, response, use_output=False):
        super(DualEncoder, self).__init__()
        self.context = context
        self.response = response
        self.use_output = use_output
        c_h = context.hidden_size
        r_h = response.hidden_size
        if self.context.bidirectional:
            c_h = 2 * c_h
        if self.response.bidirectional:
            r_h = 2 * r_h
        self.M = torch.randn([c_h, r_h], requires_grad=True)
        self.final_layer = nn.Softmax()  # expect: LG011

    def forward(self, context_var, responses_var, context_lengths_var, responses_lengths_var):
        batch, num_resp, seq_len = responses_var.size()
        c, h_c = self.context(context_var, context_lengths_var)
        r, h_r = self.response(responses_var.reshape([-1, seq_len]), responses_lengths_var.reshape([-1]))
        logits = torch.matmul(torch.matmul(h_c.view(self.context.n_layers, 1, -1), self.M),
                              h_r.view(self.response.n_layers, num_resp, -1).transpose(1, 2)).squeeze()
        output = self.final_layer(logits)
        return output
