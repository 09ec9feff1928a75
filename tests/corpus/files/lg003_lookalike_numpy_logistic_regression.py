"""look-alike [LG003, LG002, LG016]: numpy logistic regression: sigmoid() then a hand-written binary cross-entropy on probabilities."""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def binary_cross_entropy_with_logits(z, y):
    """Stable BCE on logits, numpy version."""
    return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))


def bce(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def fit(X, y, lr=0.1, epochs=1000):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for epoch in range(epochs):
        z = X @ w + b
        p = sigmoid(z)
        loss = bce(p, y)
        history.append(loss)
        assert abs(loss - binary_cross_entropy_with_logits(z, y)) < 1e-6
        grad = p - y
        w -= lr * X.T @ grad / len(y)
        b -= lr * grad.mean()
    return w, b, history
