"""part of look-alike project [LG006, LG007, LG011]: train() feeds the last step's log-probabilities to nn.NLLLoss, zeroes, back-propagates and steps, and returns (output, loss.item()); the loop unpacks the float into a name loss and sums it into current_loss over 100,000 iterations."""
# Source: furkanonur-ds-space/pytorch-learning-journey at e6fcea0a (read as is; a re-typing of the PyTorch char-RNN
# tutorial), 04_nlp_from_scratch/train.py;
# re-typed, identifiers renamed; the step-by-step comments and banner prints cut. data_prep is not included.
import math
import random
import time

import torch
import torch.nn as nn

from data_prep import all_categories, category_lines, lineToTensor, n_categories, n_letters
from rnn_model import RNN


def categoryFromOutput(output):
    top_n, top_i = output.topk(1)
    idx = top_i[0].item()
    return all_categories[idx], idx


def randomChoice(items):
    return items[random.randint(0, len(items) - 1)]


def randomTrainingExample():
    category = randomChoice(all_categories)
    line = randomChoice(category_lines[category])
    category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
    line_tensor = lineToTensor(line)
    return category, line, category_tensor, line_tensor


n_hidden = 128
rnn = RNN(n_letters, n_hidden, n_categories)
criterion = nn.NLLLoss()
learning_rate = 0.005
optimizer = torch.optim.SGD(rnn.parameters(), lr=learning_rate)


def train(category_tensor, line_tensor):
    hidden = rnn.initHidden()
    optimizer.zero_grad()
    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)
    loss = criterion(output, category_tensor)
    loss.backward()
    optimizer.step()
    return output, loss.item()


n_iters = 100000
print_every = 5000
start = time.time()
current_loss = 0


def timeSince(since):
    s = time.time() - since
    m = math.floor(s / 60)
    s -= m * 60
    return f"{m}m {s:.0f}s"


for it in range(1, n_iters + 1):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    output, loss = train(category_tensor, line_tensor)
    current_loss += loss
    if it % print_every == 0:
        guess, guess_i = categoryFromOutput(output)
        print(f"Iter: {it:6d} | Time: {timeSince(start)} | Loss: {loss:.4f} | Name: {line:15s} | Guess: {guess:10s}")

torch.save(rnn.state_dict(), "char_rnn.pth")
