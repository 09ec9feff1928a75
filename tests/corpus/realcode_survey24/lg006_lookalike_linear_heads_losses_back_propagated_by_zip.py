"""look-alike [LG006]: the linear probe of several classifier heads collects one loss per head in a list made afresh for each batch, then back-propagates each element in the next loop; the list holds the graphs those backward calls need, one batch at a time."""

# Source: bytedance/ibot@da316d8 analysis/linear_part/eval.py (re-typed, renamed, cut to the training epoch)
import torch
import torch.nn as nn


def train_heads(backbone, heads, optimizers, loader, topk):
    for images, target in loader:
        images, target = images.cuda(non_blocking=True), target.cuda(non_blocking=True)
        with torch.no_grad():
            tokens, attentions = backbone.intermediate_and_attention(images, 1)
            scores = attentions[:, :, 0, 1:].mean(1)
            pos = scores.topk(topk, dim=-1)[1]
            output = tokens[-1][:, 1:]
            output = torch.gather(output, 1, pos.unsqueeze(-1).repeat(1, 1, output.size(-1))).mean(1)
        losses = []
        for head in heads:
            pred = head(output)
            loss = nn.CrossEntropyLoss()(pred, target)
            losses.append(loss)
        for optimizer, loss in zip(optimizers, losses):
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        torch.cuda.synchronize()
        for group, (loss, optimizer) in enumerate(zip(losses, optimizers)):
            print(group, loss.item(), optimizer.param_groups[0]["lr"])
