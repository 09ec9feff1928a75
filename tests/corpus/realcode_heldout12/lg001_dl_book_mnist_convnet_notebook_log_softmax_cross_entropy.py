"""positive [LG001]: a textbook's MNIST ConvNet notebook ends forward() in F.log_softmax(x, dim=1) and trains it with nn.CrossEntropyLoss(), which applies log-softmax again."""
# Source: swarmapytorch/book_DeepLearning_in_PyTorch_Source@d68a3d6112e8d93e961a1dc42a354741684f7598 "06_Transfer Learning/minst_convnet.ipynb" (read as is; its issue #8 "bug found" names the log_softmax before CrossEntropyLoss; the .py text of the code cells, magics and the plotting cells left out; re-typed, identifiers renamed, comments dropped)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision.datasets as dsets
import torchvision.transforms as transforms

image_size = 28
num_classes = 10
num_epochs = 20
batch_size = 64

train_set = dsets.MNIST(root='./data', train=True, transform=transforms.ToTensor(), download=True)
test_set = dsets.MNIST(root='./data', train=False, transform=transforms.ToTensor())
train_loader = torch.utils.data.DataLoader(dataset=train_set, batch_size=batch_size, shuffle=True)
perm = np.random.permutation(range(len(test_set)))
val_sampler = torch.utils.data.sampler.SubsetRandomSampler(perm[:5000])
val_loader = torch.utils.data.DataLoader(dataset=train_set, batch_size=batch_size, shuffle=False, sampler=val_sampler)

depth = [4, 8]


class SmallConvNet(nn.Module):
    def __init__(self):
        super(SmallConvNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 4, 5, padding=2)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(depth[0], depth[1], 5, padding=2)
        self.fc1 = nn.Linear(image_size // 4 * image_size // 4 * depth[1], 512)
        self.fc2 = nn.Linear(512, num_classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = self.pool(x)
        x = F.relu(self.conv2(x))
        x = self.pool(x)
        x = x.view(-1, image_size // 4 * image_size // 4 * depth[1])
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        x = F.log_softmax(x, dim=1)
        return x

    def feature_maps(self, x):
        m1 = F.relu(self.conv1(x))
        x = self.pool(m1)
        m2 = F.relu(self.conv2(x))
        return (m1, m2)


def rightness(predictions, labels):
    pred = torch.max(predictions.data, 1)[1]
    rights = pred.eq(labels.data.view_as(pred)).sum()
    return rights, len(labels)


net = SmallConvNet()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

record = []
for epoch in range(num_epochs):
    train_rights = []
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.clone().detach().requires_grad_(True), target.clone().detach()
        net.train()
        output = net(data)
        loss = criterion(output, target)  # expect: LG001
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        right = rightness(output, target)
        train_rights.append(right)

        if batch_idx % 100 == 0:
            train_r = (sum([t[0] for t in train_rights]), sum([t[1] for t in train_rights]))
            net.eval()
            val_rights = []
            for (data, target) in val_loader:
                data, target = data.clone().detach().requires_grad_(True), target.clone().detach()
                output = net(data)
                val_rights.append(rightness(output, target))
            val_r = (sum([t[0] for t in val_rights]), sum([t[1] for t in val_rights]))
            print('epoch {} [{}/{}]\tLoss: {:.6f}'.format(epoch, batch_idx * len(data), len(train_loader.dataset),
                                                         loss.data))
            record.append((100 - 100. * train_r[0].numpy() / train_r[1], 100 - 100. * val_r[0].numpy() / val_r[1]))

torch.save(net, 'mnist_conv_checkpoint')
