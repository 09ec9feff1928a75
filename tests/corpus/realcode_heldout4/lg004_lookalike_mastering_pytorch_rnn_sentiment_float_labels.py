"""look-alike [LG004, LG003, LG006]: a book's IMDB sentiment RNN ends in a Linear layer and trains with nn.BCEWithLogitsLoss; the labels are a float32 numpy array, torch.sigmoid appears only in the accuracy metric, and the epoch sums loss.item()."""
# Source: https://github.com/PacktPublishing/Mastering-PyTorch Chapter04/rnn.ipynb at 7787dd3b154eca998ab5b6a31a85dddae04ea677
# (issue #4 "Code error on chapter 4", closed: the reader's long labels came from the commented-out int64 cast, not from
# the notebook); the code cells concerned, re-typed, names changed, reduced (text pre-processing and inference left out).
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.manual_seed(123)

encoded_labels = [1 if label == "pos" else 0 for label in label_list]
review_lengths = [len(review) for review in reviews_tokenized]
reviews_tokenized = [reviews_tokenized[i] for i, n in enumerate(review_lengths) if n > 0]
encoded_labels = np.array([encoded_labels[i] for i, n in enumerate(review_lengths) if n > 0], dtype="float32")

split = 0.75
train_X = padded_reviews[:int(split * len(padded_reviews))]
train_y = encoded_labels[:int(split * len(padded_reviews))]
val_X = padded_reviews[int(split * len(padded_reviews)):]
val_y = encoded_labels[int(split * len(padded_reviews)):]

# If training raises "Expected tensor for argument #1 'indices' to have scalar type Long", uncomment:
# train_X = train_X.astype('int64')
# train_y = train_y.astype('int64')

train_dataset = TensorDataset(torch.from_numpy(train_X).to(device), torch.from_numpy(train_y).to(device))
val_dataset = TensorDataset(torch.from_numpy(val_X).to(device), torch.from_numpy(val_y).to(device))
batch_size = 32
train_loader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
val_loader = DataLoader(val_dataset, batch_size=batch_size, shuffle=True)


class RNN(nn.Module):
    def __init__(self, input_dim, embedding_dim, hidden_dim, output_dim):
        super().__init__()
        self.embedding_layer = nn.Embedding(input_dim, embedding_dim)
        self.rnn_layer = nn.RNN(embedding_dim, hidden_dim, num_layers=1)
        self.fc_layer = nn.Linear(hidden_dim, output_dim)

    def forward(self, sequence):
        embedding = self.embedding_layer(sequence)
        output, hidden_state = self.rnn_layer(embedding)
        final_output = self.fc_layer(hidden_state[-1, :, :].squeeze(0))
        return final_output


rnn_model = RNN(len(vocab_to_token) + 1, 100, 32, 1)
optimizer = torch.optim.Adam(rnn_model.parameters())
loss_func = nn.BCEWithLogitsLoss()
rnn_model = rnn_model.to(device)


def accuracy_metric(predictions, ground_truth):
    rounded = torch.round(torch.sigmoid(predictions))
    success = (rounded == ground_truth).float()
    return success.sum() / len(success)


def train(model, dataloader, optimizer, loss_func):
    loss = 0
    accuracy = 0
    model.train()
    for sequence, sentiment in dataloader:
        optimizer.zero_grad()
        preds = model(sequence.T).squeeze()
        loss_curr = loss_func(preds, sentiment)
        accuracy_curr = accuracy_metric(preds, sentiment)
        loss_curr.backward()
        optimizer.step()
        loss += loss_curr.item()
        accuracy += accuracy_curr.item()
    return loss / len(dataloader), accuracy / len(dataloader)


def validate(model, dataloader, loss_func):
    loss = 0
    accuracy = 0
    model.eval()
    with torch.no_grad():
        for sequence, sentiment in dataloader:
            preds = model(sequence.T).squeeze()
            loss_curr = loss_func(preds, sentiment)
            accuracy_curr = accuracy_metric(preds, sentiment)
            loss += loss_curr.item()
            accuracy += accuracy_curr.item()
    return loss / len(dataloader), accuracy / len(dataloader)


best_val_loss = float("inf")
for ep in range(10):
    start = time.time()
    train_loss, train_acc = train(rnn_model, train_loader, optimizer, loss_func)
    val_loss, val_acc = validate(rnn_model, val_loader, loss_func)
    if val_loss < best_val_loss:
        best_val_loss = val_loss
        torch.save(rnn_model.state_dict(), "rnn_model.pt")
    print(f"epoch {ep + 1} | {time.time() - start}s | train {train_loss:.3f} {train_acc * 100:.2f}% | val {val_loss:.3f} {val_acc * 100:.2f}%")
