"""part of positive project [LG004]: the mask is read with torchvision.io.read_image (uint8) and no longer made float."""

# Source: Mohamad-Ghodrati/Carvana-Segmentation-PyTorch@fe949e8136 dataset.py (CarvanaDataset, get_dataloader; re-typed;
# the docstrings cut)
# Mutation: mask = read_image(mask_path) (was read_image(mask_path).float())
import os

from torch.utils.data import DataLoader, Dataset
from torchvision.io import read_image


class CarMasks(Dataset):
    def __init__(self, image_dir, mask_dir, transform=None):
        self.image_dir = image_dir
        self.mask_dir = mask_dir
        self.transform = transform
        self.images = os.listdir(image_dir)

    def __len__(self):
        return len(self.images)

    def __getitem__(self, index):
        image_path = os.path.join(self.image_dir, self.images[index])
        mask_path = os.path.join(self.mask_dir, self.images[index].replace(".jpg", "_mask.gif"))
        image = read_image(image_path) / 255
        mask = read_image(mask_path)

        if self.transform is not None:
            image = self.transform(image)
            mask = self.transform(mask)
        return image, mask


def get_dataloader(image_dir, mask_dir, batch_size, shuffle=True, transform=None):
    return DataLoader(CarMasks(image_dir, mask_dir, transform), batch_size=batch_size, shuffle=shuffle)
