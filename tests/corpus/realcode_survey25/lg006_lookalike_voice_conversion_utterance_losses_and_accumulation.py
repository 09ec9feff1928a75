"""look-alike [LG006, LG014, LG017]: a voice-conversion trainer averages a list of per-utterance losses in one batch, accumulates `loss.item()` over its gradient-accumulation steps, then steps and clears; validation sums `loss.item()` under no_grad."""

# Source: yistLin/FragmentVC@79cc2ce train.py (re-typed, renamed, cut to the batch, the validation and the step)
import torch


def batch_loss(batch, model, criterion, device):
    srcs, src_masks, tgts, tgt_masks, overlap_lens = [t.to(device) if torch.is_tensor(t) else t for t in batch]
    outs, _ = model(srcs, tgts, src_masks=src_masks, ref_masks=tgt_masks)
    losses = []
    for out, tgt, overlap in zip(outs.unbind(), tgts.unbind(), overlap_lens):
        loss = criterion(out[:, :overlap], tgt[:, :overlap])
        losses.append(loss)
    return sum(losses) / len(losses)


def validate(loader, model, criterion, device):
    model.eval()
    running = 0.0
    for batch in loader:
        with torch.no_grad():
            loss = batch_loss(batch, model, criterion, device)
            running += loss.item()
    model.train()
    return running / len(loader)


def train(model, criterion, optimizer, scheduler, train_loader, valid_loader, total_steps, accu_steps, valid_steps, device):
    iterator = iter(train_loader)
    for step in range(total_steps):
        total = 0.0
        for _ in range(accu_steps):
            try:
                batch = next(iterator)
            except StopIteration:
                iterator = iter(train_loader)
                batch = next(iterator)
            loss = batch_loss(batch, model, criterion, device)
            loss = loss / accu_steps
            total += loss.item()
            loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        if (step + 1) % valid_steps == 0:
            print(step, total, validate(valid_loader, model, criterion, device))
