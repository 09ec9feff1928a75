"""look-alike [LG003, LG006, LG014]: HF model `outputs.logits` into F.binary_cross_entropy_with_logits; sigmoid on a detached copy for logging."""
import torch
import torch.nn.functional as F
from transformers import AutoModelForSequenceClassification

model = AutoModelForSequenceClassification.from_pretrained(
    "roberta-base", num_labels=28, problem_type="multi_label_classification"
)
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5, weight_decay=0.01)


def train(loader, epochs=3, accumulation_steps=4):
    model.train()
    for epoch in range(epochs):
        history = []
        for step, batch in enumerate(loader):
            outputs = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
            loss = F.binary_cross_entropy_with_logits(outputs.logits, batch["labels"].float())
            (loss / accumulation_steps).backward()
            if (step + 1) % accumulation_steps == 0:
                optimizer.step()
                optimizer.zero_grad()
            history.append(loss.detach())
            probs = outputs.logits.detach().sigmoid()
            if step % 200 == 0:
                print(epoch, step, torch.stack(history).mean().item(), (probs > 0.5).float().mean().item())
