"""positive [LG015]: span-NER model builds nn.CrossEntropyLoss(reduction=reduction) with reduction = 'none', returns (loss,) + outputs, and the trainer calls model(**batch)[0].backward()."""
# Source: issue https://github.com/z814081807/DeepNER/issues/19 (src/utils/model_utils.py line ~283,
# reduction = 'none' before nn.CrossEntropyLoss; loss.backward() in the trainer); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class SpanModel(nn.Module):
    def __init__(self, encoder, hidden, num_tags, loss_type="ce"):
        super().__init__()
        self.encoder = encoder
        self.start_fc = nn.Linear(hidden, num_tags)
        self.end_fc = nn.Linear(hidden, num_tags)
        reduction = "none"
        if loss_type == "ce":
            self.criterion = nn.CrossEntropyLoss(reduction=reduction)

    def forward(self, token_ids, attention_masks, token_type_ids, start_ids=None, end_ids=None):
        seq_out = self.encoder(input_ids=token_ids, attention_mask=attention_masks, token_type_ids=token_type_ids)[0]
        start_logits = self.start_fc(seq_out)
        end_logits = self.end_fc(seq_out)
        out = (start_logits, end_logits)
        if start_ids is not None and end_ids is not None:
            start_logits = start_logits.view(-1, start_logits.size(-1))
            end_logits = end_logits.view(-1, end_logits.size(-1))
            active = attention_masks.view(-1) == 1
            start_loss = self.criterion(start_logits[active], start_ids.view(-1)[active])
            end_loss = self.criterion(end_logits[active], end_ids.view(-1)[active])
            loss = start_loss + end_loss
            out = (loss,) + out
        return out


def train(model, loader, optimizer, epochs):
    for epoch in range(epochs):
        for step, batch_data in enumerate(loader):
            model.train()
            model.zero_grad()
            loss = model(**batch_data)[0]
            loss.backward()  # expect: LG015
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
