"""part of positive project [LG001]: `from model import BertClassifier`; the training loop feeds the model's output to nn.CrossEntropyLoss."""
# Source: https://github.com/illiterate/BertClassifier train.py at 0b81c94329f0b465096bbd4d5c25a0b63c66439c; re-typed, names changed, reduced.
import torch
import torch.nn as nn
from model import BertClassifier
from torch.utils.data import DataLoader
from transformers import AdamW, BertConfig


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dataloader = DataLoader([], batch_size=4, shuffle=True)
    bert_config = BertConfig.from_pretrained("../chinese-bert_chinese_wwm_pytorch")
    bert_config.num_labels = 10
    model = BertClassifier(bert_config)
    model.to(device)
    optimizer = AdamW(model.parameters(), lr=5e-6)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(1, 11):
        losses = 0
        model.train()
        for batch_index, batch in enumerate(train_dataloader):
            input_ids = batch[0].to(device)
            attention_mask = batch[1].to(device)
            token_type_ids = batch[2].to(device)
            label_ids = batch[3].to(device)
            output = model(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=token_type_ids,
            )
            loss = criterion(output, label_ids)  # expect: LG001
            losses += loss.item()
            model.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
