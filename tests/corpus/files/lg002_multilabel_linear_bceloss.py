"""positive [LG002]: multi-label image tagging: self.classifier = nn.Linear(512, n_tags) output into nn.BCELoss inside the model's compute_loss."""
import torch
import torch.nn as nn
import torchvision


class Tagger(nn.Module):
    def __init__(self, n_tags=17):
        super().__init__()
        backbone = torchvision.models.resnet34(weights=None)
        backbone.fc = nn.Identity()
        self.backbone = backbone
        self.classifier = nn.Linear(512, n_tags)
        self.criterion = nn.BCELoss()

    def forward(self, images):
        return self.classifier(self.backbone(images))

    def compute_loss(self, images, tags):
        feats = self.backbone(images)
        logits = self.classifier(feats)
        return self.criterion(logits, tags)  # expect: LG002


model = Tagger()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)


def train(loader, epochs=10):
    for epoch in range(epochs):
        for images, tags in loader:
            optimizer.zero_grad()
            loss = model.compute_loss(images, tags.float())
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())
