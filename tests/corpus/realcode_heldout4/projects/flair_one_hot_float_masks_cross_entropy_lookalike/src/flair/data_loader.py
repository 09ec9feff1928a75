"""part of look-alike project [LG013, LG001, LG006]: fit_dataset turns each label raster into a one-hot stack over the classes and returns it as a float tensor under "msk"."""
# Source: https://github.com/IGNF/FLAIR-1 src/flair/data_loader.py at beebed18e2ccfab65dc13c635f039a15fe7c15d5; re-typed, names changed, reduced (normalisation and
# the prediction data set left out).
import numpy as np
import rasterio
import torch
from torch.utils.data import Dataset


class fit_dataset(Dataset):
    def __init__(self, dict_files: dict, channels: list = [1, 2, 3, 4, 5], num_classes: int = 13, use_metadata: bool = True,
                 use_augmentations=None):
        self.list_imgs = np.array(dict_files["IMG"])
        self.list_msks = np.array(dict_files["MSK"])
        self.use_metadata = use_metadata
        if use_metadata:
            self.list_metadata = np.array(dict_files["MTD"])
        self.use_augmentations = use_augmentations
        self.channels = channels
        self.num_classes = num_classes

    def read_img(self, raster_file: str) -> np.ndarray:
        with rasterio.open(raster_file) as src_img:
            return src_img.read(self.channels)

    def read_msk(self, raster_file: str) -> np.ndarray:
        with rasterio.open(raster_file) as src_msk:
            array = src_msk.read()[0] - 1
            array = np.stack([array == i for i in range(self.num_classes)], axis=0)
            return array

    def __len__(self):
        return len(self.list_imgs)

    def __getitem__(self, index):
        img = self.read_img(raster_file=self.list_imgs[index])
        msk = self.read_msk(raster_file=self.list_msks[index])
        if self.use_augmentations is not None:
            sample = {"image": img.swapaxes(0, 2).swapaxes(0, 1), "mask": msk.swapaxes(0, 2).swapaxes(0, 1)}
            out = self.use_augmentations(**sample)
            img, msk = out["image"].swapaxes(0, 2).swapaxes(1, 2).copy(), out["mask"].swapaxes(0, 2).swapaxes(1, 2).copy()
        if self.use_metadata:
            mtd = self.list_metadata[index]
            return {"img": torch.as_tensor(img, dtype=torch.float), "mtd": torch.as_tensor(mtd, dtype=torch.float),
                    "msk": torch.as_tensor(msk, dtype=torch.float)}
        return {"img": torch.as_tensor(img, dtype=torch.float), "msk": torch.as_tensor(msk, dtype=torch.float)}
