"""part of look-alike project [LG002]: the reward trainer's Trainer subclass gives the sequence classifier's raw logits to nn.BCEWithLogitsLoss, with float targets."""

# Source: chai-research/chaiverse@66b0493b1b src/chaiverse/dev/model/reward_model.py (BCETrainer, RewardTrainer,
# RewardClassificationTrainer; re-typed, the tokenizer, the saving and most training arguments cut), with the loss
# written the way the library's multi-label head computes it (BCEWithLogitsLoss on the logits).
from torch import nn
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments


class BinaryTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        targets = inputs.pop("labels")
        outputs = model(**inputs)
        scores = outputs.get("logits")
        criterion = nn.BCEWithLogitsLoss()
        loss = criterion(scores.view(-1), targets.view(-1).float())
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
