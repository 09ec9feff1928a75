"""positive [LG003]: a Hugging Face Trainer's masked loss takes the sigmoid of the logits, then picks the known labels with masked_select and hands them to BCEWithLogitsLoss."""

# Source: cruz-lucas/Chest-X-Ray-Pathology-Classifier@45472c9da9 src/chexformer/model/customtrainers.py (MaskedLossTrainer, re-typed; docstrings cut)
# Mutation: logits = outputs.get("logits") became logits = outputs.get("logits").sigmoid()
from torch import masked_select, nn
from transformers import Trainer


class IgnoreUncertainTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits").sigmoid()
        known = labels > -1.0
        criterion = nn.BCEWithLogitsLoss().to(model.device)
        n = self.model.config.num_labels
        loss = criterion(
            masked_select(logits.view(-1, n), known),  # expect: LG003
            masked_select(labels.view(-1, n), known),
        )
        return (loss, outputs) if return_outputs else loss
