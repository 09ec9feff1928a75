"""part of look-alike project [LG001, LG006, LG013]: the training script reads precomputed sentence embeddings, turns the target column to float with astype(float), then builds the label tensors with torch.tensor(...).long(); CrossEntropyLoss gets the classifier's logits and the int64 labels; running losses add loss.item()."""
# Source: karol-pyszka/NLPfolio at 342c2e05, SentimentAnalysis/main.py; re-typed, identifiers renamed; the embedding pre-computation with
# SentenceTransformer (commented out in the source's main), the text cleaning and the report printing shortened.
import pandas as pd
import numpy as np
import torch
import torch.nn as nn
from torch import optim
from torch.utils.data import TensorDataset, DataLoader
from tqdm import tqdm
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score

from SentimentClassifier import SentimentClassifier

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def split_data(data):
    return train_test_split(data, test_size=0.2, random_state=42)


def main():
    data = pd.read_csv("data_with_embeddings.csv")
    data['embeddings'] = data['embeddings'].apply(lambda x: np.fromstring(x[1:-1], sep=' '))
    data['target'] = data['target'].astype(float)
    train_data, val_data = split_data(data)

    train_inputs = torch.tensor(np.array(train_data['embeddings'].tolist())).float().to(device)
    train_labels = torch.tensor((np.array(train_data['target'].tolist()))).long().to(device)
    train_loader = DataLoader(TensorDataset(train_inputs, train_labels), batch_size=128, shuffle=True)

    val_inputs = torch.tensor((np.array(val_data['embeddings'].tolist()))).float().to(device)
    val_labels = torch.tensor((np.array(val_data['target'].tolist()))).long().to(device)
    val_loader = DataLoader(TensorDataset(val_inputs, val_labels), batch_size=128, shuffle=True)

    model = SentimentClassifier(train_inputs.shape[-1], 128, 3).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters())

    for epoch in tqdm(range(30)):
        loss_sum = 0
        for i, (inputs, labels) in enumerate(train_loader):
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs, labels)
            loss_sum += loss.item()
            loss.backward()
            optimizer.step()
        print("Epoch: " + str(epoch) + " Avg_loss: " + str(loss_sum / len(train_loader)))

    evaluate(model, val_loader, criterion)


def evaluate(model, loader, criterion):
    model.eval()
    total_loss = 0
    predictions, targets = [], []
    with torch.no_grad():
        for inputs, labels in loader:
            outputs = model(inputs)
            loss = criterion(outputs, labels)
            total_loss += loss.item()
            predictions.extend(outputs.argmax(dim=1).cpu().numpy())
            targets.extend(labels.cpu().numpy())
    acc = accuracy_score(targets, predictions)
    print("Avg_loss: " + str(total_loss / len(loader)) + " Acc: " + str(acc))
    return total_loss / len(loader), acc


if __name__ == "__main__":
    main()
