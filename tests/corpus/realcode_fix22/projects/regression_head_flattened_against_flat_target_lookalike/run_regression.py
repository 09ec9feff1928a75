"""part of look-alike project [LG005]: the same regression head at the fix commit: MSELoss of logits.view(-1) against tgt.view(-1)."""

# Source: dbiir/UER-py@2b0ba3fe5a finetune/run_regression.py (the fix commit; cut, renamed)
import random

import torch
import torch.nn as nn

from run_classifier import batch_loader, train_model


class Regressor(nn.Module):
    def __init__(self, embedding, encoder, hidden_size):
        super(Regressor, self).__init__()
        self.embedding = embedding
        self.encoder = encoder
        self.output_layer_1 = nn.Linear(hidden_size, hidden_size)
        self.output_layer_2 = nn.Linear(hidden_size, 1)

    def forward(self, src, tgt, seg):
        output = self.encoder(self.embedding(src, seg), seg)
        output = output[:, 0, :]
        output = torch.tanh(self.output_layer_1(output))
        logits = self.output_layer_2(output)
        if tgt is not None:
            loss = nn.MSELoss()(logits.view(-1), tgt.view(-1))
            return loss, logits
        return None, logits


def read_dataset(tokenizer, path, seq_length):
    dataset = []
    with open(path, mode="r", encoding="utf-8") as f:
        for line_id, line in enumerate(f):
            if line_id == 0:
                continue
            label, text = line.rstrip("\r\n").split("\t")
            src = tokenizer.encode(text)[:seq_length]
            seg = [1] * len(src)
            while len(src) < seq_length:
                src.append(0)
                seg.append(0)
            dataset.append((src, float(label), seg))
    return dataset


def main(args, embedding, encoder, tokenizer, optimizer_cls, scheduler_cls):
    model = Regressor(embedding, encoder, args.hidden_size).to(args.device)
    trainset = read_dataset(tokenizer, args.train_path, args.seq_length)
    optimizer = optimizer_cls(model.parameters(), lr=args.learning_rate)
    scheduler = scheduler_cls(optimizer)
    for epoch in range(1, args.epochs_num + 1):
        random.shuffle(trainset)
        src = torch.LongTensor([example[0] for example in trainset])
        tgt = torch.FloatTensor([example[1] for example in trainset])
        seg = torch.LongTensor([example[2] for example in trainset])
        model.train()
        total_loss = 0.0
        for i, (src_batch, tgt_batch, seg_batch) in enumerate(batch_loader(args.batch_size, src, tgt, seg)):
            loss = train_model(args, model, optimizer, scheduler, src_batch, tgt_batch, seg_batch)
            total_loss += loss.item()
        print(epoch, total_loss)
