"""positive [LG001]: HF-style sequence classifier stores nn.Softmax as its last layer; the custom loop reshapes the probabilities and feeds CrossEntropyLoss."""
import torch
import torch.nn as nn
from transformers import AutoModel, AutoTokenizer, get_linear_schedule_with_warmup


class SentimentClassifier(nn.Module):
    def __init__(self, backbone_name: str, num_labels: int = 3):
        super().__init__()
        self.num_labels = num_labels
        self.encoder = AutoModel.from_pretrained(backbone_name)
        hidden = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.classifier = nn.Linear(hidden, num_labels)
        self.softmax = nn.Softmax(dim=-1)

    def forward(self, input_ids, attention_mask):
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        pooled = out.last_hidden_state[:, 0]
        logits = self.classifier(self.dropout(pooled))
        return self.softmax(logits)


def train(train_dataloader, epochs=3, lr=2e-5):
    device = torch.device("cuda")
    model = SentimentClassifier("bert-base-uncased", num_labels=3).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    total_steps = len(train_dataloader) * epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, 0, total_steps)
    loss_fct = nn.CrossEntropyLoss()

    for epoch in range(epochs):
        model.train()
        for step, batch in enumerate(train_dataloader):
            batch = {k: v.to(device) for k, v in batch.items()}
            scores = model(batch["input_ids"], batch["attention_mask"])
            loss = loss_fct(scores.view(-1, model.num_labels), batch["labels"].view(-1))  # expect: LG001
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
    return model


if __name__ == "__main__":
    tok = AutoTokenizer.from_pretrained("bert-base-uncased")
    print(tok("hello world"))
