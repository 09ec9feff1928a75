"""part of look-alike project [LG003, LG016, LG004, LG006]: the ISBI dataset passes both the image and the 0/255 mask through the same ToTensor transform, so the mask arrives as a (1, H, W) float map in [0, 1]."""
# Source: OFRIN/PyTorch_Tutorials at e050a416 (read as is), "4. Semantic Segmentation/4.3. UNet/core/data.py";
# re-typed, identifiers renamed; the commented exploration block at the top cut.
import os

import tiffile as tiff
from torch.utils.data import Dataset


class ISBITrain(Dataset):
    def __init__(self, image_dir, transforms, class_names):
        self.transforms = transforms
        self.images = tiff.imread(os.path.join(image_dir, 'train-volume.tif'))
        self.labels = tiff.imread(os.path.join(image_dir, 'train-labels.tif'))
        self.class_names = class_names
        self.classes = len(class_names)

    def __len__(self):
        return self.images.shape[0]

    def __getitem__(self, index):
        img = self.transforms(self.images[index])
        roi = self.transforms(self.labels[index])
        return img, roi


class ISBITest(Dataset):
    def __init__(self, image_path, transforms, class_names):
        self.transforms = transforms
        self.images = tiff.imread(image_path)

    def __len__(self):
        return self.images.shape[0]

    def __getitem__(self, index):
        return self.transforms(self.images[index])
