"""part of positive project [LG005]: the shared fine-tuning helpers: a batch loader that slices the 1-d target tensor, and a training step that calls the model with (src, tgt, seg)."""

# Source: dbiir/UER-py@0a41dc3402 finetune/run_classifier.py, fixed in 2b0ba3fe5a (cut, renamed)
import torch


def batch_loader(batch_size, src, tgt, seg):
    instances_num = src.size()[0]
    for i in range(instances_num // batch_size):
        src_batch = src[i * batch_size : (i + 1) * batch_size, :]
        tgt_batch = tgt[i * batch_size : (i + 1) * batch_size]
        seg_batch = seg[i * batch_size : (i + 1) * batch_size, :]
        yield src_batch, tgt_batch, seg_batch
    if instances_num > instances_num // batch_size * batch_size:
        src_batch = src[instances_num // batch_size * batch_size :, :]
        tgt_batch = tgt[instances_num // batch_size * batch_size :]
        seg_batch = seg[instances_num // batch_size * batch_size :, :]
        yield src_batch, tgt_batch, seg_batch


def train_model(args, model, optimizer, scheduler, src_batch, tgt_batch, seg_batch):
    model.zero_grad()
    src_batch = src_batch.to(args.device)
    tgt_batch = tgt_batch.to(args.device)
    seg_batch = seg_batch.to(args.device)
    loss, _ = model(src_batch, tgt_batch, seg_batch)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss
