"""part of look-alike project [LG003]: the experiment settings, and the channel transformer's configuration (a ConfigDict that also stores n_classes)."""
# Source: McGregorWwww/UCTransNet@493bd8136b Config.py (re-typed; paths, logging and schedule settings cut)
import ml_collections
import torch

use_cuda = torch.cuda.is_available()
n_channels = 3
n_labels = 1
epochs = 2000
learning_rate = 1e-3
batch_size = 4
model_name = "UCTransNet"


def get_CTranS_config():
    config = ml_collections.ConfigDict()
    config.transformer = ml_collections.ConfigDict()
    config.KV_size = 960
    config.transformer.num_heads = 4
    config.transformer.num_layers = 4
    config.expand_ratio = 4
    config.patch_sizes = [16, 8, 4, 2]
    config.base_channel = 64
    config.n_classes = 1
    return config
