"""part of positive project [LG007]: the test classifier returns raw Linear scores."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9, tests/helpers/model.py; re-typed, identifiers renamed; the
# segmentation mock cut.
import torch


class ClassificationModel(torch.nn.Module):
    def __init__(self, num_inputs=10, n_hidden=10, num_outputs=3):
        super(ClassificationModel, self).__init__()
        self.layer1 = torch.nn.Linear(num_inputs, n_hidden)
        self.dropout = torch.nn.Dropout(p=0.5)
        self.classifier = torch.nn.Linear(n_hidden, num_outputs)

    def features(self, x):
        return self.layer1(x).tanh()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.dropout(self.features(x)))
