"""part of positive project [LG007]: the model builds a backbone and the head named in the config, passing the config's head arguments through."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf models/vision/classification.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is; re-typed, identifiers renamed)
import models.heads as head_registry
import torch.nn as nn
from models.vision.backbone import build_backbone


class ClassificationModel(nn.Module):
    def __init__(self, model_cfg):
        super().__init__()
        self.backbone = build_backbone(model_cfg["backbone"])
        head_cfg = model_cfg["heads"]["classifier"]
        self.classifier = getattr(head_registry, head_cfg["ID"])(
            in_features=model_cfg["backbone"]["out_features"],
            **head_cfg["cfg"],
        )

    def forward(self, x):
        return self.classifier(self.backbone(x))
