"""look-alike [LG011, LG001]: a user-defined numpy `softmax(z)` (no dim parameter) used to post-process exported ONNX logits, next to a torch model trained with CrossEntropy on logits."""
import numpy as np
import onnxruntime as ort
import torch
import torch.nn as nn


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def finetune(model: nn.Module, loader, opt):
    crit = nn.CrossEntropyLoss()
    for xb, yb in loader:
        loss = crit(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()


def score_onnx(path, batch: np.ndarray, labels: np.ndarray):
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    logits = sess.run(None, {"input": batch})[0]
    probs = softmax(logits)
    nll = -log_softmax(logits)[np.arange(len(labels)), labels].mean()
    return probs.argmax(-1), float(nll), torch.from_numpy(probs)
