"""look-alike [LG008, LG009, LG014, LG015]: a small-LLM distillation script: F.kl_div of student log_softmax against teacher softmax with a reduction parameter defaulting to 'batchmean', a token-level F.cross_entropy(reduction='none') masked and divided down to a scalar before backward, HF-style .logits, and AMP gradient accumulation clearing after each scaler step."""
# Source: jingyaogong/minimind@d65ef2c00ebc6082f9df11541e1b191655eddb00 trainer/train_distillation.py (read as is; re-typed, identifiers renamed, cut at function boundaries: the argument parsing, distributed set-up and checkpointing of the main block left out, the logging shortened)
import time

import torch
import torch.nn.functional as F


def distill_kl(student_logits, teacher_logits, temperature=1.0, reduction='batchmean'):
    with torch.no_grad():
        teacher_probs = F.softmax(teacher_logits / temperature, dim=-1).detach()
    student_log_probs = F.log_softmax(student_logits / temperature, dim=-1)
    kl = F.kl_div(
        student_log_probs,
        teacher_probs,
        reduction=reduction
    )
    return (temperature ** 2) * kl


def train_epoch(epoch, loader, iters, teacher, student_cfg, start_step=0, wandb=None, alpha=0.0, temperature=1.0):
    start_time = time.time()
    if teacher is not None:
        teacher.eval()
        teacher.requires_grad_(False)
    for step, (input_ids, labels) in enumerate(loader, start=start_step + 1):
        input_ids = input_ids.to(args.device)
        labels = labels.to(args.device)
        loss_mask = (labels[..., 1:] != -100).float()
        lr = get_lr(epoch * iters + step, args.epochs * iters, args.learning_rate)
        for group in optimizer.param_groups:
            group['lr'] = lr

        with autocast_ctx:
            res = model(input_ids)
            student_logits = res.logits[..., :-1, :].contiguous()
        if teacher is not None:
            with torch.no_grad():
                teacher_logits = teacher(input_ids).logits[..., :-1, :].contiguous()
                vocab = student_logits.size(-1)
                teacher_logits = teacher_logits[..., :vocab]

        shift_labels = labels[..., 1:].contiguous()
        mask_flat = loss_mask.view(-1)
        ce = F.cross_entropy(
            student_logits.view(-1, student_logits.size(-1)),
            shift_labels.view(-1),
            ignore_index=-100,
            reduction='none'
        )
        ce_raw = torch.sum(ce * mask_flat) / (mask_flat.sum() + 1e-8)
        if student_cfg.use_moe:
            ce = ce_raw + res.aux_loss
        else:
            ce = ce_raw

        if teacher is not None:
            kd = distill_kl(
                student_logits.view(-1, student_logits.size(-1))[mask_flat == 1],
                teacher_logits.view(-1, teacher_logits.size(-1))[mask_flat == 1],
                temperature=temperature
            )
        else:
            kd = torch.tensor(0.0, device=args.device)

        loss = (alpha * ce + (1 - alpha) * kd) / args.accumulation_steps
        scaler.scale(loss).backward()
        if step % args.accumulation_steps == 0:
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)

        if step % args.log_interval == 0 or step == iters:
            spent = time.time() - start_time
            current_loss = loss.item() * args.accumulation_steps
            current_ce = ce_raw.item()
            eta_min = spent / max(step - start_step, 1) * (iters - step) // 60
            Logger(f'Epoch:[{epoch + 1}/{args.epochs}]({step}/{iters}), loss: {current_loss:.4f}, ce: {current_ce:.4f}, '
                   f'distill: {kd.item():.4f}, epoch_time: {eta_min:.3f}min')
            if wandb:
                wandb.log({"loss": current_loss, "ce_loss": current_ce, "distill_loss": kd.item()})
