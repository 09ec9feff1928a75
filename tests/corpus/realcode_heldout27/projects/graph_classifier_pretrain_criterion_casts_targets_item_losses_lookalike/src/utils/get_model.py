"""part of look-alike project [LG003, LG004, LG006, LG013, LG016]: the Criterion picks the loss from the task: binary_cross_entropy_with_logits on the raw scores with targets.float() for a binary or multi-label task (labelled entries only), cross_entropy with targets.long() for several classes; the sigmoid appears only in get_preds, thresholded for accuracy."""
# Source: Graph-COM/GSAT at 6812f5ca, src/utils/get_model.py; re-typed, identifiers renamed; the MLP and BatchSequential helpers cut.
import torch.nn as nn
import torch.nn.functional as F

from models import GIN


def get_model(x_dim, edge_attr_dim, num_class, multi_label, model_config, device):
    if model_config['model_name'] == 'GIN':
        model = GIN(x_dim, edge_attr_dim, num_class, multi_label, model_config)
    else:
        raise ValueError('[ERROR] Unknown model name!')
    return model.to(device)


class Criterion(nn.Module):
    def __init__(self, num_class, multi_label):
        super(Criterion, self).__init__()
        self.num_class = num_class
        self.multi_label = multi_label

    def forward(self, logits, targets):
        if self.num_class == 2 and not self.multi_label:
            loss = F.binary_cross_entropy_with_logits(logits, targets.float())
        elif self.num_class > 2 and not self.multi_label:
            loss = F.cross_entropy(logits, targets.long())
        else:
            labelled = targets == targets
            loss = F.binary_cross_entropy_with_logits(logits[labelled], targets[labelled].float())
        return loss


def get_preds(logits, multi_label):
    if multi_label:
        preds = (logits.sigmoid() > 0.5).float()
    elif logits.shape[1] > 1:
        preds = logits.argmax(dim=1).float()
    else:
        preds = (logits.sigmoid() > 0.5).float()
    return preds
