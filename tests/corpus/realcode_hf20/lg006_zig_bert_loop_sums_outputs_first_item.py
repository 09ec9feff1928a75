"""positive [LG006]: a BERT fine-tuning loop passes labels, so outputs[0] is the loss with its graph, and sums it into the epoch total."""

# Source: martinyanev94/zig-containers-essentials@c319dd014a Lesson_40_Advanced_Techniques_in_Text_Based_Embeddings/part_2_train_bert_classifier.py
# (a BERT fine-tuning loop; re-typed into a function, the imports the snippet leaves out added)
# Mutation: print(loss.item()) became epoch_loss += outputs[0] (the tuple-style read of older examples)
import torch
from transformers import BertForSequenceClassification


def fine_tune(train_loader, epochs=3):
    model = BertForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    model.train()
    for epoch in range(epochs):
        epoch_loss = 0.0
        for batch in train_loader:
            optimizer.zero_grad()
            ids, mask, labels = batch["input_ids"], batch["attention_mask"], batch["label"]
            outputs = model(ids, attention_mask=mask, labels=labels)
            outputs.loss.backward()
            optimizer.step()
            epoch_loss += outputs[0]  # expect: LG006
        print(f"Epoch: {epoch}, Loss: {epoch_loss / len(train_loader)}")
    return model
