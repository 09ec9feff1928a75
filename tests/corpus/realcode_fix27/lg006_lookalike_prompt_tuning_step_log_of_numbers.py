"""look-alike [LG006]: the same prompt-tuning trainer after the fix: each step's loss is turned into a Python number first, and the dict keyed by the step counter keeps numbers."""

# Source: caikit/caikit-nlp@c2610428a6 caikit_nlp/modules/text_generation/peft_prompt_tuning.py (cut, renamed)
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
                loss_float = loss.detach().float().item()
                total_loss += loss_float
                accelerator.backward(loss)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
                step_loss_log[step_count] = loss_float
                step_count += 1
        print("epoch", epoch, loss_float)
        for step, loss_val in step_loss_log.items():
            loss_history.append({"epoch": epoch, "step": step, "value": loss_val, "timestamp": datetime.now().isoformat()})
    return {"loss": loss_history}
