"""look-alike [LG011]: scipy.special.softmax(x) and a project helper `softmax(x)` (no dim) are not torch calls."""
import numpy as np
import torch
from scipy.special import softmax as sp_softmax

from utils.math import softmax


def ensemble_predict(models, x):
    logits = np.stack([m(torch.as_tensor(x)).detach().numpy() for m in models])
    per_model = sp_softmax(logits, axis=-1)
    averaged = per_model.mean(axis=0)
    temperature_scaled = softmax(averaged / 0.7)
    return temperature_scaled.argmax(-1), sp_softmax(logits.mean(0))
