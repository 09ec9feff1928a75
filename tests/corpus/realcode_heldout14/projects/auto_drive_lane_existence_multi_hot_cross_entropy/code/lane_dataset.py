"""part of positive project [LG005]: each sample carries the list of per-lane existence flags read from the split file, as an int64 tensor."""
# Source: voldemortX/pytorch-auto-drive at the parent of df6a58e ("SCNN bugs fixed", which switches the existence loss to
# binary_cross_entropy_with_logits on a float target and drops the head's sigmoid), code/data_processing.py; re-typed, identifiers renamed; the path layout per dataset and transforms cut.
import os

import torch
import torchvision
from PIL import Image

num_classes_tusimple = 6
num_classes_culane = 4


class LaneDataset(torchvision.datasets.VisionDataset):
    def __init__(self, root, image_set, transforms=None, data_set="tusimple"):
        super().__init__(root, transforms, None, None)
        self.test = image_set == "test"
        image_dir, splits_dir, mask_dir = os.path.join(root, "clips"), os.path.join(root, "lists"), os.path.join(root, "segGT6")
        split_f = os.path.join(splits_dir, image_set + ".txt")
        with open(split_f, "r") as f:
            contents = [x.strip() for x in f.readlines()]
        if self.test:
            self.images = [os.path.join(image_dir, x + ".jpg") for x in contents]
        else:
            self.images = [os.path.join(image_dir, x[: x.find(" ")] + ".jpg") for x in contents]
            self.masks = [os.path.join(mask_dir, x[: x.find(" ")] + ".png") for x in contents]
            self.lane_existences = [list(map(int, x[x.find(" "):].split())) for x in contents]

    def __getitem__(self, index):
        img = Image.open(self.images[index]).convert("RGB")
        if self.test:
            target = ""
        else:
            target = Image.open(self.masks[index])
            lane_existence = torch.tensor(self.lane_existences[index])
        if self.transforms is not None:
            img, target = self.transforms(img, target)
        if self.test:
            return img
        return img, target, lane_existence

    def __len__(self):
        return len(self.images)
