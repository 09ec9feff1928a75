"""look-alike [LG004]: a CTR sequence model trained with BCELoss on the long labels of a TensorDataset made float at the loss (the repository's code)."""
# Source: ChenYang-1996/pytorch_CTR@232976d317 examples/sequence_model.py (train, main, re-typed; the DIN model a stand-in, early stopping, AUC and logging cut)
import pandas as pd
import torch
import torch.utils.data as Data
import tqdm
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader


class SequenceCTR(torch.nn.Module):
    def __init__(self, num_items, embed_dim=16):
        super().__init__()
        self.embedding = torch.nn.Embedding(num_items, embed_dim)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(embed_dim, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))

    def forward(self, x):
        return torch.sigmoid(self.mlp(self.embedding(x).mean(dim=1)).squeeze(1))


def train(model, optimizer, data_loader, criterion, device, log_interval=100):
    model.train()
    total_loss = 0
    tk0 = tqdm.tqdm(data_loader, smoothing=0, mininterval=1.0)
    for i, (fields, target) in enumerate(tk0):
        fields, target = fields.to(device), target.to(device)
        y = model(fields)
        loss = criterion(y, target.float())
        model.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        if (i + 1) % log_interval == 0:
            tk0.set_postfix(loss=total_loss / log_interval)
            total_loss = 0
    return total_loss


def main(dataset, device, epoch=10, batch_size=256):
    data_x = dataset.iloc[:, :-1]
    data_y = dataset.label.values
    train_x, val_x, train_y, val_y = train_test_split(data_x, data_y, test_size=0.2, random_state=42, stratify=data_y)
    train_x = torch.from_numpy(train_x.values).long()
    train_y = torch.from_numpy(train_y).long()
    train_loader = DataLoader(dataset=Data.TensorDataset(train_x, train_y), batch_size=batch_size, shuffle=True)
    model = SequenceCTR(int(data_x.values.max()) + 1).to(device)
    criterion = torch.nn.BCELoss()
    optimizer = torch.optim.Adam(params=model.parameters(), lr=0.001, weight_decay=1e-6)
    for epoch_i in range(epoch):
        loss = train(model, optimizer, train_loader, criterion, device)
        print("epoch:", epoch_i, "training loss:", loss)


if __name__ == "__main__":
    main(pd.read_csv("train.csv"), torch.device("cuda:0" if torch.cuda.is_available() else "cpu"))
