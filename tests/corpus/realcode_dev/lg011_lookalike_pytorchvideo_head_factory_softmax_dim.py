"""look-alike [LG011]: a video model's head factory takes the activation as a class, gives nn.Softmax its axis (dim=1) and builds every other activation bare; a builder passes head_activation=nn.Softmax, which never reaches the bare call."""
# Source: https://github.com/facebookresearch/pytorchvideo pytorchvideo/models/head.py (create_res_basic_head),
# pytorchvideo/models/resnet.py (create_resnet) and tests/test_models_resnet.py at f3142bb05cdb56af0704ab6f0adfb0c7bbafe4a0
# (a false alarm of the round-14 survey: the `else` was read with nn.Softmax); re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn


class BasicHead(nn.Module):
    def __init__(self, proj, activation=None, pool=None):
        super().__init__()
        self.proj = proj
        self.activation = activation
        self.pool = pool

    def forward(self, x):
        if self.pool is not None:
            x = self.pool(x)
        x = self.proj(x.flatten(1))
        if self.activation is not None:
            x = self.activation(x)
        return x


def make_basic_head(*, in_features, out_features, pool=nn.AvgPool3d, activation=None):
    if activation is None:
        activation_model = None
    elif activation == nn.Softmax:
        activation_model = activation(dim=1)
    else:
        activation_model = activation()
    pool_model = None if pool is None else pool(kernel_size=(1, 7, 7))
    return BasicHead(proj=nn.Linear(in_features, out_features), activation=activation_model, pool=pool_model)


def make_video_net(*, num_classes=400, head=make_basic_head, head_activation=None):
    stem = nn.Conv3d(3, 64, kernel_size=(1, 7, 7))
    return nn.Sequential(stem, head(in_features=64, out_features=num_classes, activation=head_activation))


if __name__ == "__main__":
    net = make_video_net(num_classes=10, head=make_basic_head, head_activation=nn.Softmax)
    clips = torch.randn(2, 3, 4, 7, 7)
    with torch.no_grad():
        probs = net(clips)
    loss = nn.functional.mse_loss(probs, torch.full_like(probs, 0.1))
    print(loss.item())
