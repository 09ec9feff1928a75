"""positive [LG011]: the logistic-regression tutorial of INFO8010 builds nn.Softmax() without dim as the last layer and trains with nn.NLLLoss on outputs.log() (log-probabilities, which NLLLoss expects)."""
# Source: glouppe/info8010-deep-learning@4125dcedaf6e127c3933f32eaad302bc23e662a1 tutorials/lecture2-logistic-regression.ipynb
# the merge of PR #8 "update tutorials" (its review asked about the loss); the code cells of the notebook, the %matplotlib magic and the empty exercise cells left out.
# ---- cell 2
# Imports
import numpy as np
import matplotlib.pyplot as plt

import torch 
import torch.nn as nn
import torchvision.transforms as transforms
import torchvision.datasets as dsets
from torch.autograd import Variable
# ---- cell 4
input_size = 784
num_classes = 10
num_epochs = 5
batch_size = 100
learning_rate = 0.001
# ---- cell 6
# MNIST Dataset (Images and Labels)
train_dataset = dsets.MNIST(root='./data', 
                            train=True, 
                            transform=transforms.ToTensor(),
                            download=True)

test_dataset = dsets.MNIST(root='./data', 
                           train=False, 
                           transform=transforms.ToTensor())

# Dataset Loader (Input Pipline)
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, 
                                           batch_size=batch_size, 
                                           shuffle=True)

test_loader = torch.utils.data.DataLoader(dataset=test_dataset, 
                                          batch_size=batch_size, 
                                          shuffle=False)
# ---- cell 7
data_iter = iter(train_loader)
X, y = data_iter.next()
# ---- cell 8
plt.imshow(X[0, 0])
# ---- cell 10
# Model
class LogisticRegression(nn.Module):
    def __init__(self, input_size, num_classes):
        super(LogisticRegression, self).__init__()
        self.linear = nn.Linear(input_size, num_classes)
        self.softmax = nn.Softmax()  # expect: LG011
    
    def forward(self, x):
        out = self.linear(x)
        out = self.softmax(out)
        return out

model = LogisticRegression(input_size, num_classes)
# ---- cell 11
X.view(-1, 28*28).shape
# ---- cell 12
model(X.view(-1, 28*28))[0]
# ---- cell 14
# ---- cell 16
# Loss and Optimizer
# Softmax is internally computed.
# Set parameters to be updated.
criterion = nn.NLLLoss()  
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  

# Training the Model
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.view(-1, 28*28)
        
        # Forward + Backward + Optimize
        optimizer.zero_grad()
        outputs = model(images)
        loss = criterion(outputs.log(), labels)
        loss.backward()  # <=> x.grad += dloss/dx for all parameters x
        optimizer.step()
        
    print('Epoch: [%d/%d], Step: [%d/%d], Loss: %.4f' 
           % (epoch+1, num_epochs, i+1, len(train_dataset)//batch_size, loss))
# ---- cell 17
plt.imshow(X[8, 0]), y[8]
# ---- cell 18
model(X[8].view(1, 784))
# ---- cell 20
# ---- cell 22
# ---- cell 24
# ---- cell 27
# Test the Model
correct = 0
total = 0

for images, labels in test_loader:
    images = images.view(-1, 28*28)
    outputs = model(images)
    _, predicted = torch.max(outputs.data, 1)
    total += labels.size(0)
    correct += (predicted == labels).sum()
    
print('Accuracy of the model on the 10000 test images: %d %%' % (100 * correct / total))
# ---- cell 29
