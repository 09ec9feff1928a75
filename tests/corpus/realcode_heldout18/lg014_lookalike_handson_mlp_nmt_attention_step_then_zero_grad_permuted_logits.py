"""look-alike [LG014, LG005, LG001, LG011]: the book's attention translation model returns Linear logits permuted to (B, V, T) for nn.CrossEntropyLoss(ignore_index=0) against (B, T) token ids; the shared training loop calls optimizer.step() and then optimizer.zero_grad() after every batch; softmax only inside the dot-product attention."""
# Source: ageron/handson-mlp at 3bac4bf6 (read as is), 14_nlp_with_rnns_and_attention.ipynb; the code cells
# concerned (22, 125 to 127, 136 to 138), re-typed, identifiers renamed; the dataset download and BPE tokenizer training
# (cells 120 to 122, so nmt_tokenizer and the split datasets stay undefined), the plain encoder-decoder of cell 127, translation
# and beam search cut.
from collections import namedtuple

import torch
import torch.nn as nn
import torchmetrics
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
from torch.utils.data import DataLoader

device = "cuda" if torch.cuda.is_available() else "cpu"


# ---- cell 22
def evaluate_tm(model, loader, metric):
    model.eval()
    metric.reset()
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            metric.update(model(xb), yb)
    return metric.compute()


def train(model, optimizer, loss_fn, metric, train_loader, valid_loader, n_epochs, patience=2, factor=0.5,
          epoch_callback=None):
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", patience=patience, factor=factor)
    history = {"train_losses": [], "train_metrics": [], "valid_metrics": []}
    for epoch in range(n_epochs):
        total = 0.0
        metric.reset()
        model.train()
        if epoch_callback is not None:
            epoch_callback(model, epoch)
        for index, (xb, yb) in enumerate(train_loader):
            xb, yb = xb.to(device), yb.to(device)
            y_pred = model(xb)
            loss = loss_fn(y_pred, yb)
            total += loss.item()
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            metric.update(y_pred, yb)
            train_metric = metric.compute().item()
            print(f"\rBatch {index + 1}/{len(train_loader)}, loss={total / (index + 1):.4f}", end="")
        history["train_losses"].append(total / len(train_loader))
        history["train_metrics"].append(train_metric)
        val_metric = evaluate_tm(model, valid_loader, metric).item()
        history["valid_metrics"].append(val_metric)
        scheduler.step(val_metric)
    return history


# ---- cell 125
fields = ["src_ids", "src_mask", "tgt_ids", "tgt_mask"]


class Pair(namedtuple("PairBase", fields)):
    def to(self, device):
        return Pair(self.src_ids.to(device), self.src_mask.to(device), self.tgt_ids.to(device),
                    self.tgt_mask.to(device))


# ---- cell 126
def collate(batch):
    srcs = [p['sourceString'] for p in batch]
    tgts = [f"<s> {p['targetString']} </s>" for p in batch]
    src_enc = nmt_tokenizer.encode_batch(srcs)
    tgt_enc = nmt_tokenizer.encode_batch(tgts)
    src_ids = torch.tensor([e.ids for e in src_enc])
    tgt_ids = torch.tensor([e.ids for e in tgt_enc])
    src_mask = torch.tensor([e.attention_mask for e in src_enc])
    tgt_mask = torch.tensor([e.attention_mask for e in tgt_enc])
    inputs = Pair(src_ids, src_mask, tgt_ids[:, :-1], tgt_mask[:, :-1])
    labels = tgt_ids[:, 1:]
    return inputs, labels


batch_size = 256
train_loader = DataLoader(nmt_train_set, batch_size=batch_size, collate_fn=collate, shuffle=True)
valid_loader = DataLoader(nmt_valid_set, batch_size=batch_size, collate_fn=collate)
# ---- cell 127
vocab_size = nmt_tokenizer.get_vocab_size()


# ---- cell 136
def attention(query, key, value):
    scores = query @ key.transpose(1, 2)
    weights = torch.softmax(scores, dim=-1)
    return weights @ value


# ---- cell 137
class AttnTranslator(nn.Module):
    def __init__(self, vocab_size, embed_size=512, pad_id=0, hidden_size=512, n_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_size, padding_idx=pad_id)
        self.encoder = nn.GRU(embed_size, hidden_size, num_layers=n_layers, batch_first=True)
        self.decoder = nn.GRU(embed_size, hidden_size, num_layers=n_layers, batch_first=True)
        self.output = nn.Linear(2 * hidden_size, vocab_size)

    def forward(self, pair):
        src_emb = self.embed(pair.src_ids)
        tgt_emb = self.embed(pair.tgt_ids)
        lengths = pair.src_mask.sum(dim=1)
        packed = pack_padded_sequence(src_emb, lengths=lengths.cpu(), batch_first=True, enforce_sorted=False)
        enc_packed, states = self.encoder(packed)
        dec_out, _ = self.decoder(tgt_emb, states)
        enc_out, _ = pad_packed_sequence(enc_packed, batch_first=True)
        attended = attention(query=dec_out, key=enc_out, value=enc_out)
        combined = torch.cat((attended, dec_out), dim=-1)
        return self.output(combined).permute(0, 2, 1)


# ---- cell 138
torch.manual_seed(42)
model = AttnTranslator(vocab_size).to(device)
n_epochs = 20
xentropy = nn.CrossEntropyLoss(ignore_index=0)
optimizer = torch.optim.NAdam(model.parameters())
accuracy = torchmetrics.Accuracy(task="multiclass", num_classes=vocab_size).to(device)
history = train(model, optimizer, xentropy, accuracy, train_loader, valid_loader, n_epochs)
