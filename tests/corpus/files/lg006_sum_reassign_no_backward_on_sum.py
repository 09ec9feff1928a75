"""positive [LG006]: `running = running + loss` with backward() on each step's loss; the running sum keeps every graph."""
import torch
import torch.nn.functional as F


def train_epoch(model, loader, optimizer):
    model.train()
    running = torch.zeros(())
    for step, (tokens, labels) in enumerate(loader):
        optimizer.zero_grad()
        logits = model(tokens)
        loss = F.cross_entropy(logits, labels)
        loss.backward()
        optimizer.step()
        running = running + loss  # expect: LG006
        if step % 100 == 99:
            print(f"step {step + 1}: avg loss {(running / (step + 1)).item():.4f}")
    return running / len(loader)
