"""part of positive project [LG001]: the weather classifier puts nn.Softmax(dim=1) after its last nn.Linear and the module builds the instance the training script imports."""
# Source: mengxianglong123/weather-recognition@e888eda6d98830b2f8f17a1cb9c71dbe8e8dadbb model.py (read as is; re-typed)
import torch
import torchvision.models as models
from torch import nn

backbone = models.resnet50()
backbone.load_state_dict(torch.load("./model/resnet50-11ad3fa6.pth"))


class WeatherModel(nn.Module):
    def __init__(self, net):
        super(WeatherModel, self).__init__()
        self.net = net
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(0.1)
        self.fc = nn.Linear(1000, 8)
        self.output = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.net(x)
        x = self.relu(x)
        x = self.dropout(x)
        x = self.fc(x)
        x = self.output(x)
        return x


model = WeatherModel(backbone)
