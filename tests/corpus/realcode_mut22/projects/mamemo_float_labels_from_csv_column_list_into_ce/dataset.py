"""part of positive project [LG013]: the dataset reads the image ids and labels from a csv file's columns and keeps the
labels as one FloatTensor; each item gives one label."""

# Source: mamemo/CNN-Binary-Classification@c0751e41b1 code/dataset.py (CustomDataset, read_dataset, get_dataloader;
# re-typed; the augmentation pipeline and the image reading cut to one transform)
# Mutation: CustomDataset.__init__'s labels torch.FloatTensor(labels) (was torch.LongTensor(labels))
import cv2
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms


class CustomDataset(Dataset):
    def __init__(self, ids, labels, transf):
        super().__init__()
        self.transforms = transf
        self.ids = ids
        self.labels = torch.FloatTensor(labels)
        self.data_len = len(self.ids)

    def __getitem__(self, index):
        id_img = self.ids[index]
        img = cv2.cvtColor(cv2.imread(id_img), cv2.COLOR_BGR2RGB)
        if self.transforms:
            img = self.transforms(img)
        label = self.labels[index]
        return (id_img, img, label)

    def __len__(self):
        return self.data_len


def read_dataset(dir_img):
    images = pd.read_csv(dir_img)
    ids = images["ID_IMG"].tolist()
    labels = images["LABEL"].tolist()
    return ids, labels


def get_dataloader(data_file, img_size, batch_size, data_mean, data_std):
    ids, labels = read_dataset(data_file)
    transform = transforms.Compose(
        [transforms.ToPILImage(mode="RGB"), transforms.Resize([img_size] * 2), transforms.ToTensor(), transforms.Normalize(data_mean, data_std)]
    )
    return DataLoader(CustomDataset(ids=ids, labels=labels, transf=transform), batch_size=batch_size, shuffle=False)
