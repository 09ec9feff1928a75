"""part of look-alike project [LG001, LG006, LG007]: the student BiLSTM text classifier keeps nn.Softmax(dim=1) and nn.LogSoftmax(dim=1) as modules and returns both, probabilities and log-probabilities of the same Linear scores, as a tuple."""
# Source: qiangsiwei/bert_distill at ceed9c94 (read as is; BERT-to-BiLSTM distillation for Chinese sentiment),
# small.py; re-typed, identifiers renamed; the CNN student and the stand-alone Model trainer cut.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

USE_CUDA = torch.cuda.is_available()
LTensor = torch.cuda.LongTensor if USE_CUDA else torch.LongTensor


class BiLSTMStudent(nn.Module):
    def __init__(self, x_dim, e_dim, h_dim, o_dim):
        super(BiLSTMStudent, self).__init__()
        self.h_dim = h_dim
        self.dropout = nn.Dropout(0.2)
        self.emb = nn.Embedding(x_dim, e_dim, padding_idx=0)
        self.lstm = nn.LSTM(e_dim, h_dim, bidirectional=True, batch_first=True)
        self.fc = nn.Linear(h_dim * 2, o_dim)
        self.softmax = nn.Softmax(dim=1)
        self.log_softmax = nn.LogSoftmax(dim=1)

    def forward(self, x, lens):
        embed = self.dropout(self.emb(x))
        out, _ = self.lstm(embed)
        scores = self.fc(out[:, -1, :])
        return self.softmax(scores), self.log_softmax(scores)
