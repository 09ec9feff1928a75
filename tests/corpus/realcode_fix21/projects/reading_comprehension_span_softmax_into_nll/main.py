"""part of positive project [LG007, LG011]: the training function scores the network's start and end probabilities with nn.NLLLoss, which expects log-probabilities (the fix turns both softmaxes into log_softmax)."""

# Source: jojonki/BiDAF@4fa242ae62 main.py, fixed in 5b930c3699 (cut, renamed)
import torch
import torch.nn as nn

from layers.attention_net import AttentionNet
from process_data import args, data, make_char_vector, make_word_vector, to_var, w2i_c, w2i_w


def train(model, optimizer, n_epoch=10, batch_size=8):
    for epoch in range(n_epoch):
        for i in range(0, len(data) - batch_size, batch_size):
            batch_data = data[i:i + batch_size]
            a_beg = to_var(torch.LongTensor([d[6] for d in batch_data]).squeeze())
            a_end = to_var(torch.LongTensor([d[7] for d in batch_data]).squeeze())
            c_char_var = make_char_vector([d[1] for d in batch_data], w2i_c)
            c_word_var = make_word_vector([d[0] for d in batch_data], w2i_w)
            q_char_var = make_char_vector([d[4] for d in batch_data], w2i_c)
            q_word_var = make_word_vector([d[3] for d in batch_data], w2i_w)
            p1, p2 = model(c_char_var, c_word_var, q_char_var, q_word_var)
            loss_p1 = nn.NLLLoss()(p1, a_beg)  # expect: LG007
            loss_p2 = nn.NLLLoss()(p2, a_end)  # expect: LG007
            model.zero_grad()
            (loss_p1 + loss_p2).backward()
            optimizer.step()


model = AttentionNet(args)
if torch.cuda.is_available():
    model.cuda()
optimizer = torch.optim.Adadelta(filter(lambda p: p.requires_grad, model.parameters()), lr=0.5)
train(model, optimizer)
