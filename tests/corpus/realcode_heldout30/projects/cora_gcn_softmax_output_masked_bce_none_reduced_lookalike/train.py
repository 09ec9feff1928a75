"""part of look-alike project [LG002, LG004, LG006, LG015]: the Cora script: one-hot label matrices made float with torch.FloatTensor, full-graph training for 200 iterations with the model's masked loss for train and validation, early stopping on the validation loss compared as .item(), backward and step."""
# Source: Dawn-LX/GCN-pytorch at 5c036bd5, train.py; re-typed, identifiers renamed; utils.py (the Planetoid loader and normalisation) not
# reproduced; the prints shortened.
import torch
from tqdm import tqdm

from utils import load_data, preprocess_features, preprocess_adj, tuple_to_torchSparseTensor
from gcn_model import GCN

adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data("cora")
adj_hat = preprocess_adj(adj)
features = preprocess_features(features)
sparse_adj_hat = tuple_to_torchSparseTensor(adj_hat)
sparse_features = tuple_to_torchSparseTensor(features)

y_train = torch.FloatTensor(y_train)
y_val = torch.FloatTensor(y_val)
y_test = torch.FloatTensor(y_test)
train_mask = torch.from_numpy(train_mask)
val_mask = torch.from_numpy(val_mask)
test_mask = torch.from_numpy(test_mask)

model = GCN(input_dim=features[2][1], out_dim=y_train.shape[1], hidden_dims=[32])
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

patience = 10
bad_epochs = 0
previous_val = 999.9
for it in tqdm(range(200)):
    optimizer.zero_grad()
    output = model(sparse_adj_hat, sparse_features)
    train_loss = model.loss(output, y_train, train_mask)
    train_acc = model.accuracy(output, y_train, train_mask)
    val_loss = model.loss(output, y_val, val_mask)
    val_acc = model.accuracy(output, y_val, val_mask)
    if it % 20 == 0:
        print(it, train_loss.item(), train_acc.item(), val_loss.item(), val_acc.item())
    if val_loss.item() >= previous_val:
        bad_epochs += 1
    else:
        bad_epochs = 0
    previous_val = val_loss.item()
    if bad_epochs >= patience:
        break
    train_loss.backward()
    optimizer.step()

torch.save(model, 'training_dir/gcn_model.pkl')
