"""look-alike [LG010, LG006]: sequitur's quick_train after the fix: MSELoss(reduction="sum") imported from torch.nn by name; the losses list keeps loss.item() floats."""
# Source: https://github.com/shobrook/sequitur sequitur/quick_train.py at cdcccc455f27201a4769fcb6b1965bc560a5109d
# (after 8513abc4e1db65145c05df14c8f33a173255a3b1 fixed issue #4); re-typed, names changed, reduced. Correct code.
from statistics import mean

import torch
from torch.nn import MSELoss


def instantiate_model(model, train_set, encoding_dim, **kwargs):
    if model.__name__ in ("LINEAR_AE", "LSTM_AE"):
        return model(train_set[-1].shape[-1], encoding_dim, **kwargs)
    elif model.__name__ == "CONV_LSTM_AE":
        if len(train_set[-1].shape) == 3:
            return model(train_set[-1].shape[-2:], encoding_dim, **kwargs)
        elif len(train_set[-1].shape) == 4:
            return model(train_set[-1].shape[-3:], encoding_dim, **kwargs)


def train_model(model, train_set, verbose, lr, epochs, denoise):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    criterion = MSELoss(reduction="sum")
    mean_losses = []
    for epoch in range(1, epochs + 1):
        model.train()
        losses = []
        for x in train_set:
            optimizer.zero_grad()
            x_prime = model(x)
            loss = criterion(x_prime, x)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        mean_loss = mean(losses)
        mean_losses.append(mean_loss)
        if verbose:
            print(f"Epoch: {epoch}, Loss: {mean_loss}")
    return mean_losses


def quick_train(model, train_set, encoding_dim, verbose=False, lr=1e-3, epochs=50, denoise=False, **kwargs):
    model = instantiate_model(model, train_set, encoding_dim, **kwargs)
    losses = train_model(model, train_set, verbose, lr, epochs, denoise)
    encodings = [model.encoder(x) for x in train_set]
    return model.encoder, model.decoder, encodings, losses
