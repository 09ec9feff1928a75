"""positive [LG002]: the BERT fine-tuning loop, made binary with one output, gives nn.BCELoss the classifier's raw logit."""

# Source: martinyanev94/zig-containers-essentials@c319dd014a Lesson_40_Advanced_Techniques_in_Text_Based_Embeddings/part_2_train_bert_classifier.py
# (a BERT fine-tuning loop; re-typed into a function, the imports the snippet leaves out added)
# Mutation: num_labels=2 with labels= became num_labels=1 and nn.BCELoss() on outputs.logits
import torch
import torch.nn as nn
from transformers import BertForSequenceClassification


def fine_tune(train_loader, epochs=3):
    model = BertForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    criterion = nn.BCELoss()
    model.train()
    for epoch in range(epochs):
        for batch in train_loader:
            optimizer.zero_grad()
            ids, mask, labels = batch["input_ids"], batch["attention_mask"], batch["label"]
            outputs = model(ids, attention_mask=mask)
            loss = criterion(outputs.logits.squeeze(-1), labels.float())  # expect: LG002
            loss.backward()
            optimizer.step()
            print(f"Epoch: {epoch}, Loss: {loss.item()}")
    return model
