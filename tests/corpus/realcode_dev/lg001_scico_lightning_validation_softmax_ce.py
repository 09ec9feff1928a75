"""positive [LG001]: LightningModule trains CrossEntropyLoss on logits, but validation_step and test_step apply torch.softmax first and feed the probabilities to the same criterion."""
# Source: https://github.com/ariecattan/SciCo models/muticlass.py at 0360781d6d0f2aa9f3d92cc8fdbb79f03065ea31
# (issue #2 "Double-softmax in validation loss"); re-typed, names changed, reduced.
import pytorch_lightning as pl
import torch
import torch.nn as nn
from transformers import AutoModel


class PairClassifier(pl.LightningModule):
    def __init__(self, config, num_classes=4):
        super(PairClassifier, self).__init__()
        self.config = config
        self.encoder = AutoModel.from_pretrained(config["model"]["bert_model"], add_pooling_layer=False)
        self.linear = nn.Linear(self.encoder.config.hidden_size, num_classes)
        self.criterion = torch.nn.CrossEntropyLoss()

    def forward(self, input_ids, attention_mask, global_attention_mask):
        output = self.encoder(input_ids, attention_mask=attention_mask, global_attention_mask=global_attention_mask)
        cls_vector = output.last_hidden_state[:, 0, :]
        scores = self.linear(cls_vector)
        return scores

    def training_step(self, batch, batch_idx):
        x, y = batch
        input_ids, attention_mask, global_attention_mask = x
        y_hat = self(input_ids, attention_mask, global_attention_mask)
        loss = self.criterion(y_hat, y)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        input_ids, attention_mask, global_attention_mask = x
        y_hat = self(input_ids, attention_mask, global_attention_mask)
        y_hat = torch.softmax(y_hat, dim=1)
        loss = self.criterion(y_hat, y)  # expect: LG001
        self.log("val_loss", loss, on_epoch=True, on_step=False)
        return loss

    def test_step(self, batch, batch_idx):
        x, y = batch
        input_ids, attention_mask, global_attention_mask = x
        y_hat = self(input_ids, attention_mask, global_attention_mask)
        y_hat = torch.softmax(y_hat, dim=1)
        loss = self.criterion(y_hat, y)  # expect: LG001
        return {"loss": loss, "preds": y_hat, "label": y}

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.config["model"]["lr"])
