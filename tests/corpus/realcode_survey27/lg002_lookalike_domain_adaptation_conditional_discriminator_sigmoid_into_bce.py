"""look-alike [LG002, LG016]: a conditional domain discriminator ends its nn.Sequential in nn.Sigmoid, and its probabilities go to nn.BCELoss; the class softmax only weights the features."""

# Source: thuml/Batch-Spectral-Penalization@83b557f train.py (re-typed, renamed, cut to the network and one step)
import numpy as np
import torch
import torch.nn as nn


class ConditionalAdversarialNet(nn.Module):
    def __init__(self, backbone, num_features, n_classes):
        super(ConditionalAdversarialNet, self).__init__()
        self.backbone = backbone
        self.bottleneck = nn.Sequential(nn.Linear(num_features, 256), nn.ReLU(), nn.Dropout(0.5))
        self.classifier = nn.Linear(256, n_classes)
        self.discriminator = nn.Sequential(
            nn.Linear(256 * n_classes, 1024),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(1024, 1024),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(1024, 1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        feature = self.bottleneck(self.backbone(x))
        class_scores = self.classifier(feature)
        weights = nn.Softmax(dim=1)(class_scores).detach()
        outer = torch.bmm(weights.unsqueeze(2), feature.unsqueeze(1))
        domain_prob = self.discriminator(outer.view(-1, weights.size(1) * feature.size(1)))
        return class_scores, domain_prob, feature


def train_step(net, optimizer, source, target, batch_size):
    criterion = {"classifier": nn.CrossEntropyLoss(), "adversarial": nn.BCELoss()}
    (x_s, y_s), (x_t, _) = source, target
    inputs = torch.cat((x_s, x_t), dim=0)
    domain_labels = torch.from_numpy(np.array([[1]] * batch_size + [[0]] * batch_size)).float()
    optimizer.zero_grad()
    class_scores, domain_prob, _ = net(inputs)
    classifier_loss = criterion["classifier"](class_scores.narrow(0, 0, batch_size), y_s)
    transfer_loss = nn.BCELoss()(domain_prob, domain_labels)
    total = classifier_loss + transfer_loss
    total.backward()
    optimizer.step()
    return total.item()
