"""look-alike [LG001, LG006]: HF model `outputs.logits` into F.cross_entropy; softmax only for logging; `.item()` accumulation."""
import torch
import torch.nn.functional as F
from transformers import AutoModelForSequenceClassification, AutoTokenizer

model_name = "distilbert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(model_name)
model = AutoModelForSequenceClassification.from_pretrained(model_name, num_labels=2)
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model.to(device)


def train(dataloader, epochs=2):
    for epoch in range(epochs):
        model.train()
        epoch_loss = 0.0
        for batch in dataloader:
            batch = {k: v.to(device) for k, v in batch.items()}
            labels = batch.pop("labels")
            outputs = model(**batch)
            loss = F.cross_entropy(outputs.logits, labels)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            epoch_loss += loss.item()
            probs = outputs.logits.softmax(dim=-1)
            pos_conf = probs[:, 1].mean().item()
        print(f"epoch {epoch}: loss={epoch_loss / len(dataloader):.4f} last pos conf={pos_conf:.3f}")
