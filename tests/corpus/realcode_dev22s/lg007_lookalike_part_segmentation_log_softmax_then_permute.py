"""look-alike [LG007, LG005]: the point-cloud part segmenter ends in `F.log_softmax(x, dim=1)` over its `(B, parts, N)` scores and permutes them to `(B, N, parts)`; the trainer flattens them to `(B * N, parts)` for `F.nll_loss` with the flattened labels: log-probabilities over the class axis, shapes that agree."""

# Source: ma-xu/pointMLP-pytorch@1ab7f04 part_segmentation/model/pointMLP.py, part_segmentation/main.py (re-typed, renamed, cut to the head and the step)
import torch
import torch.nn as nn
import torch.nn.functional as F


class PartSegHead(nn.Module):
    def __init__(self, in_channels=128, num_parts=50):
        super().__init__()
        self.classifier = nn.Sequential(
            nn.Conv1d(in_channels, 128, 1, bias=False),
            nn.BatchNorm1d(128),
            nn.ReLU(),
            nn.Dropout(),
            nn.Conv1d(128, num_parts, 1),
        )

    def forward(self, x):
        x = self.classifier(x)
        x = F.log_softmax(x, dim=1)
        return x.permute(0, 2, 1)


def train_step(model, points, target, optimizer, num_part=50):
    seg_pred = model(points)
    loss = F.nll_loss(seg_pred.contiguous().view(-1, num_part), target.view(-1, 1)[:, 0])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    net = PartSegHead()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    train_step(net, torch.randn(8, 128, 2048), torch.randint(0, 50, (8, 2048)), opt)
