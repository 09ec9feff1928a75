"""look-alike [LG011]: torch.softmax(logits, axis=1) on a LightningModule's logits: axis= is torch's accepted alias of dim=, so the axis is given."""
# Source: https://github.com/rasbt/deeplearning-models pytorch-lightning_ipynb/cnn/cnn-vgg16.ipynb at
# 18e046926551378cd691fd871dda0f21dcd272ab (a false alarm of this survey, in nine notebooks); re-typed from
# the notebook's cells, names changed, reduced. Correct code.
import pytorch_lightning as pl
import torch
import torch.nn.functional as F


class PyTorchVGG16(torch.nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.features = torch.nn.Sequential(torch.nn.Conv2d(3, 64, 3, padding=1), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1))
        self.classifier = torch.nn.Linear(64, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        logits = self.classifier(x)
        return logits


class LightningModel(pl.LightningModule):
    def __init__(self, model, learning_rate):
        super().__init__()
        self.learning_rate = learning_rate
        self.model = model

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        features, true_labels = batch
        logits = self(features)
        loss = F.cross_entropy(logits, true_labels)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.learning_rate)


pytorch_model = PyTorchVGG16(num_classes=10)
lightning_model = LightningModel(pytorch_model, learning_rate=0.0001)
image_nchw = torch.rand(1, 3, 32, 32)

with torch.no_grad():
    logits = lightning_model(image_nchw)
    probas = torch.softmax(logits, axis=1)
    predicted_label = torch.argmax(probas)
