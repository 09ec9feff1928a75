"""part of look-alike project [LG013]: the loss is picked from a table of factories by the configuration's loss name."""

# Source: nkdatascientist/pyfreeguy@5f4fe091bd freeguy/loss/loss.py (crossentropyloss and GetLoss, re-typed)
import torch


def crossentropyloss(args):
    return torch.nn.CrossEntropyLoss()


class GetLoss:
    def __init__(self):
        self.loss_table = {
            "CrossEntropyLoss": crossentropyloss,
        }

    def __call__(self, args):
        return self.loss_table[args.loss["name"]](args)
