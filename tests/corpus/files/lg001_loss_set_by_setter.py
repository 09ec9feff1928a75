"""positive [LG001]: the criterion is attached after construction with `model.add_loss_op(nn.CrossEntropyLoss())` and used in `compute_loss` on the softmax output of forward."""
import torch
import torch.nn as nn


class TextClassifier(nn.Module):
    def __init__(self, vocab, n_classes):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, 128)
        self.out = nn.Linear(128, n_classes)
        self.softmax = nn.Softmax(dim=1)

    def add_loss_op(self, loss_op):
        self.loss_op = loss_op

    def forward(self, tokens, offsets):
        return self.softmax(self.out(self.emb(tokens, offsets)))

    def compute_loss(self, tokens, offsets, labels):
        return self.loss_op(self(tokens, offsets), labels)  # expect: LG001


model = TextClassifier(20000, 4)
model.add_loss_op(nn.CrossEntropyLoss())
optimizer = torch.optim.SGD(model.parameters(), lr=4.0)
for labels, tokens, offsets in loader:
    optimizer.zero_grad()
    loss = model.compute_loss(tokens, offsets, labels)
    loss.backward()
    optimizer.step()
