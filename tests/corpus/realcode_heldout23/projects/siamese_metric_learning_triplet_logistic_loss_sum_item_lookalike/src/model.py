"""part of look-alike project [LG006, LG014, LG015]: a metric-learning model over triplet comparisons: the logistic and hinge criteria are nn.Modules returning the elementwise loss; learn_triplet reduces it with .sum() before backward, steps SGD, zeroes the gradients after every step and returns loss.item()."""
# Source: jackhwolf/metric-learning-siamese-nn at caf63a13 (read as is), src/model.py;
# re-typed, identifiers renamed; describe() cut.
import numpy as np
import torch
from torch.autograd import Variable

from noise import Noise


class LogisticLoss(torch.nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, output, target):
        return torch.log(1 + torch.exp(-1 * target * output))


class HingeLoss(torch.nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, output, target):
        h = 1 - torch.mul(output, target)
        h[h < 0] = 0
        return h


class Model:
    def __init__(self, P, D, lr=1e-3, wd=1e-5, epochs=100, criterion="logisticloss"):
        self.P = int(P)
        self.D = int(D)
        self.lr, self.wd, self.epochs = (float(lr), float(wd), int(epochs))
        self.criterion = LogisticLoss() if criterion == "logisticloss" else HingeLoss()
        self.x_hat = self.to_var((torch.rand((1, self.P)) * 2) - 1)
        self.l_hat = self.to_var((torch.rand((self.P, self.D)) * 2) - 1)
        self.optimizer = torch.optim.SGD([self.x_hat, self.l_hat], lr=self.lr, weight_decay=self.wd)

    def learn_triplet(self, point_i, point_j, noisy_label, epochs=None):
        if epochs is None:
            epochs = self.epochs
        noisy_label = self.to_var(noisy_label, False)
        for i in range(epochs):
            distance = self.forward(point_i, point_j)
            loss = self.criterion(distance, noisy_label).sum()
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
        return loss.item()

    def predict_triplet(self, point_i, point_j):
        with torch.no_grad():
            dist = self.forward(point_i, point_j)
        dist = dist.detach().numpy().item()
        mu_pred, true_pred, noisy_pred = Noise(dist)
        return {"distance": dist, "mu": mu_pred, "true": true_pred, "noisy": noisy_pred}

    def forward(self, point_i, point_j):
        point_i, point_j = self.to_var(point_i), self.to_var(point_j)
        return (self.forward_one(point_i) - self.forward_one(point_j)).reshape(-1)

    def forward_one(self, point):
        transformed = point.matmul(self.l_hat)
        distance = transformed - self.x_hat.matmul(self.l_hat)
        return distance.pow(2).sum()

    def to_var(self, foo, rg=True):
        if not isinstance(foo, (list, np.ndarray, torch.Tensor)):
            foo = np.array([foo])
        return Variable(torch.FloatTensor(foo), requires_grad=rg)
