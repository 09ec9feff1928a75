"""look-alike [LG001, LG008, LG009]: a Hugging Face Trainer subclass reads loss and logits from the student's output object and adds nn.KLDivLoss(reduction="batchmean") on log_softmax(student) against softmax(teacher) (the issue thread about it asked for a log target, which is not needed)."""
# Source: nlp-with-transformers/notebooks@0cb211095b4622fa922f80fbdc9d83cc5d9e0c34 08_model-compression.ipynb (the code cells of the distillation section, 26 to 39; issue #94 of the repository questions the KL arguments; re-typed, the dataset preparation, hub login and hidden cells left out)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments


class DistillationTrainingArguments(TrainingArguments):
    def __init__(self, *args, alpha=0.5, temperature=2.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.alpha = alpha
        self.temperature = temperature


class DistillationTrainer(Trainer):
    def __init__(self, *args, teacher_model=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.teacher_model = teacher_model

    def compute_loss(self, model, inputs, return_outputs=False):
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        inputs = inputs.to(device)
        student_out = model(**inputs)
        loss_ce = student_out.loss
        student_logits = student_out.logits
        with torch.no_grad():
            teacher_out = self.teacher_model(**inputs)
            teacher_logits = teacher_out.logits
        kl = nn.KLDivLoss(reduction="batchmean")
        loss_kd = self.args.temperature ** 2 * kl(
            F.log_softmax(student_logits / self.args.temperature, dim=-1),
            F.softmax(teacher_logits / self.args.temperature, dim=-1))
        loss = self.args.alpha * loss_ce + (1. - self.args.alpha) * loss_kd
        return (loss, student_out) if return_outputs else loss


student_ckpt = "distilbert-base-uncased"
student_tokenizer = AutoTokenizer.from_pretrained(student_ckpt)


def compute_metrics(pred):
    predictions, labels = pred
    predictions = np.argmax(predictions, axis=1)
    return accuracy_score.compute(predictions=predictions, references=labels)


batch_size = 48
student_training_args = DistillationTrainingArguments(
    output_dir="distilbert-base-uncased-finetuned-clinc", evaluation_strategy="epoch",
    num_train_epochs=5, learning_rate=2e-5,
    per_device_train_batch_size=batch_size,
    per_device_eval_batch_size=batch_size, alpha=1, weight_decay=0.01)

student_config = AutoConfig.from_pretrained(student_ckpt, num_labels=num_labels, id2label=id2label, label2id=label2id)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def student_init():
    return AutoModelForSequenceClassification.from_pretrained(student_ckpt, config=student_config).to(device)


teacher_model = AutoModelForSequenceClassification.from_pretrained(
    "transformersbook/bert-base-uncased-finetuned-clinc", num_labels=num_labels).to(device)

distilbert_trainer = DistillationTrainer(
    model_init=student_init, teacher_model=teacher_model, args=student_training_args,
    train_dataset=clinc_enc['train'], eval_dataset=clinc_enc['validation'],
    compute_metrics=compute_metrics, tokenizer=student_tokenizer)

distilbert_trainer.train()
