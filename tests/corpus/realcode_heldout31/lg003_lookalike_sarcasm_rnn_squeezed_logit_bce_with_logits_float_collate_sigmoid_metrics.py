"""look-alike [LG003, LG004, LG005, LG016, LG017]: BCEWithLogitsLoss on a squeezed Linear logit against float32 targets from a collate_fn; sigmoid only for accuracy; the overfit branch steps before clearing."""
# Source: hrithick-codes/pytorch-exercises at 1db12478dc69938ce7c4d7a1779e4612babca74d training_scripts/rnn_classifier.py (loguru logging, vocabulary building, detokenizer, warm-up and the test phase shortened; the hyperparameter dataclass, collate_fn, the torch.compile'd model, the overfit-one-batch branch and the train/validation loops kept)
import random
import time
from collections import Counter
from dataclasses import dataclass
from typing import List

import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

from utils.helpers import get_device

random.seed(1337)
torch.manual_seed(1337)


@dataclass
class Hyperparams:
    VOCAB_SIZE: int = 500000
    OOV_TOKEN_ID: int = 1
    PAD_TOKEN_ID: int = 0
    BATCH_SIZE: int = 1024
    MAX_LENGHT: int = 20
    EMBEDDING_DIM: int = 512
    RNN_NEURONS: int = 128
    RNN_LAYERS: int = 4
    RNN_DROPOUT: float = 0.3
    LINEAR_NEURONS: int = 256
    LEARNING_RATE: float = 0.001
    OVERFIT_SINGLE_BATCH: bool = False
    EPOCHS: int = 10
    DEVICE = get_device()


hyperparams = Hyperparams()


class SarcasmDataset(Dataset):
    def __init__(self, sequences, labels, token_to_id, oov_token_id):
        self.input_ids = [[token_to_id.get(t, oov_token_id) for t in seq.strip().split(" ")] for seq in sequences]
        self.labels = [1 if label == "true" else 0 for label in labels]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return self.input_ids[index], self.labels[index]


def collate_fn(batch):
    inputs, targets = zip(*batch)
    num_samples = len(inputs)
    padded_inputs = torch.zeros(num_samples, hyperparams.MAX_LENGHT, dtype=torch.long)
    for i, token_ids in enumerate(inputs):
        length = len(token_ids)
        padded_inputs[i, :length] = torch.tensor(token_ids[: hyperparams.MAX_LENGHT])
    return padded_inputs, torch.tensor(targets, dtype=torch.float32)


train_dataloader = DataLoader(train_dataset, batch_size=hyperparams.BATCH_SIZE, collate_fn=collate_fn)
val_dataloader = DataLoader(val_dataset, batch_size=hyperparams.BATCH_SIZE, collate_fn=collate_fn)


class SarcasmRNN(nn.Module):
    def __init__(self, vocab_size: int, embedding_dim: int, rnn_hidden_size: int, num_neurons_in_linear: int):
        super(SarcasmRNN, self).__init__()
        self._embedding_layer = nn.Embedding(num_embeddings=vocab_size, embedding_dim=embedding_dim,
                                             padding_idx=hyperparams.PAD_TOKEN_ID)
        self._rnn = nn.RNN(input_size=embedding_dim, hidden_size=rnn_hidden_size,
                           num_layers=hyperparams.RNN_LAYERS, batch_first=True,
                           nonlinearity="relu", dropout=hyperparams.RNN_DROPOUT, bias=False)
        self._linear_linear = nn.Linear(in_features=rnn_hidden_size, out_features=num_neurons_in_linear, bias=False)
        self._relu = nn.ReLU()
        self._output_layer = nn.Linear(in_features=num_neurons_in_linear, out_features=1, bias=False)

    def forward(self, x):
        x = self._embedding_layer(x)
        hidden_states, out = self._rnn(x)
        last_hidden_state = hidden_states[:, -1, :]
        linear_out = self._relu(self._linear_linear(last_hidden_state))
        logits = self._output_layer(linear_out)
        return logits.squeeze()


model = SarcasmRNN(vocab_size=hyperparams.VOCAB_SIZE, embedding_dim=hyperparams.EMBEDDING_DIM,
                   rnn_hidden_size=hyperparams.RNN_NEURONS, num_neurons_in_linear=hyperparams.LINEAR_NEURONS)
model = model.to(hyperparams.DEVICE)
model = torch.compile(model)
model.train()

loss_function = nn.BCEWithLogitsLoss()
optim = torch.optim.Adam(model.parameters(), lr=hyperparams.LEARNING_RATE)

batch = next(iter(train_dataloader))
input_var, output_var = batch
input_var = input_var.to(hyperparams.DEVICE)
output_var = output_var.to(hyperparams.DEVICE)

if hyperparams.OVERFIT_SINGLE_BATCH:
    start = time.time()
    bce_loss = float("inf")
    iter_count = 1
    while bce_loss > 0.05:
        logits = model(input_var)
        bce_loss = loss_function(logits, output_var.float())
        print("Iteration: ", iter_count, "Loss: ", round(bce_loss.item(), 2))
        bce_loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1)
        optim.step()
        optim.zero_grad()
        iter_count += 1
    print(f"Batch overfitted. Time Taken: {time.time() - start}. Took {iter_count} iterations.")
    import sys
    sys.exit()

for epoch in range(hyperparams.EPOCHS):
    model.train()
    total_train_loss = 0.0
    correct_train_preds = 0
    total_train_preds = 0

    for batch_idx, batch in enumerate(train_dataloader):
        inputs, targets = batch
        inputs = inputs.to(hyperparams.DEVICE)
        targets = targets.to(hyperparams.DEVICE)

        logits = model(inputs)
        loss = loss_function(logits, targets.float())

        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1)
        optim.step()

        total_train_loss += loss.item()
        preds = (torch.sigmoid(logits) > 0.5).float()
        correct_train_preds += (preds == targets).sum().item()
        total_train_preds += targets.size(0)

    model.eval()
    total_val_loss = 0.0
    correct_val_preds = 0
    total_val_preds = 0
    with torch.no_grad():
        for batch_idx, batch in enumerate(val_dataloader):
            inputs, targets = batch
            inputs = inputs.to(hyperparams.DEVICE)
            targets = targets.to(hyperparams.DEVICE)
            logits = model(inputs)
            loss = loss_function(logits, targets.float())
            total_val_loss += loss.item()
            preds = (torch.sigmoid(logits) > 0.5).float()
            correct_val_preds += (preds == targets).sum().item()
            total_val_preds += targets.size(0)
    print(f"Epoch [{epoch+1}/{hyperparams.EPOCHS}] train {total_train_loss / len(train_dataloader):.4f} "
          f"val {total_val_loss / len(val_dataloader):.4f}")
