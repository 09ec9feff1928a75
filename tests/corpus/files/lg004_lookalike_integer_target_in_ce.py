"""look-alike [LG004, LG013]: torch.randint targets are integer, but they go to CrossEntropyLoss (correct), not to a BCE loss."""
import torch
import torch.nn as nn

vocab, n_classes = 5000, 6
model = nn.Sequential(nn.EmbeddingBag(vocab, 64), nn.ReLU(), nn.Linear(64, n_classes))
ce = nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(300):
    ids = torch.randint(0, vocab, (32, 40))
    labels = torch.randint(0, n_classes, (32,))
    opt.zero_grad()
    logits = model(ids)
    loss = ce(logits, labels)
    loss.backward()
    opt.step()
    binary_pred = (logits.argmax(1) == labels).long()
    if step % 50 == 0:
        print(step, loss.item(), binary_pred.float().mean().item())
