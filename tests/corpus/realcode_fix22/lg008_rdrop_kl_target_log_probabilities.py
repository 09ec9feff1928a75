"""positive [LG008]: the R-Drop term of a T5/PEGASUS summariser compares the two dropout passes with F.kl_div(lprob1, lprob2) and F.kl_div(lprob2, lprob1): the targets are log-probabilities without log_target=True (the fix, in a commit titled "update the evaluation data set", passes the probabilities prob2 and prob1)."""

# Source: renmada/t5-pegasus-pytorch@481f369339 utils.py and models.py, fixed in 4ed4cc44d3 (cut, renamed)
import torch.nn as nn
import torch.nn.functional as F


def label_smoothed_ce(logits, labels, eps=0.0):
    logits = logits.view(-1, logits.size(-1))
    return F.cross_entropy(logits, labels.view(-1), label_smoothing=eps)


def rdrop_kl(logits1, logits2, mask):
    prob1 = F.softmax(logits1, -1)
    prob2 = F.softmax(logits2, -1)
    lprob1 = prob1.log()
    lprob2 = prob2.log()
    loss1 = F.kl_div(lprob1, lprob2, reduction="none")  # expect: LG008
    loss2 = F.kl_div(lprob2, lprob1, reduction="none")  # expect: LG008
    mask = (mask == 0).bool()
    loss1 = loss1.masked_fill_(mask, 0.0).sum()
    loss2 = loss2.masked_fill_(mask, 0.0).sum()
    return (loss1 + loss2) / 2


class Summariser(nn.Module):
    def __init__(self, model, rdrop_coef=1.0, ls_eps=0.0):
        super().__init__()
        self.model = model
        self.rdrop_coef = rdrop_coef
        self.ls_eps = ls_eps

    def forward(self, batch):
        labels = batch.pop("labels")
        output = self.model(**batch)
        batch["labels"] = labels
        return output

    def training_step(self, batch, batch_idx):
        logits = self(batch).logits
        loss = label_smoothed_ce(logits, batch["labels"], eps=self.ls_eps)
        logits2 = self(batch).logits
        loss = (loss + label_smoothed_ce(logits2, batch["labels"], eps=self.ls_eps)) / 2
        return loss + self.rdrop_coef * rdrop_kl(logits, logits2, batch["decoder_attention_mask"])
