"""part of look-alike project [LG012, LG015]: the CTC head returns Linear logits in training and F.softmax(dim=2) probabilities only when not self.training."""
# Source: WenmuZhou/PytorchOCR@d1584fd2f6875a198fe27f3c101a319b83ccf5f0 torchocr/modeling/heads/rec_ctc_head.py
# at the commit read.
import torch.nn as nn
import torch.nn.functional as F

class CTCHead(nn.Module):
    def __init__(self,
                 in_channels,
                 out_channels=6625,
                 mid_channels=None,
                 return_feats=False,
                 **kwargs):
        super(CTCHead, self).__init__()
        if mid_channels is None:
            self.fc = nn.Linear(
                in_channels,
                out_channels,
                bias=True,)
        else:
            self.fc1 = nn.Linear(
                in_channels,
                mid_channels,
                bias=True,
            )
            self.fc2 = nn.Linear(
                mid_channels,
                out_channels,
                bias=True,
            )

        self.out_channels = out_channels
        self.mid_channels = mid_channels
        self.return_feats = return_feats


    def forward(self, x, data=None):
        if self.mid_channels is None:
            predicts = self.fc(x)
        else:
            x = self.fc1(x)
            predicts = self.fc2(x)

        if self.return_feats:
            result = (x, predicts)
        else:
            result = predicts

        if not self.training:
            predicts = F.softmax(predicts, dim=2)
            result = predicts

        return {'res': result}
