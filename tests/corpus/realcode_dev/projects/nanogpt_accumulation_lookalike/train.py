"""part of look-alike project [LG014, LG006]: module-level loop: gradients accumulate on purpose over gradient_accumulation_steps micro-steps (loss divided by the count, scaler.scale(loss).backward()), then scaler.step(optimizer) and optimizer.zero_grad(set_to_none=True); estimate_loss stores loss.item()."""
# Source: https://github.com/karpathy/nanoGPT train.py at 3adf61e154c3fe3fca428ad6bc3818b27a3b8291; re-typed,
# names changed, reduced. Correct code.
from contextlib import nullcontext

import torch
from model import GPT

gradient_accumulation_steps = 40
eval_iters = 200
max_iters = 600000
grad_clip = 1.0
ctx = nullcontext()
model = GPT(model_args)
scaler = torch.cuda.amp.GradScaler(enabled=False)
optimizer = torch.optim.AdamW(model.parameters(), lr=6e-4)


@torch.no_grad()
def estimate_loss():
    out = {}
    model.eval()
    for split in ["train", "val"]:
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            X, Y = get_batch(split)
            with ctx:
                logits, loss = model(X, Y)
            losses[k] = loss.item()
        out[split] = losses.mean()
    model.train()
    return out


X, Y = get_batch("train")
iter_num = 0
while True:
    for micro_step in range(gradient_accumulation_steps):
        with ctx:
            logits, loss = model(X, Y)
            loss = loss / gradient_accumulation_steps
        X, Y = get_batch("train")
        scaler.scale(loss).backward()
    if grad_clip != 0.0:
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    scaler.step(optimizer)
    scaler.update()
    optimizer.zero_grad(set_to_none=True)
    iter_num += 1
    if iter_num > max_iters:
        break
