"""part of look-alike project [LG006, LG014]: factories: get_network builds the recogniser named in the YAML options, get_optimizer an Adam (or Adadelta) over the given parameters."""
# Source: pstage-ocr-team6/ocr-teamcode at 29a73a47 ("Fix zero grad omission.", PR #26, issue #24), utils.py; re-typed, identifiers renamed; the wandb config helper cut.
import torch.optim as optim

from networks.SATRN import FormulaSATRN


def get_network(model_type, FLAGS, model_checkpoint, device, train_dataset):
    if model_type == "SATRN":
        model = FormulaSATRN(FLAGS, train_dataset, model_checkpoint).to(device)
    else:
        raise NotImplementedError
    return model


def get_optimizer(optimizer, params, lr, weight_decay=None):
    if optimizer == "Adam":
        optimizer = optim.Adam(params, lr=lr)
    elif optimizer == "Adadelta":
        optim.Adadelta(params, lr=lr, weight_decay=weight_decay)
    else:
        raise NotImplementedError
    return optimizer
