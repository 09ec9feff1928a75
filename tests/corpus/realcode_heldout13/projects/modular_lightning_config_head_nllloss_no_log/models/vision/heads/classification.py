"""part of positive project [LG007]: the classification head ends in a Linear layer and adds nn.Softmax(dim=1) only when its config sets return_logits False (the CIFAR-10 config does; the default keeps raw scores)."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf models/vision/heads/classification.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; the head is unchanged by the fix; re-typed, identifiers renamed, the docstring left out)
import torch.nn as nn


class ClassificationHead(nn.Module):
    def __init__(
        self,
        in_features,
        num_classes,
        reduction="flatten",
        dropout=None,
        return_logits=True,
    ):
        super(ClassificationHead, self).__init__()
        self.fc = nn.Linear(in_features, num_classes)
        if isinstance(reduction, nn.Module):
            self.reduction = reduction
        elif type(reduction) == str:
            if reduction == "gap":
                self.reduction = nn.AdaptiveAvgPool2d((1, 1))
            elif reduction == "flatten":
                self.reduction = nn.Flatten()
            elif reduction == "none":
                self.reduction = nn.Identity()
            else:
                raise ValueError(f"Invalid value for reduction: {reduction}")
        if dropout:
            assert 0.0 < dropout < 1.0
            self.dropout = nn.Dropout(p=dropout)
        if not return_logits:
            self.activation = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.reduction(x)
        x = x.view(x.shape[0], -1)
        if hasattr(self, "dropout"):
            x = self.dropout(x)
        x = self.fc(x)
        if hasattr(self, "activation"):
            x = self.activation(x)
        return x
