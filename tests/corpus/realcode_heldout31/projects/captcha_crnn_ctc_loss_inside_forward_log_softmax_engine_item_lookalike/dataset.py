"""part of look-alike project [LG006, LG012, LG014, LG015]: each item returns float images and int64 character targets in a dict."""
# Source: sejongpyo/Studies at c858149a7c7516c596db99e1f98f43eeb5615bc8 book_studies/captcha_recognition/src/dataset.py (re-typed)
import albumentations
import torch
import numpy as np
from PIL import Image
from PIL import ImageFile

ImageFile.LOAD_TRUNCATED_IMAGES = True


class CaptchaImages:
    def __init__(self, image_paths, targets, resize=None):
        self.image_paths = image_paths
        self.targets = targets
        self.resize = resize
        self.aug = albumentations.Compose([albumentations.Normalize(always_apply=True)])

    def __len__(self):
        return len(self.image_paths)

    def __getitem__(self, item):
        image = Image.open(self.image_paths[item]).convert('RGB')
        targets = self.targets[item]
        if self.resize is not None:
            image = image.resize((self.resize[1], self.resize[0]), resample=Image.BILINEAR)
        image = np.array(image)
        image = self.aug(image=image)['image']
        image = np.transpose(image, (2, 0, 1)).astype(np.float32)
        return {
            'images': torch.tensor(image, dtype=torch.float),
            'targets': torch.tensor(targets, dtype=torch.long),
        }
