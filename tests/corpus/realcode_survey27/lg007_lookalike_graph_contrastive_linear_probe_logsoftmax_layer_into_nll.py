"""look-alike [LG007]: a graph contrastive library's linear probe keeps an nn.LogSoftmax layer in a local and applies it inside the NLLLoss call."""

# Source: PyGCL/PyGCL@0e1bacb GCL/eval/logistic_regression.py (re-typed, renamed, cut to the probe's training)
import torch
from sklearn.metrics import f1_score
from torch import nn
from torch.optim import Adam


class LinearProbe(nn.Module):
    def __init__(self, num_features, num_classes):
        super(LinearProbe, self).__init__()
        self.fc = nn.Linear(num_features, num_classes)
        torch.nn.init.xavier_uniform_(self.fc.weight.data)

    def forward(self, x):
        return self.fc(x)


class ProbeEvaluator:
    def __init__(self, num_epochs=5000, learning_rate=0.01, weight_decay=0.0, test_interval=20):
        self.num_epochs = num_epochs
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.test_interval = test_interval

    def evaluate(self, x, y, split):
        x = x.detach()
        num_classes = y.max().item() + 1
        probe = LinearProbe(x.size()[1], num_classes)
        optimizer = Adam(probe.parameters(), lr=self.learning_rate, weight_decay=self.weight_decay)
        to_log_probs = nn.LogSoftmax(dim=-1)
        criterion = nn.NLLLoss()
        best = 0.0
        for epoch in range(self.num_epochs):
            probe.train()
            optimizer.zero_grad()
            scores = probe(x[split["train"]])
            loss = criterion(to_log_probs(scores), y[split["train"]])
            loss.backward()
            optimizer.step()
            if (epoch + 1) % self.test_interval == 0:
                probe.eval()
                guess = probe(x[split["test"]]).argmax(-1).detach().cpu().numpy()
                best = max(best, f1_score(y[split["test"]].cpu().numpy(), guess, average="micro"))
        return best
