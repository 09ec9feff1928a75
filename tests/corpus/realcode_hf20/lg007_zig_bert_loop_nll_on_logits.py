"""positive [LG007]: the BERT fine-tuning loop computes its own loss with nn.NLLLoss on the classifier's raw logits."""

# Source: martinyanev94/zig-containers-essentials@c319dd014a Lesson_40_Advanced_Techniques_in_Text_Based_Embeddings/part_2_train_bert_classifier.py
# (a BERT fine-tuning loop; re-typed into a function, the imports the snippet leaves out added)
# Mutation: model(..., labels=labels).loss became nn.NLLLoss() on outputs.logits
import torch
import torch.nn as nn
from transformers import BertForSequenceClassification


def fine_tune(train_loader, epochs=3):
    model = BertForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    criterion = nn.NLLLoss()
    model.train()
    for epoch in range(epochs):
        for batch in train_loader:
            optimizer.zero_grad()
            ids, mask, labels = batch["input_ids"], batch["attention_mask"], batch["label"]
            outputs = model(ids, attention_mask=mask)
            loss = criterion(outputs.logits, labels)  # expect: LG007
            loss.backward()
            optimizer.step()
            print(f"Epoch: {epoch}, Loss: {loss.item()}")
    return model
