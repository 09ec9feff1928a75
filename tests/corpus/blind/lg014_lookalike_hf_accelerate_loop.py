"""look-alike [LG014, LG006]: HF/accelerate loop: outputs.loss backward, step, scheduler, zero_grad at the end of the step; total_loss accumulates loss.detach().float()."""
import math

import torch
from accelerate import Accelerator
from transformers import AutoModelForSequenceClassification, get_scheduler


def main(train_dataloader, eval_dataloader, num_epochs=3):
    accelerator = Accelerator(mixed_precision="fp16")
    model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    num_training_steps = num_epochs * len(train_dataloader)
    lr_scheduler = get_scheduler("linear", optimizer=optimizer, num_warmup_steps=0, num_training_steps=num_training_steps)
    model, optimizer, train_dataloader, eval_dataloader, lr_scheduler = accelerator.prepare(
        model, optimizer, train_dataloader, eval_dataloader, lr_scheduler
    )
    for epoch in range(num_epochs):
        model.train()
        total_loss = 0
        for step, batch in enumerate(train_dataloader):
            outputs = model(**batch)
            loss = outputs.loss
            total_loss += loss.detach().float()
            accelerator.backward(loss)
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()

        model.eval()
        losses = []
        for batch in eval_dataloader:
            with torch.no_grad():
                outputs = model(**batch)
            losses.append(accelerator.gather_for_metrics(outputs.loss.repeat(batch["input_ids"].shape[0])))
        eval_loss = torch.mean(torch.cat(losses))
        perplexity = math.exp(eval_loss)
        accelerator.print(f"epoch {epoch}: train {total_loss.item() / len(train_dataloader):.4f} eval ppl {perplexity:.2f}")
