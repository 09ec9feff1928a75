"""positive [LG002]: accelerate training loop; the model's forward ends in a Linear layer and its output goes straight into F.binary_cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from accelerate import Accelerator
from tqdm.auto import tqdm


class ToxicityHead(nn.Module):
    def __init__(self, encoder, hidden_size=768, n_labels=6):
        super().__init__()
        self.encoder = encoder
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(hidden_size, n_labels)

    def forward(self, input_ids, attention_mask):
        h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state[:, 0]
        return self.out(self.drop(h))


def train(encoder, train_dl, num_epochs=3):
    accelerator = Accelerator(mixed_precision="bf16", gradient_accumulation_steps=4)
    model = ToxicityHead(encoder)
    optim = torch.optim.AdamW(model.parameters(), lr=2e-5)
    model, optim, train_dl = accelerator.prepare(model, optim, train_dl)
    for epoch in range(num_epochs):
        model.train()
        for batch in tqdm(train_dl, disable=not accelerator.is_local_main_process):
            with accelerator.accumulate(model):
                scores = model(batch["input_ids"], batch["attention_mask"])
                loss = F.binary_cross_entropy(scores, batch["labels"].float())  # expect: LG002
                accelerator.backward(loss)
                optim.step()
                optim.zero_grad()
        accelerator.print(f"epoch {epoch} done, last loss {loss.item():.4f}")
