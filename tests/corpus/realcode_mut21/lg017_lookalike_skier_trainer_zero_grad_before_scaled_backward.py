"""look-alike: the trainer class clears the optimizer's gradients at the top of each batch, as written, before the scaled
backward() and the scaler's step (mixed precision, a multi-label model from a factory)."""

# Source: SkierProjects/MultiLabelImageClassificationPytorch@21d82c744b src/imclaslib/training/modeltrainer.py
# (ModelTrainer.__init__, ModelTrainer.train; re-typed; label embeddings, logging, checkpoints and distillation cut)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.cuda.amp import GradScaler, autocast
from torchvision import models
from tqdm import tqdm


class TagHead(nn.Module):
    def __init__(self, base_model, num_classes, dropout_prob):
        super().__init__()
        self.base_model = base_model
        self.classifier = nn.Sequential(nn.Dropout(dropout_prob), nn.Linear(base_model.output_dim, num_classes))

    def forward(self, x):
        return self.classifier(self.base_model(x))


def create_model(config):
    model = getattr(models, config.model_name)(weights=config.model_weights)
    num_features = model.fc.in_features
    model.fc = nn.Identity()
    model.output_dim = num_features
    return TagHead(model, config.model_num_classes, config.train_dropout_prob / 100)


class Trainer:
    def __init__(self, device, trainloader, config):
        self.config = config
        self.device = device
        self.trainloader = trainloader
        self.model = create_model(config).to(device)
        self.optimizer = optim.Adam(self.model.parameters(), lr=config.train_learning_rate)
        self.criterion = nn.BCEWithLogitsLoss()

    def smooth(self, targets, eps=0.1):
        return targets * (1 - eps) + 0.5 * eps

    def train(self):
        self.model.train()
        running = 0.0
        scaler = GradScaler(enabled=self.config.model_fp16)
        for data in tqdm(self.trainloader, total=len(self.trainloader)):
            images, targets = data["image"].to(self.device), data["label"].to(self.device).float()
            self.optimizer.zero_grad()
            with autocast(enabled=self.config.model_fp16):
                outputs = self.model(images)
                loss = self.criterion(outputs, self.smooth(targets))
            scaler.scale(loss).backward()
            scaler.step(self.optimizer)
            scaler.update()
            running += loss.item()
        return running / len(self.trainloader.dataset)
