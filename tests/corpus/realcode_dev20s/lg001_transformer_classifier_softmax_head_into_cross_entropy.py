"""positive [LG001]: the classifier's head ends in an nn.Softmax kept as an attribute, and the trainer gives its output to nn.CrossEntropyLoss, which applies log-softmax again."""

# Source: lyeoni/nlp-tutorial@8cc490a text-classification-transformer/model.py and trainer.py (re-typed, renamed, cut to the head and the loss)
import torch
import torch.nn as nn


class EncoderClassifier(nn.Module):
    def __init__(self, vocab_size, d_model=128, n_layers=2, n_heads=4, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.embedding = nn.Embedding(vocab_size, d_model, padding_idx=pad_id)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.linear = nn.Linear(d_model, 2)
        self.softmax = nn.Softmax(dim=-1)

    def forward(self, inputs):
        outputs = self.encoder(self.embedding(inputs), src_key_padding_mask=inputs.eq(self.pad_id))
        outputs, _ = torch.max(outputs, dim=1)
        outputs = self.softmax(self.linear(outputs))
        return outputs


class Trainer:
    def __init__(self, model, train_loader, lr=1e-4):
        self.model = model
        self.train_loader = train_loader
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def train(self, epoch):
        losses = 0.0
        self.model.train()
        for i, (inputs, labels) in enumerate(self.train_loader):
            outputs = self.model(inputs)
            loss = self.criterion(outputs, labels)  # expect: LG001
            losses += loss.item()
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        print(f"epoch {epoch}: {losses / len(self.train_loader):.4f}")


model = EncoderClassifier(vocab_size=30000)
trainer = Trainer(model, train_loader=[])
trainer.train(1)
