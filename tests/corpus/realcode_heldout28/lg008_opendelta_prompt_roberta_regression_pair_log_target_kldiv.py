"""positive [LG008, LG009]: the delta-tuning example's prompt RoBERTa turns a regression label into the pair (1 - s, s) of probabilities and gives it to nn.KLDivLoss(log_target=True), which reads the target as log-probabilities, at its default 'mean' reduction."""
# Source: thunlp/OpenDelta at 067eed23, examples/legacies/delta-tuning-main/src/models.py (AutoRobertaForMaskedLM,
# read as is); re-typed, identifiers renamed; the prompt / adapter / bias training switches cut to one, the eval() and
# train() overrides shortened (PromptRobertaForMaskedLM as in the source's model package).
import torch
import torch.nn as nn
from transformers import RobertaForMaskedLM

from .model import PromptRobertaForMaskedLM


class MaskedLMPromptModel(nn.Module):
    def __init__(self, config, use_prompt, model_name_or_path=None):
        super().__init__()
        self.use_prompt = use_prompt
        if model_name_or_path is not None:
            if use_prompt:
                self.backbone = PromptRobertaForMaskedLM.from_pretrained(model_name_or_path, config=config)
            else:
                self.backbone = RobertaForMaskedLM.from_pretrained(model_name_or_path, config=config)
        else:
            if use_prompt:
                self.backbone = PromptRobertaForMaskedLM(config=config)
            else:
                self.backbone = RobertaForMaskedLM(config=config)
        self.model_args = None
        self.data_args = None
        self.verbalizer_ids = None
        # regression range
        self.low = None
        self.high = None
        self.num_labels = config.num_labels
        self.evaluate = True

    def train_bias(self):
        if not hasattr(self, 'training_params') or self.training_params != "bias":
            self.evaluate = True
            self.params = [p for n, p in self.named_parameters() if 'bias' in n]
        self.training_params = "bias"
        if self.evaluate is True:
            self.evaluate = False
            for p in self.params:
                p.requires_grad = True

    def forward(self, input_ids=None, attention_mask=None, mask_pos=None, labels=None):
        if mask_pos is not None:
            mask_pos = mask_pos.squeeze()

        out = self.backbone(input_ids, attention_mask=attention_mask)
        scores = out[1]
        mask_scores = scores[torch.arange(scores.size(0)), mask_pos]

        per_label = []
        for k in range(len(self.verbalizer_ids)):
            per_label.append(mask_scores[:, self.verbalizer_ids[k]].unsqueeze(-1))
        logits = torch.cat(per_label, -1)

        if self.num_labels == 1:
            log_sm = nn.LogSoftmax(-1)
            logits = log_sm(logits)

        loss = None
        if labels is not None:
            if self.num_labels == 1:
                kl = nn.KLDivLoss(log_target=True)  # expect: LG009
                labels = torch.stack([1 - (labels.view(-1) - self.low) / (self.high - self.low),
                                      (labels.view(-1) - self.low) / (self.high - self.low)], -1)
                loss = kl(logits.view(-1, 2), labels)  # expect: LG008
            else:
                ce = nn.CrossEntropyLoss()
                loss = ce(logits.view(-1, logits.size(-1)), labels.view(-1))

        output = (logits,)
        if self.num_labels == 1:
            output = (torch.exp(logits[..., 1].unsqueeze(-1)) * (self.high - self.low) + self.low,)
        return ((loss,) + output) if loss is not None else output
