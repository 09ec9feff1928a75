"""part of positive project [LG002]: a Trainer subclass's compute_loss gives nn.BCELoss the raw logits of the sequence classifier the reward trainer hands it."""

# Source: chai-research/chaiverse@66b0493b1b src/chaiverse/dev/model/reward_model.py (BCETrainer, RewardTrainer,
# RewardClassificationTrainer; re-typed, the tokenizer, the saving and most training arguments cut). A later commit
# (27e78c5) dropped the BCELoss trainer for the library's own loss over two labels.
from torch import nn
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments


class BinaryTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        targets = inputs.pop("labels")
        outputs = model(**inputs)
        scores = outputs.get("logits")
        criterion = nn.BCELoss()
        loss = criterion(scores.view(-1), targets.view(-1))  # expect: LG002
        return (loss, outputs) if return_outputs else loss


class ScoreModelFitter:
    trainer_class = Trainer

    def __init__(self, checkpoint, output_dir, num_labels=1, lr=2e-5):
        self.checkpoint = checkpoint
        self.output_dir = output_dir
        self.num_labels = num_labels
        self.lr = lr

    def fit(self, data):
        self.build_model()
        self.build_trainer(data)
        self.trainer.train()

    def build_model(self):
        self.model = AutoModelForSequenceClassification.from_pretrained(self.checkpoint, num_labels=self.num_labels, device_map="auto")

    def build_trainer(self, data):
        self.trainer = self.trainer_class(
            model=self.model,
            args=TrainingArguments(output_dir=self.output_dir, learning_rate=self.lr),
            train_dataset=data["train"],
            eval_dataset=data.get("validation", None),
        )


class BinaryScoreModelFitter(ScoreModelFitter):
    trainer_class = BinaryTrainer
