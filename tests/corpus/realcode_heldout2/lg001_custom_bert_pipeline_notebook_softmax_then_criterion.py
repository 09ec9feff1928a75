"""positive [LG001]: a BERT fine-tuning notebook's train_model applies F.softmax(outputs, dim=1) and hands the probabilities to the criterion argument, which a later cell sets to nn.CrossEntropyLoss()."""
# Source: https://github.com/sugi-chan/custom_bert_pipeline bert_pipeline.ipynb at 70896aef6d3e3289e2ed19170aee0ef91fc14eb5
# (issue #1 "Softmax before nn.CrossEntropyLoss()"); the code cells concerned, re-typed, names changed, reduced.
import copy
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from pytorch_pretrained_bert import BertConfig, BertModel
from torch.optim import lr_scheduler

config = BertConfig(vocab_size_or_config_json_file=32000, hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072)


class BertForSequenceClassification(nn.Module):
    def __init__(self, num_labels=2):
        super(BertForSequenceClassification, self).__init__()
        self.num_labels = num_labels
        self.bert = BertModel.from_pretrained("bert-base-uncased")
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, num_labels)
        nn.init.xavier_normal_(self.classifier.weight)

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, labels=None):
        _, pooled_output = self.bert(input_ids, token_type_ids, attention_mask, output_all_encoded_layers=False)
        pooled_output = self.dropout(pooled_output)
        logits = self.classifier(pooled_output)
        return logits


num_labels = 2
model = BertForSequenceClassification(num_labels)


def train_model(model, criterion, optimizer, scheduler, num_epochs=25):
    best_model_wts = copy.deepcopy(model.state_dict())
    best_loss = 100
    for epoch in range(num_epochs):
        for phase in ["train", "val"]:
            if phase == "train":
                scheduler.step()
                model.train()
            else:
                model.eval()
            running_loss = 0.0
            sentiment_corrects = 0
            for inputs, sentiment in dataloaders_dict[phase]:
                inputs = inputs.to(device)
                sentiment = sentiment.to(device)
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == "train"):
                    outputs = model(inputs)
                    outputs = F.softmax(outputs, dim=1)
                    loss = criterion(outputs, torch.max(sentiment.float(), 1)[1])  # expect: LG001
                    if phase == "train":
                        loss.backward()
                        optimizer.step()
                running_loss += loss.item() * inputs.size(0)
                sentiment_corrects += torch.sum(torch.max(outputs, 1)[1] == torch.max(sentiment, 1)[1])
            epoch_loss = running_loss / dataset_sizes[phase]
            if phase == "val" and epoch_loss < best_loss:
                best_loss = epoch_loss
                best_model_wts = copy.deepcopy(model.state_dict())
    model.load_state_dict(best_model_wts)
    return model


model.to(device)
lrlast = 0.001
lrmain = 0.00001
optim1 = optim.Adam([{"params": model.bert.parameters(), "lr": lrmain}, {"params": model.classifier.parameters(), "lr": lrlast}])
optimizer_ft = optim1
criterion = nn.CrossEntropyLoss()
exp_lr_scheduler = lr_scheduler.StepLR(optimizer_ft, step_size=3, gamma=0.1)
model_ft1 = train_model(model, criterion, optimizer_ft, exp_lr_scheduler, num_epochs=10)
