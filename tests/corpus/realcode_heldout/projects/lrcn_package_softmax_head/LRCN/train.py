"""part of positive project [LG001]: `from LRCN.lrcn_model import ConvLstm`; builds the model and nn.CrossEntropyLoss and calls utils_action_recognition.train_model every epoch."""
# Source: https://github.com/doronharitan/human_activity_recognition_LRCN LRCN/train.py at
# efce680e0bae17eff4b7fc4b4508d0995cee4dac; re-typed, names changed, reduced.
import argparse

import torch
import torch.nn as nn
from LRCN.lrcn_model import ConvLstm
from utils_action_recognition import train_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", default=100, type=int)
    parser.add_argument("--lr", default=1e-4, type=float)
    parser.add_argument("--latent_dim", default=512, type=int)
    parser.add_argument("--hidden_size", default=256, type=int)
    parser.add_argument("--lstm_layers", default=2, type=int)
    parser.add_argument("--bidirectional", default=True, type=bool)
    args = parser.parse_args()
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    model = ConvLstm(args.latent_dim, args.hidden_size, args.lstm_layers, args.bidirectional, 101)
    model = model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(args.epochs):
        train_loss, train_acc = train_model(model, [], device, optimizer, criterion)


if __name__ == "__main__":
    main()
