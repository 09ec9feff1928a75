"""part of positive project [LG011]: the training step runs the attention decoder token by token and sums NLLLoss terms into loss, then backpropagates once per pair."""
# Source: https://github.com/lucasjinreal/pytorch_chatbot train.py at ba4d3add5a5c1cfdc9a3d5bb6c1a3db455e42cee; re-typed, names changed, reduced.
import random

import torch
import torch.optim as optim
from torch.autograd import Variable

from models.models import *


def train_model(data_loader, input_variable, target_variable, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion, max_length=MAX_LENGTH):
    encoder_hidden = encoder.init_hidden()
    encoder_optimizer.zero_grad()
    decoder_optimizer.zero_grad()
    input_length = input_variable.size()[0]
    target_length = target_variable.size()[0]
    encoder_outputs = Variable(torch.zeros(max_length, encoder.hidden_size))
    loss = 0
    for ei in range(input_length):
        encoder_output, encoder_hidden = encoder(input_variable[ei], encoder_hidden)
        encoder_outputs[ei] = encoder_output[0][0]
    decoder_input = Variable(torch.LongTensor([[data_loader.SOS_token]]))
    decoder_hidden = encoder_hidden
    for di in range(target_length):
        decoder_output, decoder_hidden, decoder_attention = decoder(decoder_input, decoder_hidden, encoder_output, encoder_outputs)
        loss += criterion(decoder_output[0], target_variable[di])
        decoder_input = target_variable[di]
    loss.backward()
    encoder_optimizer.step()
    decoder_optimizer.step()
    return loss.data[0] / target_length


def train(data_loader, encoder, decoder, n_epochs, print_every=100, learning_rate=0.01):
    print_loss_total = 0
    encoder_optimizer = optim.SGD(encoder.parameters(), lr=learning_rate)
    decoder_optimizer = optim.SGD(decoder.parameters(), lr=learning_rate)
    criterion = nn.NLLLoss()
    for epoch in range(1, n_epochs + 1):
        input_variable, target_variable = data_loader.get_pair_variable()
        loss = train_model(data_loader, input_variable, target_variable, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion)
        print_loss_total += loss
        if epoch % print_every == 0:
            print(print_loss_total / print_every)
            print_loss_total = 0
