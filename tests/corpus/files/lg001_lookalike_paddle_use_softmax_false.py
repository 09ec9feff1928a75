"""look-alike [LG001, LG011, LG014]: PaddlePaddle: `import paddle.nn.functional as F`, softmax then CrossEntropyLoss(use_softmax=False), opt.clear_grad()."""
import paddle
import paddle.nn as nn
import paddle.nn.functional as F


class LeNet(nn.Layer):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2D(1, 6, 3, stride=1, padding=1), nn.ReLU(), nn.MaxPool2D(2, 2),
            nn.Conv2D(6, 16, 5), nn.ReLU(), nn.MaxPool2D(2, 2),
        )
        self.fc = nn.Sequential(nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, num_classes))

    def forward(self, x):
        x = self.features(x)
        x = paddle.flatten(x, 1)
        return F.softmax(self.fc(x))


model = LeNet()
loss_fn = nn.CrossEntropyLoss(use_softmax=False)
opt = paddle.optimizer.Adam(learning_rate=1e-3, parameters=model.parameters())
train_loader = paddle.io.DataLoader(paddle.vision.datasets.MNIST(mode="train"), batch_size=64, shuffle=True)

for epoch in range(5):
    for x, y in train_loader:
        probs = model(x)
        loss = loss_fn(probs, y)
        aux = F.cross_entropy(probs, y, use_softmax=False)
        loss.backward()
        opt.step()
        opt.clear_grad()
    print(epoch, float(loss), float(aux))
