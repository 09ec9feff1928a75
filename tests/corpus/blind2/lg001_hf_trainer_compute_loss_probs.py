"""positive [LG001]: a transformers Trainer subclass softmaxes outputs.logits for 'calibration' and passes the probabilities to F.cross_entropy."""
import torch
import torch.nn.functional as F
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments


class CalibratedTrainer(Trainer):
    def __init__(self, *args, temperature: float = 1.5, **kwargs):
        super().__init__(*args, **kwargs)
        self.temperature = temperature

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        calibrated = torch.softmax(outputs.logits / self.temperature, dim=-1)
        n_labels = calibrated.size(-1)
        loss = F.cross_entropy(calibrated.view(-1, n_labels), labels.view(-1))  # expect: LG001
        return (loss, outputs) if return_outputs else loss


def main(train_ds, eval_ds):
    model = AutoModelForSequenceClassification.from_pretrained("distilroberta-base", num_labels=3)
    args = TrainingArguments(
        output_dir="out/nli",
        per_device_train_batch_size=32,
        learning_rate=2e-5,
        num_train_epochs=3,
        fp16=True,
    )
    trainer = CalibratedTrainer(model=model, args=args, train_dataset=train_ds, eval_dataset=eval_ds)
    trainer.train()
