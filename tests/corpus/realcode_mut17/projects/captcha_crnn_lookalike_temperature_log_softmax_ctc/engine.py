"""part of look-alike project [LG012]: the epoch function feeds both heads to one module-level CTCLoss."""

# Source: KKaslana413/CAPTCHA-OCR-PyTorch@0eeabce635 engine.py (Train_Fn, re-typed; decoding and metrics cut)
import torch
import torch.nn as nn

ctc_loss = nn.CTCLoss(blank=0, zero_infinity=True)


def entropy_penalty(log_probs):
    probs = torch.exp(log_probs)
    return -(probs * torch.log(probs + 1e-8)).sum(dim=2).mean()


def train_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for images, labels in loader:
        images = images.to(device)
        main_pred, aux_pred = model(images)
        targets = torch.cat(labels)
        target_lengths = torch.tensor([len(t) for t in labels], dtype=torch.long)
        input_lengths = torch.full((images.size(0),), main_pred.size(0), dtype=torch.long)
        loss_main = ctc_loss(main_pred, targets, input_lengths, target_lengths)
        loss_aux = ctc_loss(aux_pred, targets, input_lengths, target_lengths)
        loss = loss_main + 0.3 * loss_aux - 0.01 * entropy_penalty(main_pred)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        total += loss.item()
    return total / len(loader)
