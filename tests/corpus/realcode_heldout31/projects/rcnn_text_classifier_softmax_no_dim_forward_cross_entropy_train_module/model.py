"""part of positive project [LG001, LG011]: the RCNN text classifier's forward ends in F.softmax without dim, and train.py feeds that to CrossEntropyLoss."""
# Source: horvitzs/Text-Classification-Pytorch at 531d420e8e33723231a324c136cc22f622f17cdb Text_Classifier/model.py (tabs written as spaces; the CNN and RNN classifiers main.py does not use are shortened to their heads; RCNN_Classifier kept as written, eq. 3-7 of the RCNN paper)
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class ConvTextNet(nn.Module):
    def __init__(self, in_ch, out_ch, vocab, emb_dim, n_classes, kernels, p_drop, emb_weight):
        super(ConvTextNet, self).__init__()
        self.emb_weight = emb_weight
        self.embedding = nn.Embedding(vocab, emb_dim)
        self.convs = nn.ModuleList([nn.Conv2d(in_ch, out_ch, (k, emb_dim)) for k in kernels])
        self.dropout = nn.Dropout(p_drop)
        self.fc = nn.Linear(len(kernels) * out_ch, n_classes)

    def forward(self, x):
        x = self.embedding(x).unsqueeze(1)
        x = [F.relu(conv(x)).squeeze(3) for conv in self.convs]
        x = [F.max_pool1d(i, i.size(2)).squeeze(2) for i in x]
        x = torch.cat(x, 1)
        return self.fc(self.dropout(x))


class RecurrentConvTextNet(nn.Module):
    def __init__(self, vocab, emb_size, hidden, sem_hidden, n_layers, n_classes, emb_weight):
        super(RecurrentConvTextNet, self).__init__()
        self.hidden = hidden
        self.sem_hidden = sem_hidden
        self.n_layers = n_layers

        self.emb_weight = emb_weight
        self.embed = nn.Embedding(vocab, emb_size)
        self.bi_lstm = nn.LSTM(emb_size, hidden, n_layers, batch_first=True, bidirectional=True)
        self.sem_fc = nn.Linear(emb_size + hidden * 2, sem_hidden)
        self.fc = nn.Linear(sem_hidden, n_classes)
        self.init_weights()

    def init_weights(self):
        self.embed.weight = nn.Parameter(self.emb_weight)

    def forward(self, x):
        x = self.embed(x)

        h0 = Variable(torch.zeros(self.n_layers * 2, x.size(0), self.hidden)).cuda()
        c0 = Variable(torch.zeros(self.n_layers * 2, x.size(0), self.hidden)).cuda()
        h0 = nn.init.xavier_normal(h0)
        c0 = nn.init.xavier_normal(c0)

        lstm_out, _ = self.bi_lstm(x, (h0, c0))
        out = torch.cat((lstm_out, x), 2)

        y2 = F.tanh(self.sem_fc(out))
        y2 = y2.unsqueeze(1)

        y3 = F.max_pool2d(y2, (y2.size(2), 1)).squeeze()

        y4 = self.fc(y3)

        final_out = F.softmax(y4)  # expect: LG011

        return final_out
