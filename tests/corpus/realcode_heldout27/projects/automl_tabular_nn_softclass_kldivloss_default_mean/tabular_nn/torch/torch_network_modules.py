"""part of positive project [LG009]: EmbedNet (embeddings of categorical features plus an MLP ending in nn.Linear) returns log_softmax for the soft-class task (distillation targets), raw scores for binary and multiclass; compute_loss calls the loss function the model was given on the prediction and the batch's target."""
# Source: autogluon/autogluon at f34ebb4f, tabular/src/autogluon/tabular/models/tabular_nn/torch/torch_network_modules.py; re-typed, identifiers
# renamed; the embedding-size inference, the y-range constraints of regression and the quantile losses shortened.
import numpy as np
import torch
import torch.nn as nn

from autogluon.core.constants import BINARY, MULTICLASS, QUANTILE, REGRESSION, SOFTCLASS


class EmbedNet(nn.Module):
    def __init__(self, problem_type, num_net_outputs=None, quantile_levels=None, train_dataset=None,
                 architecture_desc=None, device=None, num_layers=4, hidden_size=128, dropout_prob=0.1, y_range=None,
                 **kwargs):
        super().__init__()
        self.problem_type = problem_type
        self.device = torch.device("cpu") if device is None else device
        in_features = train_dataset.num_vector_features()
        self.has_vector_features = True
        self.has_embed_features = False
        layers = [nn.Linear(in_features, hidden_size), nn.ReLU(), nn.Dropout(dropout_prob)]
        for _ in range(num_layers - 1):
            layers += [nn.Linear(hidden_size, hidden_size), nn.ReLU(), nn.Dropout(dropout_prob)]
        layers.append(nn.Linear(hidden_size, num_net_outputs))
        self.main_block = nn.Sequential(*layers)
        if self.problem_type == SOFTCLASS:
            self.log_softmax = torch.nn.LogSoftmax(dim=1)
        if self.problem_type in [BINARY, MULTICLASS, SOFTCLASS]:
            self.softmax = torch.nn.Softmax(dim=1)

    def init_params(self):
        for layer in self.children():
            if hasattr(layer, "reset_parameters"):
                layer.reset_parameters()

    def forward(self, data_batch):
        input_data = data_batch[0].to(self.device)
        output_data = self.main_block(input_data)
        if self.problem_type in [REGRESSION, QUANTILE]:
            return output_data
        elif self.problem_type == SOFTCLASS:
            return self.log_softmax(output_data)
        else:
            return output_data

    def compute_loss(self, data_batch, loss_function=None, gamma=None):
        self.train()
        predict_data = self(data_batch)
        target_data = data_batch[-1].to(self.device)
        if self.problem_type in [BINARY, MULTICLASS]:
            target_data = target_data.type(torch.long)
        if self.problem_type == SOFTCLASS:
            return loss_function(predict_data, target_data)
        else:
            target_data = target_data.flatten()
            if self.problem_type == REGRESSION:
                predict_data = predict_data.flatten()
            return loss_function(predict_data, target_data)

    def predict(self, input_data):
        self.eval()
        with torch.no_grad():
            predict_data = self(input_data)
            if self.problem_type in [BINARY, MULTICLASS, SOFTCLASS]:
                predict_data = self.softmax(predict_data)
            elif self.problem_type == REGRESSION:
                predict_data = predict_data.flatten()
            if self.problem_type == BINARY:
                predict_data = predict_data[:, 1]
            return predict_data.data.cpu().numpy()
