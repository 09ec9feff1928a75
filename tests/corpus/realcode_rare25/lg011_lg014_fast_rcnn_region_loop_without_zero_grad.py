"""positive [LG011, LG014]: a course project's Fast R-CNN trains a VGG16 with a classification and a box loss in a loop over the image loader that calls `backward()` and `optimizer.step()` but never clears the gradients; its classifier ends in `nn.LogSoftmax()` without dim (the NLLLoss input is log-probabilities, so no LG007)."""

# Source: FDU-VTS/CVCode@e9576df "Deep-Learning/Fast-RCNN/Fast-RCNN(version: chen)/vgg16.py" (re-typed, renamed, cut to the heads and the training loop; the ROI pooling and the box loss are the project's own helpers, left out)
import torch
import torch.nn as nn
import torch.optim as optim


class RegionNet(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(64, 512, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
        )
        self.pool = nn.AdaptiveMaxPool2d((7, 7))
        self.fc = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096),
            nn.ReLU(inplace=True),
            nn.Dropout(),
            nn.Linear(4096, 4096),
            nn.ReLU(inplace=True),
        )
        self.classifier = nn.Sequential(
            nn.Linear(4096, num_classes),
            nn.LogSoftmax(),  # expect: LG011
        )
        self.bbox = nn.Sequential(nn.Linear(4096, num_classes * 4))

    def forward(self, x):
        x = self.pool(self.features(x))
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return self.classifier(x), self.bbox(x)


def box_loss(boxes, targets):
    return torch.abs(boxes - targets).mean()


if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    image_loader = torch.utils.data.DataLoader(list(range(10)), batch_size=1, shuffle=True)
    net = RegionNet(num_classes=21).to(device)
    net = nn.DataParallel(net, device_ids=[0])
    cls_criterion = nn.NLLLoss()
    optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    for image, info in iter(image_loader):
        labels = torch.LongTensor([item[0] for item in info]).to(device)
        truths = torch.stack([item[1] for item in info]).to(device)
        image = image.float().to(device)
        cls_out, box_out = net(image)
        cls_loss = cls_criterion(cls_out, labels)
        loss = cls_loss + box_loss(box_out, truths)
        print("cls_loss: ", cls_loss)
        loss.backward()
        optimizer.step()  # expect: LG014
