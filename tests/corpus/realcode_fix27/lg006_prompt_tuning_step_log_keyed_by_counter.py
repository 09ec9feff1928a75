"""positive [LG006]: a prompt-tuning trainer logs each step's loss into a dict keyed by a step counter it adds one to in the batch loop, `step_loss_log[step_count] = loss`: every key is new, so the dict keeps the loss tensor and its graph of every step of the epoch until the log is written out after the loop (the fix stores `loss.detach().float().item()`)."""

# Source: caikit/caikit-nlp@bb025058be caikit_nlp/modules/text_generation/peft_prompt_tuning.py, fixed in c2610428a6 ("Fix loss tensor to float conversion", pull request #258) (cut, renamed)
from datetime import datetime

import torch
from accelerate import Accelerator
from tqdm import tqdm


def train_prompt(model, optimizer, lr_scheduler, train_dataloader, num_epochs, accumulate_steps=1):
    accelerator = Accelerator(gradient_accumulation_steps=accumulate_steps, device_placement=True)
    model, optimizer, train_dataloader, lr_scheduler = accelerator.prepare(model, optimizer, train_dataloader, lr_scheduler)
    loss_history = []
    step_count = 1
    for epoch in range(num_epochs):
        step_loss_log = {}
        model.train()
        total_loss = 0
        for batch in tqdm(train_dataloader):
            with accelerator.accumulate(model):
                outputs = model(**batch)
                loss = outputs.loss
                total_loss += loss.detach().float()
                accelerator.backward(loss)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
                step_loss_log[step_count] = loss  # expect: LG006
                step_count += 1
        print("epoch", epoch, float(loss))
        for step, loss_val in step_loss_log.items():
            loss_history.append({"epoch": epoch, "step": step, "value": float(loss_val), "timestamp": datetime.now().isoformat()})
    return {"loss": loss_history}
