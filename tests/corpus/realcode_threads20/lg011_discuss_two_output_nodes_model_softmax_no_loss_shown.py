"""positive [LG011]: a binary-classification CNN posted without its loss ends in F.softmax(out) with no dim; the user asks which loss to write."""

# Source: thread https://discuss.pytorch.org/t/two-output-nodes-for-binary-classification/58703 (the posted forward,
# re-typed and renamed; __init__ is not in the post and is reconstructed from the shape comments). The answer: both
# BCEWithLogitsLoss and CrossEntropyLoss expect logits, "remove your softmax layer". No loss is in the post, so the only
# finding a checker can give is the dim-less softmax; the softmax-into-cross-entropy the answer warns of is not yet
# written.
import torch.nn as nn
import torch.nn.functional as F


class TwoNodeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_1 = nn.Conv2d(1, 20, 5)
        self.bn_1 = nn.BatchNorm2d(20)
        self.pool_1 = nn.MaxPool2d(2)
        self.conv_2 = nn.Conv2d(20, 50, 7)
        self.pool_2 = nn.MaxPool2d(2)
        self.conv_3 = nn.Conv2d(50, 500, 7)
        self.pool_3 = nn.MaxPool2d(2)
        self.conv_4 = nn.Conv2d(500, 2, 1)

    def forward(self, image):
        out = self.bn_1(self.conv_1(image))
        out = self.pool_1(out)
        out = self.pool_2(self.conv_2(out))
        out = self.pool_3(self.conv_3(out))
        out = F.relu(out)
        out = self.conv_4(out)
        out = F.softmax(out)  # expect: LG011
        return out
