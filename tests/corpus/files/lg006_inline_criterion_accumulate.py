"""positive [LG006]: the loss expression itself is accumulated: `sum_loss += F.l1_loss(...)` in an unpaired image-to-image loop."""
import torch
import torch.nn.functional as F


def train(gen, loader, optimizer, epochs=5):
    for epoch in range(epochs):
        sum_loss = 0
        for src, dst in loader:
            optimizer.zero_grad()
            fake = gen(src)
            l1 = F.l1_loss(fake, dst)
            l1.backward()
            optimizer.step()
            sum_loss += F.l1_loss(fake, dst)  # expect: LG006
        print(epoch, sum_loss / len(loader))
