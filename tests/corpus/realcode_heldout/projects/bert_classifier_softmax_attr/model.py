"""part of positive project [LG001]: BERT classifier stores nn.functional.softmax in self.softmax and returns self.softmax(logits, 1)."""
# Source: https://github.com/illiterate/BertClassifier model.py at 0b81c94329f0b465096bbd4d5c25a0b63c66439c
# (issue #2: softmax before nn.CrossEntropyLoss); re-typed, names changed.
import torch.nn as nn
from transformers import BertModel


class BertClassifier(nn.Module):
    def __init__(self, bert_config):
        super().__init__()
        self.bert = BertModel(config=bert_config)
        self.classifier = nn.Linear(bert_config.hidden_size, bert_config.num_labels)
        self.softmax = nn.functional.softmax

    def forward(self, input_ids, attention_mask, token_type_ids):
        bert_output = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        pooled = bert_output[1]
        logits = self.classifier(pooled)
        return self.softmax(logits, 1)
