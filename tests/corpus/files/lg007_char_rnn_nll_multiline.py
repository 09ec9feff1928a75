"""positive [LG007]: char-RNN: self.i2o = nn.Linear output into nn.NLLLoss, criterion stored on self, multi-line call."""
import torch
import torch.nn as nn


class CharRNN(nn.Module):
    def __init__(self, n_letters, n_hidden, n_categories):
        super().__init__()
        self.hidden_size = n_hidden
        self.i2h = nn.Linear(n_letters + n_hidden, n_hidden)
        self.i2o = nn.Linear(n_letters + n_hidden, n_categories)

    def forward(self, x, hidden):
        combined = torch.cat((x, hidden), 1)
        return self.i2o(combined), torch.tanh(self.i2h(combined))


class Trainer:
    def __init__(self, model, lr=0.005):
        self.model = model
        self.criterion = nn.NLLLoss()
        self.lr = lr

    def train_example(self, category_tensor, line_tensor):
        hidden = torch.zeros(1, self.model.hidden_size)
        self.model.zero_grad()
        for i in range(line_tensor.size(0)):
            output, hidden = self.model(line_tensor[i], hidden)
        loss = self.criterion(
            output,  # expect: LG007
            category_tensor,
        )
        loss.backward()
        for p in self.model.parameters():
            p.data.add_(p.grad.data, alpha=-self.lr)
        return loss.item()
