"""part of positive project [LG009]: the ALBERT sequence classifier picks its loss by config.loss_type: CrossEntropyLoss by default, LabelSmoothLoss(label_smoothing=config.ls_epsilon, reduction="mean") for "ls", focal losses otherwise, and applies it to the Linear classifier's logits and the labels."""
# Source: Zessay/NLP-Pytorch-Template at df48a495, albert_pytorch/model/modeling_albert_bright.py; re-typed, identifiers renamed; AlbertModel, the
# pre-trained base class and the other heads of the file (pair classification, span NER, ...) are the repository's
# (not included); the class-balanced focal branch shortened.
import torch
import torch.nn as nn
from torch.nn import CrossEntropyLoss

from .modeling_albert import AlbertModel, AlbertPreTrainedModel
from snlp.losses import FocalLoss, LabelSmoothLoss


class AlbertForSequenceClassificationLS(AlbertPreTrainedModel):
    def __init__(self, config):
        super(AlbertForSequenceClassificationLS, self).__init__(config)
        self.num_labels = config.num_labels
        self.loss_type = config.loss_type
        self.ls_epsilon = config.ls_epsilon
        self.bert = AlbertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, self.config.num_labels)
        self.init_weights()

    def forward(self, input_ids, attention_mask=None, token_type_ids=None, position_ids=None, head_mask=None,
                labels=None):
        outputs = self.bert(input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids,
                            position_ids=position_ids, head_mask=head_mask)
        pooled_output = outputs[1]
        pooled_output = self.dropout(pooled_output)
        logits = self.classifier(pooled_output)
        outputs = (logits,) + outputs[2:]

        if labels is not None:
            loss_fct = CrossEntropyLoss()
            if self.loss_type == "ls":
                loss_fct = LabelSmoothLoss(label_smoothing=self.ls_epsilon, reduction="mean")
            elif self.loss_type == "focal":
                loss_fct = FocalLoss(num_classes=self.num_labels, reduction="mean")
            loss = loss_fct(logits.view(-1, self.num_labels), labels)
            outputs = (loss,) + outputs
        return outputs
