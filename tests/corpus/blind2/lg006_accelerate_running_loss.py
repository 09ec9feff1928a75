"""positive [LG006]: an accelerate fine-tuning loop adds the loss tensor itself to `running_loss` every step, keeping each step's graph alive."""
import math

import torch
from accelerate import Accelerator
from transformers import get_cosine_schedule_with_warmup


def finetune(model, train_dataloader, epochs=3, lr=5e-5, log_every=50):
    accelerator = Accelerator(mixed_precision="fp16")
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    total_steps = epochs * len(train_dataloader)
    lr_scheduler = get_cosine_schedule_with_warmup(optimizer, int(0.06 * total_steps), total_steps)
    model, optimizer, train_dataloader, lr_scheduler = accelerator.prepare(
        model, optimizer, train_dataloader, lr_scheduler
    )
    loss_fct = torch.nn.CrossEntropyLoss(ignore_index=-100)
    global_step = 0
    for epoch in range(epochs):
        model.train()
        running_loss = 0.0
        for batch in train_dataloader:
            out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
            vocab = out.logits.size(-1)
            loss = loss_fct(out.logits[:, :-1].reshape(-1, vocab), batch["input_ids"][:, 1:].reshape(-1))
            accelerator.backward(loss)
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()
            running_loss += loss  # expect: LG006
            global_step += 1
            if global_step % log_every == 0:
                accelerator.print(f"step {global_step} last loss {loss.item():.4f}")
        avg = running_loss / len(train_dataloader)
        accelerator.print(f"epoch {epoch} loss {avg.item():.4f} ppl {math.exp(avg.item()):.2f}")
