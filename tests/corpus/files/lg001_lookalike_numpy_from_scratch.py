"""look-alike [LG001, LG011]: numpy from-scratch softmax regression: softmax() then cross_entropy() on probabilities is correct."""
import numpy as np


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(probs, y):
    n = y.shape[0]
    return -np.log(probs[np.arange(n), y] + 1e-12).mean()


def train(X, y, n_classes, lr=0.5, epochs=200):
    n, d = X.shape
    W = np.zeros((d, n_classes))
    b = np.zeros(n_classes)
    losses = []
    for epoch in range(epochs):
        probs = softmax(X @ W + b)
        loss = cross_entropy(probs, y)
        losses.append(loss)
        grad = probs.copy()
        grad[np.arange(n), y] -= 1
        grad /= n
        W -= lr * X.T @ grad
        b -= lr * grad.sum(axis=0)
    return W, b, losses


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.normal(size=(600, 4))
    y = rng.integers(0, 3, size=600)
    W, b, hist = train(X, y, 3)
    print(hist[-1])
