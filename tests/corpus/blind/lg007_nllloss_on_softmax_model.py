"""positive [LG007]: character RNN's forward ends in F.softmax(dim=1) (probabilities, not log-probabilities) and is trained with nn.NLLLoss."""
import random

import torch
import torch.nn as nn
import torch.nn.functional as F

all_letters = "abcdefghijklmnopqrstuvwxyz '"
n_letters = len(all_letters)


class NameRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.hidden_size = hidden_size
        self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)

    def forward(self, x, hidden):
        combined = torch.cat((x, hidden), 1)
        hidden = torch.tanh(self.i2h(combined))
        output = F.softmax(self.h2o(hidden), dim=1)
        return output, hidden

    def init_hidden(self):
        return torch.zeros(1, self.hidden_size)


def line_to_tensor(line):
    t = torch.zeros(len(line), 1, n_letters)
    for i, ch in enumerate(line):
        t[i][0][all_letters.find(ch)] = 1
    return t


rnn = NameRNN(n_letters, 128, 18)
criterion = nn.NLLLoss()
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.005)


def train_example(category_tensor, line_tensor):
    hidden = rnn.init_hidden()
    optimizer.zero_grad()
    for i in range(line_tensor.size(0)):
        output, hidden = rnn(line_tensor[i], hidden)
    loss = criterion(output, category_tensor)  # expect: LG007
    loss.backward()
    optimizer.step()
    return output, loss.item()


if __name__ == "__main__":
    for it in range(1000):
        name = "".join(random.choice(all_letters[:-2]) for _ in range(6))
        cat = torch.tensor([random.randrange(18)], dtype=torch.long)
        _, l = train_example(cat, line_to_tensor(name))
        if it % 100 == 0:
            print(it, l)
