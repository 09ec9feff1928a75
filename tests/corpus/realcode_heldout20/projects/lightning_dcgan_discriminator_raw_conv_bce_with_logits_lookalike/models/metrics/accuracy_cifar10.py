"""part of look-alike project [LG003, LG002, LG004, LG005]: the discriminator accuracy helper rounds the predictions in NumPy (the commented original applied torch.sigmoid first)."""
# Source: eungbean/DCGAN-pytorch-lightning-comet at 414cbd5e (read as is), net/models/metrics/accuracy_CIFAR10.py;
# re-typed, identifiers renamed; the long docstring cut, the commented original kept.
import numpy as np


def accuracy(pred, label):
    if not isinstance(pred, np.ndarray):
        pred = pred.data.cpu().numpy()
    if not isinstance(label, np.ndarray):
        label = label.data.cpu().numpy()
    pred = np.round(pred)
    return np.mean(pred == label)

    # p_real = torch.round(torch.sigmoid(p_real)).data.cpu().numpy()
    # p_fake = torch.round(torch.sigmoid(p_fake)).data.cpu().numpy()
