"""part of positive project [LG001, LG014]: the training script backpropagates the model's loss, clips and steps BertAdam every batch without ever clearing the gradients."""
# Source: shawroad/NLP_pytorch_project at 1272fed2 (read as is; the files date from d6296bb "Bert_Softmax_Ner"), NER/Bert_Softmax_Ner/train.py; re-typed, identifiers renamed; commented-out prints cut.
import numpy as np
import torch
from pytorch_pretrained_bert import BertAdam
from torch import nn

from config import Config
from data_loader import DataLoader
from model import BertTokenTagger


def evaluate(model, val_data):
    model.eval()
    val_size = val_data["size"]
    val_iter = val_size // Config.batch_size - 1
    val_data_iterator = data_loader.data_iterator(val_data, shuffle=True)
    losses = []
    with torch.no_grad():
        for i in range(val_iter):
            batch_data, batch_tags = next(val_data_iterator)
            batch_masks = batch_data.gt(0)
            loss = model(batch_data, token_type_ids=None, attention_mask=batch_masks, labels=batch_tags)
            losses.append(loss.item())
    return np.mean(losses)


if __name__ == "__main__":
    data_loader = DataLoader()
    train_data = data_loader.load_data("train")
    val_data = data_loader.load_data("val")
    train_size = train_data["size"]

    model = BertTokenTagger()
    model.to(Config.device)

    param_optimizer = list(model.named_parameters())
    no_decay = ["bias", "LayerNorm.bias", "LayerNorm.weight"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], "weight_decay": 0.0}]
    train_iter = train_size // Config.batch_size - 1
    optimizer = BertAdam(optimizer_grouped_parameters, lr=Config.learning_rate, warmup=0.05,
                         t_total=train_iter * Config.epoch_num)

    model.train()
    model.to(Config.device)
    best_loss = float("inf")
    for epoch in range(1, Config.epoch_num + 1):
        print("Epoch {}/{}".format(epoch, Config.epoch_num))
        train_data_iterator = data_loader.data_iterator(train_data, shuffle=True)
        for i in range(train_iter):
            batch_data, batch_tags = next(train_data_iterator)
            batch_masks = batch_data.gt(0)
            loss = model(batch_data, token_type_ids=None, attention_mask=batch_masks, labels=batch_tags)
            print("Epoch:{}, step:{}, loss:{}".format(epoch, i, loss))
            loss.backward()
            nn.utils.clip_grad_norm_(parameters=model.parameters(), max_norm=Config.clip_grad)
            optimizer.step()  # expect: LG014
        if epoch % 10 == 0:
            val_loss = evaluate(model, val_data)
            if val_loss < best_loss:
                best_loss = val_loss
                torch.save(model.state_dict(), "./save_model/" + "best_model.bin")
                model.train()
