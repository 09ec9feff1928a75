"""part of positive project [LG005]: the notebook builds LogisticRegression(3, 1), hands it to the FairBatch sampler, and trains with BCELoss on squeezed predictions and labels (the training loss itself has matching shapes)."""
# Source: yuji-roh/fairbatch@4f652764be12ce18d237d563d291b63fa1ddf67f FairBatch_Synthetic.ipynb (the code cells 2, 4, 7 and 9, re-typed; the printing cells left out)
import numpy as np
import torch
import torch.nn.functional as F

from models import LogisticRegression, weights_init_normal, test_model
from FairBatchSampler import FairBatch, CustomDataset

xz_train = torch.FloatTensor(np.load('./synthetic_data/xz_train.npy'))
y_train = torch.FloatTensor(np.load('./synthetic_data/y_train.npy'))
z_train = torch.FloatTensor(np.load('./synthetic_data/z_train.npy'))
xz_test = torch.FloatTensor(np.load('./synthetic_data/xz_test.npy'))
y_test = torch.FloatTensor(np.load('./synthetic_data/y_test.npy'))
z_test = torch.FloatTensor(np.load('./synthetic_data/z_test.npy'))


def run_epoch(model, train_features, labels, optimizer, criterion):
    optimizer.zero_grad()

    label_predicted = model.forward(train_features)
    loss = criterion((F.tanh(label_predicted.squeeze()) + 1) / 2, (labels.squeeze() + 1) / 2)
    loss.backward()

    optimizer.step()

    return loss.item()


full_tests = []
train_data = CustomDataset(xz_train, y_train, z_train)

seeds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
for seed in seeds:
    model = LogisticRegression(3, 1)

    torch.manual_seed(seed)
    model.apply(weights_init_normal)

    optimizer = torch.optim.Adam(model.parameters(), lr=0.0005, betas=(0.9, 0.999))
    criterion = torch.nn.BCELoss()

    losses = []

    sampler = FairBatch(model, train_data.x, train_data.y, train_data.z, batch_size=100, alpha=0.005,
                        target_fairness='eqopp', replacement=False, seed=seed)
    train_loader = torch.utils.data.DataLoader(train_data, sampler=sampler, num_workers=0)

    for epoch in range(300):
        tmp_loss = []
        for batch_idx, (data, target, z) in enumerate(train_loader):
            loss = run_epoch(model, data, target, optimizer, criterion)
            tmp_loss.append(loss)
        losses.append(sum(tmp_loss) / len(tmp_loss))

    full_tests.append(test_model(model, xz_test, y_test, z_test))
