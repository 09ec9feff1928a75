"""part of look-alike project [LG001, LG006, LG008, LG013, LG017]: the teacher: a BERT encoder (all but its last four parameter tensors frozen), the pooled output through two Linear layers to the class logits."""
# Source: HoyTta0/KnowledgeDistillation at c84a33d5, models/bert.py; re-typed, identifiers renamed.
import torch.nn as nn
import torch.nn.functional as F
from transformers import BertModel


class BertTeacher(nn.Module):
    def __init__(self, config):
        super(BertTeacher, self).__init__()
        self.bert = BertModel.from_pretrained(config.bert_path)
        for param in list(self.bert.parameters())[:-4]:
            param.requires_grad = False
        self.fc = nn.Linear(config.hidden_size, 192)
        self.fc1 = nn.Linear(192, config.num_classes)

    def forward(self, context, mask):
        pooled = self.bert(context, attention_mask=mask)[1]
        return self.fc1(F.relu(self.fc(pooled)))
