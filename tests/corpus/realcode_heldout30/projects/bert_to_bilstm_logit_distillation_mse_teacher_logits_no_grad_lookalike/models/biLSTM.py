"""part of look-alike project [LG001, LG006, LG008, LG013, LG017]: the student: an embedding, a bidirectional LSTM, two Linear layers per step and a max over time, returning class logits."""
# Source: HoyTta0/KnowledgeDistillation at c84a33d5, models/biLSTM.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F


class BiLSTMStudent(nn.Module):
    def __init__(self, config):
        super(BiLSTMStudent, self).__init__()
        self.embedding = nn.Embedding(21128, 300)
        self.lstm = nn.LSTM(input_size=300, hidden_size=300, num_layers=1, batch_first=True, dropout=0, bidirectional=True)
        self.fc1 = nn.Linear(300 * 2, 192)
        self.fc2 = nn.Linear(192, config.num_classes)

    def forward(self, x, hidden=None):
        x = self.embedding(x)
        out, hidden = self.lstm(x, hidden)
        out = F.relu(self.fc1(out))
        out = self.fc2(out)
        return torch.max(out, dim=1)[0]
