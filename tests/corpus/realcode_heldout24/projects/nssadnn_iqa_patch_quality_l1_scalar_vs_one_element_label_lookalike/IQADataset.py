"""part of look-alike project [LG005, LG006]: training items are single patches with a one-element label tensor torch.Tensor([mos]) and the image's BRISQUE features; validation and test items stack all patches of an image with its one-element label."""
# Source: lllllllllllll-llll/NSSADNN_IQA at 1cc3774c (read as is; issue #1 reports the L1Loss warning "target size (torch.Size([1])) that is different to input size (torch.Size([]))" and the author could not reproduce a problem), IQADataset.py;
# re-typed, identifiers renamed; the file-list parsing and patch cropping shortened to calls.
import cv2 as cv
import torch
from torch.utils.data import Dataset

from brisque import brisque


class PatchQualityDataset(Dataset):
    def __init__(self, dataset, config, index, status):
        self.patch_size = config[dataset]['patch_size']
        self.stride = config[dataset]['stride']
        im_dir = config[dataset]['im_dir']
        self.im_names, self.mos = read_names_and_scores(config, dataset, index, status)
        self.patches = ()
        self.features = []
        self.label = []
        for idx in range(len(self.im_names)):
            im = gray_loader(im_dir + '/' + self.im_names[idx])
            im_features = cv.cvtColor(cv.imread(im_dir + '/' + self.im_names[idx]), cv.COLOR_BGR2RGB)
            features = brisque(im_features)
            patches = crop_patches(im, self.patch_size, self.stride)
            if status == 'train':
                self.patches = self.patches + patches
                for i in range(len(patches)):
                    self.label.append(self.mos[idx])
                    self.features.append(features)
            else:
                self.patches = self.patches + (torch.stack(patches),)
                self.label.append(self.mos[idx])
                self.features.append([])

    def __len__(self):
        return len(self.patches)

    def __getitem__(self, idx):
        return self.patches[idx], (torch.Tensor([self.label[idx]]), self.features[idx])
