"""part of positive project [LG013]: the float labels reach NLLLoss through two helpers that take the loss as a parameter."""

# Source: syuoni/text-classification-pytorch@16751e5297 training.py (train_batch, train_batches, train_corpus, re-typed;
# evaluation and checkpointing cut)
import torch.nn as nn
import torch.optim as optim
from models import DocClassifier
from utils import cast_batch


def train_batch(classifier, batch, loss_func, optimizer):
    tokens, labels, lengths = cast_batch(batch, device=classifier.device)
    classifier.zero_grad()
    scores = classifier(tokens, lengths)
    loss = loss_func(scores, labels)  # expect: LG013
    loss.backward()
    nn.utils.clip_grad_norm_(classifier.parameters(), 1.0)
    optimizer.step()
    return loss.item()


def train_batches(classifier, batches, loss_func, optimizer):
    return [train_batch(classifier, batch, loss_func, optimizer) for batch in batches]


def train_corpus(corpus, vocab, n_cats, epochs):
    classifier = DocClassifier(vocab, 200, 200, n_cats)
    loss_func = nn.NLLLoss()
    optimizer = optim.Adadelta(classifier.parameters(), lr=1.0, rho=0.9)
    for _ in range(epochs):
        train_batches(classifier, corpus.batches(), loss_func, optimizer)
