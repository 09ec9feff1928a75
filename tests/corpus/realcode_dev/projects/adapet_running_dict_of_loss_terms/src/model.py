"""part of positive project [LG006]: forward() back-propagates one term itself and returns the total loss with a dict of its terms; the 'loss' and 'mlm_loss' entries still hold the MLM graph."""
# Source: https://github.com/huggingface/setfit scripts/adapet/ADAPET/src/adapet.py at
# 0f8e322ce7c62eeb7b2d113f88f1b1fc37777692 (ADAPET.forward, lines 208-235); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class Adapet(nn.Module):
    def __init__(self, config, tokenizer, reader):
        super().__init__()
        self.config = config
        self.reader = reader
        self.bce = nn.BCELoss(reduction="none")

    def forward(self, batch):
        disc_loss = self.decoupled_label_loss(batch)
        disc_loss.backward()  # done here to fit every task on one GPU

        input_ids, masked_ids, _, tgt = self.reader.prepare_batch(batch, "PET_MLM")
        probs = self.mlm_probs(input_ids, masked_ids)
        seq_len = probs.shape[1]
        full = self.bce(probs, tgt[:, None].repeat(1, seq_len).float())
        mask = input_ids != masked_ids
        mlm_loss = torch.sum(full * mask.float()) / torch.max(torch.sum(mask), torch.tensor(1))

        loss = disc_loss.clone().detach() + mlm_loss
        terms = {"loss": loss, "disc_loss": disc_loss, "mlm_loss": mlm_loss}
        return loss, terms
