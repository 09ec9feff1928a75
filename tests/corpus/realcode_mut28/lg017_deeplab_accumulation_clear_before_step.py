"""positive [LG017]: a segmentation training loop accumulates gradients over several batches, steps its scheduler every batch, and under the update's test clears the gradients right before the step: every update applies nothing."""

# Source: dagaji/deeplabv3-pytorch@2e4bfaeceb train.py (train); re-typed, identifiers renamed; the batch-norm
# freezing, the model building and the logging cut
# Mutation: the two calls under `if it > 0 and it % accum == 0:` swapped (`optimizer.zero_grad()` before `optimizer.step()`)
import torch
from tqdm import tqdm


def train(net, loader, criterion, optimizer, scheduler, cfg):
    net.train()
    accum = cfg["iter_size"]
    optimizer.zero_grad()
    for it, batch in tqdm(enumerate(loader), total=len(loader)):
        with torch.set_grad_enabled(True):
            out = net(batch)
            aux = 0.0
            if "aux" in out:
                aux = criterion(out["aux"], batch)
            loss = (criterion(out["out"], batch) + 0.4 * aux) / accum
            loss.backward()
            scheduler.step()
            if it > 0 and it % accum == 0:
                optimizer.zero_grad()  # expect: LG017
                optimizer.step()
