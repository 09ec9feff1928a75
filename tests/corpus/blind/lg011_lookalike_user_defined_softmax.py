"""look-alike [LG011, LG001, LG007]: numpy-from-scratch course code defines its own softmax(x) and cross_entropy(); the names match torch's but nothing here is torch."""
import numpy as np


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(probs, y):
    n = y.shape[0]
    return -np.log(probs[np.arange(n), y] + 1e-12).mean()


def nll_loss(log_probs, y):
    return -log_probs[np.arange(y.shape[0]), y].mean()


class TwoLayerNet:
    def __init__(self, d_in, d_hidden, n_cls, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 0.01, (d_in, d_hidden))
        self.W2 = rng.normal(0, 0.01, (d_hidden, n_cls))

    def forward(self, X):
        self.h = np.maximum(0, X @ self.W1)
        return self.h @ self.W2

    def step(self, X, y, lr=0.1):
        scores = self.forward(X)
        probs = softmax(scores)
        loss = cross_entropy(probs, y)
        also = nll_loss(np.log(probs), y)
        dscores = probs.copy()
        dscores[np.arange(len(y)), y] -= 1
        dscores /= len(y)
        dW2 = self.h.T @ dscores
        dh = dscores @ self.W2.T
        dh[self.h <= 0] = 0
        dW1 = X.T @ dh
        self.W1 -= lr * dW1
        self.W2 -= lr * dW2
        return loss, also


if __name__ == "__main__":
    X = np.random.randn(64, 20)
    y = np.random.randint(0, 3, 64)
    net = TwoLayerNet(20, 32, 3)
    for it in range(100):
        print(net.step(X, y))
