"""part of look-alike project [LG007, LG006, LG001]: net/loss.py of crnn-audio-classification (models end in F.log_softmax(dim=1); loss and model are chosen by name with getattr)."""
# Source: ksanjeevan/crnn-audio-classification@f09449b87ed61d28b82931c7055d033a7b69160b net/loss.py (read as is)
import torch.nn.functional as F

def nll_loss(output, target):
    # loss for log_softmax
    return F.nll_loss(output, target)

def cross_entropy(output, target):
    return F.cross_entropy(output, target)
