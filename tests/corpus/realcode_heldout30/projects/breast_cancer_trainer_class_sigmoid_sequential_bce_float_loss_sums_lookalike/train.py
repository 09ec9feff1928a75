"""part of look-alike project [LG002, LG004, LG005, LG006]: the entry script: the sklearn breast-cancer table as one float tensor, x = data[:, :30] and y = data[:, -1:] (a float (N, 1) target), shuffled and split, loaders, the classifier with output_size = y.size(-1) (1), Adam and the Trainer."""
# Source: iml1111/pytorch_study at cecd0490, src/04_advanced_pytorch/custom_dataset/train.py; re-typed, identifiers renamed; the argument parser
# shortened, the test-set evaluation and plotting cut.
import argparse
import torch
import torch.optim as optim
from torch.utils.data import DataLoader
import pandas as pd
from sklearn.datasets import load_breast_cancer
from custom_dataset import TensorPairs
from trainer import Trainer
from model import TumourClassifier


def main(config):
    device = torch.device('cpu') if config.gpu_id < 0 else torch.device('cuda:%d' % config.gpu_id)
    cancer = load_breast_cancer()
    df = pd.DataFrame(cancer.data, columns=cancer.feature_names)
    df['class'] = cancer.target
    data = torch.from_numpy(df.values).float()
    x = data[:, :30]
    y = data[:, -1:]
    ratios = [.6, .2, .2]
    train_cnt = int(x.size(0) * ratios[0])
    valid_cnt = int(x.size(0) * ratios[1])
    test_cnt = x.size(0) - train_cnt - valid_cnt
    cnts = [train_cnt, valid_cnt, test_cnt]
    indices = torch.randperm(x.size(0))
    x = torch.index_select(x, dim=0, index=indices).to(device)
    y = torch.index_select(y, dim=0, index=indices).to(device)
    x = x.split(cnts, dim=0)
    y = y.split(cnts, dim=0)
    train_loader = DataLoader(dataset=TensorPairs(x[0], y[0]), batch_size=config.batch_size, shuffle=True)
    valid_loader = DataLoader(dataset=TensorPairs(x[1], y[1]), batch_size=config.batch_size, shuffle=False)
    model = TumourClassifier(x[0].size(-1), y[0].size(-1)).to(device)
    optimizer = optim.Adam(model.parameters())
    trainer = Trainer(model, optimizer, train_loader, valid_loader)
    trainer.train(config)


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--batch_size', type=int, default=128)
    p.add_argument('--n_epochs', type=int, default=1000)
    p.add_argument('--gpu_id', type=int, default=0 if torch.cuda.is_available() else -1)
    main(p.parse_args())
