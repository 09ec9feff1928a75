"""part of look-alike project [LG001, LG006, LG014]: the downstream classifier of a real-time video recognition toolkit: LogisticRegression is an nn.Sequential of nn.Linear and nn.Softmax(dim=-1), applied after global average pooling; Pipe chains the fine-tuned backbone layers and the classifier."""
# Source: quic/sense at eb5bdb35 ("Remove softmax layer during finetuning", PR #47, the fix), realtimenet/downstream_tasks/nn_utils.py;
# re-typed, identifiers renamed.
import torch.nn as nn


class Pipe(nn.Module):
    def __init__(self, feature_extractor, feature_converter):
        super().__init__()
        self.feature_extractor = feature_extractor
        self.feature_converter = feature_converter

    def forward(self, input_tensor):
        feature = self.feature_extractor(input_tensor)
        if isinstance(self.feature_converter, list):
            return [convert(feature) for convert in self.feature_converter]
        return self.feature_converter(feature)

    @property
    def fps(self):
        return self.feature_extractor.fps


class LogisticRegression(nn.Sequential):
    def __init__(self, num_in, num_out, global_average_pooling=True):
        super(LogisticRegression, self).__init__(
            nn.Linear(num_in, num_out),
            nn.Softmax(dim=-1)
        )
        self.global_average_pooling = global_average_pooling

    def forward(self, input_tensor):
        if self.global_average_pooling:
            input_tensor = input_tensor.mean(dim=-1).mean(dim=-1)
        return super().forward(input_tensor)
