"""look-alike [LG015, LG006]: causal-LM fine-tuning with reduction='none' token losses, masked and normalised by the number of target tokens before backward."""
import torch
import torch.nn as nn


def sft_epoch(model, loader, optimizer, scheduler, device="cuda"):
    token_ce = nn.CrossEntropyLoss(reduction="none")
    model.train()
    seen_tokens = 0
    for batch in loader:
        input_ids = batch["input_ids"].to(device)
        loss_mask = batch["loss_mask"].to(device)
        logits = model(input_ids=input_ids).logits[:, :-1]
        targets = input_ids[:, 1:]
        per_tok = token_ce(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
        per_tok = per_tok.view_as(targets) * loss_mask[:, 1:]
        n_tok = loss_mask[:, 1:].sum().clamp_min(1)
        loss = per_tok.sum() / n_tok
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        seen_tokens += int(n_tok)
    return seen_tokens
