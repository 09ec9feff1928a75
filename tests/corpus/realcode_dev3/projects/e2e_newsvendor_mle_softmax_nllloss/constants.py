"""part of positive project [LG006, LG007, LG011]: the device constants the newsvendor scripts star-import."""
# Source: locuslab/e2e-model-learning@2bf43848ac26e25321fea7bfeddf2a24135aa192 newsvendor/constants.py (read as is; re-typed)
import torch

USE_GPU = torch.cuda.is_available()
DEVICE = torch.device("cuda" if USE_GPU else "cpu")
