"""look-alike [LG006, LG014]: the domain-adaptation trainer sums each loss term over the iter_size micro-batches of one step (graphs included), starts the sums afresh every step and turns them into numbers with .item() before stepping (the thread: "storing every state of loss"; the maintainer: freed before the next step)."""

# Source: https://github.com/JIA-Lab-research/DecoupleNet/issues/3 (the thread points at train_phase1.py#L550, #L569); dvlab-research/DecoupleNet@7b10e91 train_phase1.py (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


def train(backbone, classifier, disc, source_iter, target_iter, optimizer, optimizer_d, num_steps, iter_size, lambda_adv):
    seg_loss = nn.CrossEntropyLoss(ignore_index=255)
    bce_loss = nn.BCEWithLogitsLoss()
    scaler = torch.cuda.amp.GradScaler()
    for step in range(num_steps):
        seg_value = 0
        adv_value = 0
        disc_value = 0
        optimizer.zero_grad()
        optimizer_d.zero_grad()
        for _ in range(iter_size):
            for p in disc.parameters():
                p.requires_grad = False
            images, labels = next(source_iter)
            with torch.cuda.amp.autocast():
                pred = classifier(backbone(images))
                loss_seg = seg_loss(pred, labels)
                loss = loss_seg / iter_size
                seg_value += loss_seg / iter_size
            scaler.scale(loss).backward()
            images_t = next(target_iter)
            with torch.cuda.amp.autocast():
                pred_t = classifier(backbone(images_t))
                d_out = disc(F.softmax(pred_t, 1))
                loss_adv = lambda_adv * bce_loss(d_out, torch.full_like(d_out, 0.0))
                loss = loss_adv / iter_size
                adv_value += loss_adv / iter_size
            scaler.scale(loss).backward()
            for p in disc.parameters():
                p.requires_grad = True
            with torch.cuda.amp.autocast():
                d_src = disc(F.softmax(pred.detach(), 1))
                d_tgt = disc(F.softmax(pred_t.detach(), 1))
                loss_d = 0.5 * (bce_loss(d_src, torch.full_like(d_src, 0.0)) + bce_loss(d_tgt, torch.full_like(d_tgt, 1.0))) / iter_size
                disc_value += loss_d
            scaler.scale(loss_d).backward()
        seg_value = seg_value.item()
        adv_value = adv_value.item()
        disc_value = disc_value.item()
        scaler.step(optimizer)
        scaler.step(optimizer_d)
        scaler.update()
        if step % 100 == 0:
            print(step, seg_value, adv_value, disc_value)
