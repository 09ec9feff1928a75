"""positive [LG008, LG009]: a prompt-based fine-tuner's regression head turns the label, scaled to [0, 1], into the pair `(1 - p, p)` over two label words and gives it to `nn.KLDivLoss(log_target=True)`, which reads its target as log-probabilities (the loss is smallest at `softmax(target)`); the loss's default reduction is also the mean over elements."""

# Source: princeton-nlp/MeZO@552cb1b medium_models/src/models.py (LM-BFF's model_for_prompting_forward; re-typed, renamed, cut to the loss)
import torch
import torch.nn as nn


def prompt_forward(model, input_ids, mask_pos, labels=None):
    hidden = model.encoder(input_ids)[0]
    at_mask = hidden[torch.arange(hidden.size(0)), mask_pos]
    scores = model.lm_head(at_mask)
    logits = torch.cat([scores[:, w].unsqueeze(-1) for w in model.label_words], -1)
    if model.num_labels == 1:
        logits = nn.LogSoftmax(-1)(logits)

    loss = None
    if labels is not None:
        if model.num_labels == 1:
            labels = torch.stack(
                [1 - (labels.view(-1) - model.low) / (model.high - model.low), (labels.view(-1) - model.low) / (model.high - model.low)], -1
            )
            loss = nn.KLDivLoss(log_target=True)(logits.view(-1, 2), labels)  # expect: LG008, LG009
        else:
            loss = nn.CrossEntropyLoss()(logits.view(-1, logits.size(-1)), labels.view(-1))
    return loss, logits
