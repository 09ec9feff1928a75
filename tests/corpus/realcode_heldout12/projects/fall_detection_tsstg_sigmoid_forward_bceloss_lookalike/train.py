"""part of look-alike project [LG002, LG004, LG016]: the action-recognition trainer loads pickled features and one-hot labels into float32 TensorDatasets, star-imports the models, and applies nn.BCELoss to the model's sigmoid output, clearing with model.zero_grad() and summing loss.item()."""
# Source: GajuuzZ/Human-Falling-Detect-Tracks@7ed2faa4d6147dfd576f58869b6c25545208af35 Actionsrecognition/train.py (read as is; re-typed, identifiers renamed, plotting, confusion matrix and checkpointing left out; moved to the project root)
import pickle

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch.optim.adadelta import Adadelta
from torch.utils import data
from tqdm import tqdm

from Actionsrecognition.Models import *

device = 'cuda'
epochs = 30
batch_size = 32
data_files = ['../Data/Coffee_room_new-set(labelXscrw).pkl', '../Data/Home_new-set(labelXscrw).pkl']
class_names = ['Standing', 'Walking', 'Sitting', 'Lying Down', 'Stand up', 'Sit down', 'Fall Down']
num_class = len(class_names)


def load_dataset(data_files, batch_size, split_size=0):
    features, labels = [], []
    for fil in data_files:
        with open(fil, 'rb') as f:
            fts, lbs = pickle.load(f)
            features.append(fts)
            labels.append(lbs)
    features = np.concatenate(features, axis=0)
    labels = np.concatenate(labels, axis=0)
    if split_size > 0:
        x_train, x_valid, y_train, y_valid = train_test_split(features, labels, test_size=split_size, random_state=9)
        train_set = data.TensorDataset(torch.tensor(x_train, dtype=torch.float32).permute(0, 3, 1, 2),
                                       torch.tensor(y_train, dtype=torch.float32))
        valid_set = data.TensorDataset(torch.tensor(x_valid, dtype=torch.float32).permute(0, 3, 1, 2),
                                       torch.tensor(y_valid, dtype=torch.float32))
        return data.DataLoader(train_set, batch_size, shuffle=True), data.DataLoader(valid_set, batch_size)
    train_set = data.TensorDataset(torch.tensor(features, dtype=torch.float32).permute(0, 3, 1, 2),
                                   torch.tensor(labels, dtype=torch.float32))
    return data.DataLoader(train_set, batch_size, shuffle=True), None


def accuracy_batch(y_pred, y_true):
    return (y_pred.argmax(1) == y_true.argmax(1)).mean()


def set_training(model, mode=True):
    for p in model.parameters():
        p.requires_grad = mode
    model.train(mode)
    return model


if __name__ == '__main__':
    train_loader, _ = load_dataset(data_files[0:1], batch_size)
    valid_loader, train_loader_ = load_dataset(data_files[1:2], batch_size, 0.2)
    train_loader = data.DataLoader(data.ConcatDataset([train_loader.dataset, train_loader_.dataset]), batch_size,
                                   shuffle=True)
    dataloader = {'train': train_loader, 'valid': valid_loader}
    model = TwoStreamGraphNet({'strategy': 'spatial'}, num_class).to(device)
    optimizer = Adadelta(model.parameters())
    losser = torch.nn.BCELoss()
    loss_list = {'train': [], 'valid': []}
    for e in range(epochs):
        for phase in ['train', 'valid']:
            model = set_training(model, phase == 'train')
            run_loss = 0.0
            run_accu = 0.0
            with tqdm(dataloader[phase], desc=phase) as iterator:
                for pts, lbs in iterator:
                    mot = pts[:, :2, 1:, :] - pts[:, :2, :-1, :]
                    mot = mot.to(device)
                    pts = pts.to(device)
                    lbs = lbs.to(device)
                    out = model((pts, mot))
                    loss = losser(out, lbs)
                    if phase == 'train':
                        model.zero_grad()
                        loss.backward()
                        optimizer.step()
                    run_loss += loss.item()
                    run_accu += accuracy_batch(out.detach().cpu().numpy(), lbs.detach().cpu().numpy())
            loss_list[phase].append(run_loss / len(iterator))
