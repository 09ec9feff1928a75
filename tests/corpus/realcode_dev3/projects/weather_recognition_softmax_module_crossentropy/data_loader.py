"""part of positive project [LG001]: one-hot float labels (class probabilities, which CrossEntropyLoss accepts) and the module-level loaders."""
# Source: mengxianglong123/weather-recognition@e888eda6d98830b2f8f17a1cb9c71dbe8e8dadbb data_loader.py (read as is; re-typed, comments and prints left out)
import os

import torch
import torch.utils.data as Data
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms

from config import Common, Train

transform = transforms.Compose([transforms.Resize(Common.imageSize), transforms.ToTensor()])


def loadDataFromDir():
    images = []
    labels = []
    for d in os.listdir(Common.basePath):
        for name in os.listdir(Common.basePath + d):
            image = Image.open(Common.basePath + d + "/" + name).convert('RGB')
            images.append(transform(image))
            label = [0] * 8
            label[Common.labels.index(d)] = 1
            labels.append(torch.tensor(label, dtype=torch.float))
            image.close()
    return images, labels


class WeatherDataSet(Dataset):
    def __init__(self):
        self.images, self.labels = loadDataFromDir()

    def __len__(self):
        return len(self.images)

    def __getitem__(self, idx):
        return self.images[idx], self.labels[idx]


def splitData(dataset):
    n_train = int(len(dataset) * 0.8)
    return Data.random_split(dataset=dataset, lengths=[n_train, len(dataset) - n_train])


train_dataset, validation_dataset = splitData(WeatherDataSet())
trainLoader = DataLoader(train_dataset, batch_size=Train.batch_size, shuffle=True, num_workers=Train.num_workers)
valLoader = DataLoader(validation_dataset, batch_size=Train.batch_size, shuffle=False, num_workers=Train.num_workers)
