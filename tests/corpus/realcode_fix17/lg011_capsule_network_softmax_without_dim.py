"""positive [LG011, LG010]: the capsule network's routing helper flattens its logits to two dimensions and calls F.softmax on them without dim, and the network calls F.softmax on its class lengths without dim, so the axis is inferred from the rank (the fix passed dim=-1 to both); its reconstruction loss is built with the deprecated size_average=False."""

# Source: gram-ai/capsule-networks@bb65115d90 capsule_network.py, fixed in 4d1ff654ea (cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn

NUM_CLASSES = 10
NUM_ROUTING_ITERATIONS = 3


def softmax(input, dim=1):
    transposed_input = input.transpose(dim, len(input.size()) - 1)
    softmaxed_output = F.softmax(transposed_input.contiguous().view(-1, transposed_input.size(-1)))  # expect: LG011
    return softmaxed_output.view(*transposed_input.size()).transpose(dim, len(input.size()) - 1)


class CapsuleLayer(nn.Module):
    def __init__(self, num_capsules, num_route_nodes, in_channels, out_channels, kernel_size=None, stride=None):
        super().__init__()
        self.num_route_nodes = num_route_nodes
        if num_route_nodes != -1:
            self.route_weights = nn.Parameter(torch.randn(num_capsules, num_route_nodes, in_channels, out_channels))
        else:
            self.capsules = nn.ModuleList([nn.Conv2d(in_channels, out_channels, kernel_size=kernel_size, stride=stride) for _ in range(num_capsules)])

    def squash(self, tensor, dim=-1):
        squared_norm = (tensor**2).sum(dim=dim, keepdim=True)
        scale = squared_norm / (1 + squared_norm)
        return scale * tensor / torch.sqrt(squared_norm)

    def forward(self, x):
        if self.num_route_nodes != -1:
            priors = x[None, :, :, None, :] @ self.route_weights[:, None, :, :, :]
            logits = torch.zeros(*priors.size()).cuda()
            for i in range(NUM_ROUTING_ITERATIONS):
                probs = softmax(logits, dim=2)
                outputs = self.squash((probs * priors).sum(dim=2, keepdim=True))
                if i != NUM_ROUTING_ITERATIONS - 1:
                    logits = logits + (priors * outputs).sum(dim=-1, keepdim=True)
        else:
            outputs = torch.cat([capsule(x).view(x.size(0), -1, 1) for capsule in self.capsules], dim=-1)
            outputs = self.squash(outputs)
        return outputs


class CapsuleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 256, kernel_size=9, stride=1)
        self.primary_capsules = CapsuleLayer(8, -1, 256, 32, kernel_size=9, stride=2)
        self.digit_capsules = CapsuleLayer(NUM_CLASSES, 32 * 6 * 6, 8, 16)
        self.decoder = nn.Sequential(nn.Linear(16 * NUM_CLASSES, 512), nn.ReLU(inplace=True), nn.Linear(512, 784), nn.Sigmoid())

    def forward(self, x, y=None):
        x = F.relu(self.conv1(x), inplace=True)
        x = self.primary_capsules(x)
        x = self.digit_capsules(x).squeeze().transpose(0, 1)
        classes = (x**2).sum(dim=-1) ** 0.5
        classes = F.softmax(classes)  # expect: LG011
        if y is None:
            _, max_length_indices = classes.max(dim=1)
            y = torch.eye(NUM_CLASSES).cuda().index_select(dim=0, index=max_length_indices.data)
        reconstructions = self.decoder((x * y[:, :, None]).view(x.size(0), -1))
        return classes, reconstructions


class CapsuleLoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.reconstruction_loss = nn.MSELoss(size_average=False)  # expect: LG010

    def forward(self, images, labels, classes, reconstructions):
        left = F.relu(0.9 - classes, inplace=True) ** 2
        right = F.relu(classes - 0.1, inplace=True) ** 2
        margin_loss = (labels * left + 0.5 * (1.0 - labels) * right).sum()
        reconstruction_loss = self.reconstruction_loss(reconstructions, images)
        return (margin_loss + 0.0005 * reconstruction_loss) / images.size(0)


if __name__ == "__main__":
    from torch.optim import Adam

    model = CapsuleNet().cuda()
    optimizer = Adam(model.parameters())
    capsule_loss = CapsuleLoss()

    def processor(sample):
        data, labels, training = sample
        labels = torch.eye(NUM_CLASSES).index_select(dim=0, index=torch.LongTensor(labels))
        data, labels = data.cuda(), labels.cuda()
        if training:
            classes, reconstructions = model(data, labels)
        else:
            classes, reconstructions = model(data)
        loss = capsule_loss(data, labels, classes, reconstructions)
        return loss, classes
