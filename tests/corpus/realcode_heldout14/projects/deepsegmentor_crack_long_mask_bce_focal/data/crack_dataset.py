"""part of positive project [LG004, LG010]: the crack dataset thresholds the label to 0/1 and returns it through the int64 mask transform."""
# Source: yhlleo/DeepSegmentor at the parent of aeb1281 (pull request #7 "Fixed error of data type mismatch in loss function",
# which adds self.label = self.label.float()), data/deepcrack_dataset.py; re-typed, identifiers renamed; flips and
# affine augmentation cut.
import os.path

import cv2
import torchvision.transforms as transforms
from PIL import Image

from data.utils import MaskAsTensor


class CrackDataset(object):
    def __init__(self, opt):
        self.opt = opt
        self.img_paths = list_images(os.path.join(opt.dataroot, "{}_img".format(opt.phase)))
        self.lab_dir = os.path.join(opt.dataroot, "{}_lab".format(opt.phase))
        self.img_transforms = transforms.Compose(
            [transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))]
        )
        self.lab_transform = MaskAsTensor()

    def __getitem__(self, index):
        img_path = self.img_paths[index]
        img = cv2.cvtColor(cv2.imread(img_path, cv2.IMREAD_UNCHANGED), cv2.COLOR_BGR2RGB)
        lab_path = os.path.join(self.lab_dir, os.path.basename(img_path).split(".")[0] + ".png")
        lab = cv2.imread(lab_path, cv2.IMREAD_UNCHANGED)
        if len(lab.shape) == 3:
            lab = cv2.cvtColor(lab, cv2.COLOR_BGR2GRAY)
        _, lab = cv2.threshold(lab, 127, 1, cv2.THRESH_BINARY)

        img = self.img_transforms(Image.fromarray(img.copy()))
        lab = self.lab_transform(lab.copy()).unsqueeze(0)
        return {"image": img, "label": lab, "A_paths": img_path, "B_paths": lab_path}

    def __len__(self):
        return len(self.img_paths)
