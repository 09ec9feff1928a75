"""look-alike [LG003]: the same masked Trainer loss on the raw logits, as the repository has it."""

# Source: cruz-lucas/Chest-X-Ray-Pathology-Classifier@45472c9da9 src/chexformer/model/customtrainers.py (MaskedLossTrainer, re-typed; docstrings cut)
from torch import masked_select, nn
from transformers import Trainer


class IgnoreUncertainTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        known = labels > -1.0
        criterion = nn.BCEWithLogitsLoss().to(model.device)
        n = self.model.config.num_labels
        loss = criterion(masked_select(logits.view(-1, n), known), masked_select(labels.view(-1, n), known))
        return (loss, outputs) if return_outputs else loss
