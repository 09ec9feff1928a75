"""part of positive project [LG001, LG014]: the BERT tagger computes its own loss when labels are given: softmax over the flattened token scores, then nn.CrossEntropyLoss(ignore_index=0)."""
# Source: shawroad/NLP_pytorch_project at 1272fed2 (read as is; the files date from d6296bb "Bert_Softmax_Ner"), NER/Bert_Softmax_Ner/model.py; re-typed, identifiers renamed.
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import CrossEntropyLoss
from transformers import BertConfig, BertModel

from config import Config


class BertTokenTagger(nn.Module):
    def __init__(self):
        super(BertTokenTagger, self).__init__()
        num_tag = Config.num_tag
        self.config = BertConfig.from_pretrained(Config.model_config_path)
        self.bert = BertModel.from_pretrained(Config.model_path, config=self.config)
        self.dropout = nn.Dropout(0.3)
        self.classifier = nn.Linear(768, num_tag)
        self.loss_fct = CrossEntropyLoss(ignore_index=0)

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, labels=None):
        outputs = self.bert(input_ids=input_ids, attention_mask=attention_mask)
        sequence_output = outputs[0]
        sequence_output = self.dropout(sequence_output)
        logits = self.classifier(sequence_output)
        if labels is not None:
            active_logits = logits.view(-1, Config.num_tag)
            active_logits = F.softmax(active_logits, dim=1)
            active_labels = labels.view(-1)
            loss = self.loss_fct(active_logits, active_labels)  # expect: LG001
            return loss
        else:
            return logits
