"""look-alike [LG002, LG016, LG004]: Onsets and Frames: every stack is an nn.Sequential ending in nn.Sigmoid(); forward returns a 5-tuple, run_on_batch reshapes the predictions into a dict and computes F.binary_cross_entropy inside a dict literal of losses."""
# Source: https://github.com/jongwook/onsets-and-frames onsets_and_frames/transcriber.py at
# a26bcb572ff18096ec79245dc0eeaaef46c81c6f (issue #35 asked about a missing sigmoid; it is inside the stacks);
# re-typed, names changed, reduced. Correct code.
import torch
import torch.nn.functional as F
from torch import nn


class ConvStack(nn.Module):
    def __init__(self, input_features, output_features):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(1, output_features // 16, (3, 3), padding=1),
            nn.BatchNorm2d(output_features // 16),
            nn.ReLU(),
            nn.MaxPool2d((1, 2)),
            nn.Dropout(0.25),
        )
        self.fc = nn.Sequential(nn.Linear((output_features // 16) * (input_features // 2), output_features), nn.Dropout(0.5))

    def forward(self, mel):
        x = mel.view(mel.size(0), 1, mel.size(1), mel.size(2))
        x = self.cnn(x)
        x = x.transpose(1, 2).flatten(-2)
        return self.fc(x)


class OnsetsAndFrames(nn.Module):
    def __init__(self, input_features, output_features, model_complexity=48):
        super().__init__()
        fc_size = model_complexity * 16
        lstm_units = model_complexity * 8
        self.onset_stack = nn.Sequential(
            ConvStack(input_features, fc_size),
            nn.Linear(fc_size, output_features),
            nn.Sigmoid(),
        )
        self.offset_stack = nn.Sequential(
            ConvStack(input_features, fc_size),
            nn.Linear(fc_size, output_features),
            nn.Sigmoid(),
        )
        self.frame_stack = nn.Sequential(
            ConvStack(input_features, fc_size),
            nn.Linear(fc_size, output_features),
            nn.Sigmoid(),
        )
        self.combined_stack = nn.Sequential(
            nn.Linear(output_features * 3, output_features),
            nn.Sigmoid(),
        )
        self.velocity_stack = nn.Sequential(ConvStack(input_features, fc_size), nn.Linear(fc_size, output_features))

    def forward(self, mel):
        onset_pred = self.onset_stack(mel)
        offset_pred = self.offset_stack(mel)
        activation_pred = self.frame_stack(mel)
        combined_pred = torch.cat([onset_pred.detach(), offset_pred.detach(), activation_pred], dim=-1)
        frame_pred = self.combined_stack(combined_pred)
        velocity_pred = self.velocity_stack(mel)
        return onset_pred, offset_pred, activation_pred, frame_pred, velocity_pred

    def run_on_batch(self, batch, mel):
        onset_label = batch["onset"]
        offset_label = batch["offset"]
        frame_label = batch["frame"]
        velocity_label = batch["velocity"]
        onset_pred, offset_pred, _, frame_pred, velocity_pred = self(mel)
        predictions = {
            "onset": onset_pred.reshape(*onset_label.shape),
            "offset": offset_pred.reshape(*offset_label.shape),
            "frame": frame_pred.reshape(*frame_label.shape),
            "velocity": velocity_pred.reshape(*velocity_label.shape),
        }
        losses = {
            "loss/onset": F.binary_cross_entropy(predictions["onset"], onset_label),
            "loss/offset": F.binary_cross_entropy(predictions["offset"], offset_label),
            "loss/frame": F.binary_cross_entropy(predictions["frame"], frame_label),
            "loss/velocity": self.velocity_loss(predictions["velocity"], velocity_label, onset_label),
        }
        return predictions, losses

    def velocity_loss(self, velocity_pred, velocity_label, onset_label):
        denominator = onset_label.sum()
        if denominator.item() == 0:
            return denominator
        return (onset_label * (velocity_label - velocity_pred) ** 2).sum() / denominator


def train(model, loader, optimizer, iterations):
    for i, batch in zip(range(iterations), loader):
        predictions, losses = model.run_on_batch(batch, batch["mel"])
        loss = sum(losses.values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
