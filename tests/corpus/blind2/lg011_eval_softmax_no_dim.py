"""positive [LG011]: test-time-augmentation predictor calls F.softmax without dim on logits, and the model stacks an nn.Softmax() layer for export."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.transforms.functional as TF


class ExportWrapper(nn.Module):
    """Wraps the trained classifier so the ONNX graph returns probabilities."""

    def __init__(self, net):
        super().__init__()
        self.net = net
        self.to_probs = nn.Softmax()  # expect: LG011

    def forward(self, x):
        return self.to_probs(self.net(x))


@torch.inference_mode()
def predict_tta(model, images):
    model.eval()
    views = [images, TF.hflip(images), TF.vflip(images)]
    probs = 0
    for v in views:
        logits = model(v)
        probs = probs + F.softmax(logits)  # expect: LG011
    return probs / len(views)
