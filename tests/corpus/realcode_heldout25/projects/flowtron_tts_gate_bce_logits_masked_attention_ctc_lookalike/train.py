"""part of look-alike project [LG003, LG006, LG012, LG014, LG015]: the training loop calls model.zero_grad() at the top of every batch, sums the flow, gate and (after a start iteration) weighted CTC terms under autocast, logs loss.item() values, and steps through a GradScaler; validation sums .item() values under torch.no_grad."""
# Source: NVIDIA/flowtron at d149bc46 (read as is), train.py; re-typed, identifiers renamed; distributed reduction, checkpointing, tensorboard
# attention images and the learning-rate override shortened.
import torch
from torch.cuda import amp

from flowtron import FlowLoss


def compute_validation_loss(model, criterion, val_loader):
    model.eval()
    with torch.no_grad():
        val_loss, n_batches = 0.0, 0
        for (mel, spk_ids, txt, in_lens, out_lens, gate_target, attn_prior) in val_loader:
            out = model(mel.cuda(), spk_ids.cuda(), txt.cuda(), in_lens.cuda(), out_lens.cuda(), attn_prior)
            loss_nll, loss_gate, loss_ctc = criterion(out, gate_target.cuda(), in_lens, out_lens, is_validation=True)
            val_loss += (loss_nll + loss_gate).item()
            n_batches += 1
    model.train()
    return val_loss / n_batches


def train(model, train_loader, val_loader, epochs, learning_rate, sigma, gate_loss, fp16_run, use_ctc_loss,
          ctc_loss_weight, ctc_loss_start_iter, grad_clip_val):
    criterion = FlowLoss(sigma, gate_loss, bool(use_ctc_loss), ctc_loss_weight)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=1e-6)
    scaler = amp.GradScaler(enabled=fp16_run)
    iteration = 0
    apply_ctc = False
    model.train()
    for epoch in range(epochs):
        for batch in train_loader:
            model.zero_grad()
            (mel, spk_ids, txt, in_lens, out_lens, gate_target, attn_prior) = batch
            mel, spk_ids, txt = mel.cuda(), spk_ids.cuda(), txt.cuda()
            in_lens, out_lens, gate_target = in_lens.cuda(), out_lens.cuda(), gate_target.cuda()
            if use_ctc_loss and iteration >= ctc_loss_start_iter:
                apply_ctc = True
            with amp.autocast(enabled=fp16_run):
                out = model(mel, spk_ids, txt, in_lens, out_lens, attn_prior)
                loss_nll, loss_gate, loss_ctc = criterion(out, gate_target, in_lens, out_lens, is_validation=False)
                loss = loss_nll + loss_gate
                if apply_ctc:
                    loss += loss_ctc * criterion.ctc_loss_weight
            reduced_loss = loss.item()
            reduced_gate_loss = loss_gate.item()
            scaler.scale(loss).backward()
            if grad_clip_val > 0:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip_val)
            scaler.step(optimizer)
            scaler.update()
            print("{}:\t{:.9f}\t{:.6f}".format(iteration, reduced_loss, reduced_gate_loss), flush=True)
            iteration += 1
        print("validation loss", compute_validation_loss(model, criterion, val_loader))
