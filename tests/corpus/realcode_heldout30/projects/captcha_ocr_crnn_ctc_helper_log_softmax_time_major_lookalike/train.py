"""part of look-alike project [LG006, LG012, LG014]: the entry script: label-encoded targets, loaders, the CRNN, Adam and ReduceLROnPlateau on the validation loss, one train and one eval epoch per epoch."""
# Source: manhph2211/OCR-Pytorch at b127ba04, train.py; re-typed, identifiers renamed; the argument parser shortened; utils.py and dataloader.py not
# reproduced (their names stay undefined here as imports).
import argparse

import torch

from utils import get_data, encode_targets, split_data
from dataloader import make_dataset
from model import CaptchaNet
import engine


def train(batch_size, n_epochs, n_workers=8):
    paths, targets = get_data()
    encoded, encoder = encode_targets(targets)
    n_classes = len(encoder.classes_)
    X_train, y_train, X_val, y_val, X_test, y_test = split_data(paths, encoded)
    train_loader = torch.utils.data.DataLoader(make_dataset(X_train, y_train), batch_size=batch_size,
                                               num_workers=n_workers, shuffle=True)
    val_loader = torch.utils.data.DataLoader(make_dataset(X_val, y_val), batch_size=batch_size,
                                             num_workers=n_workers, shuffle=True)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = CaptchaNet(n_chars=n_classes)
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.8, patience=5)
    for epoch in range(n_epochs):
        train_loss = engine.train_epoch(model, train_loader, optimizer, device)
        val_loss = engine.eval_epoch(model, val_loader, device)
        print(f"Epoch={epoch}, Train Loss={train_loss}, Test Loss={val_loss} ")
        scheduler.step(val_loss)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch-size', default=8, type=int)
    parser.add_argument('--num-epochs', default=30, type=int)
    parser.add_argument('--num-workers', default=8, type=int)
    args = parser.parse_args()
    train(args.batch_size, args.num_epochs, args.num_workers)
