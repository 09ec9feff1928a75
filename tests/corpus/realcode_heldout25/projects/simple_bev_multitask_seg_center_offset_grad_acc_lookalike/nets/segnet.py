"""part of look-alike project [LG002, LG003, LG006, LG014, LG015]: the bird's-eye-view decoder has a segmentation head ending in a 1x1 nn.Conv2d (raw scores), an instance-centre head ending in nn.Sigmoid() and an offset head ending in a Conv2d; the network returns them in a tuple with learned log-variance weights kept as nn.Parameter."""
# Source: aharley/simple_bev at be46f0ef (read as is), nets/segnet.py; re-typed, identifiers renamed; the image
# encoders, the voxel lifting and the flip augmentation cut; the decoder's upsampling path shortened to one block.
import torch
import torch.nn as nn


class BevDecoder(nn.Module):
    def __init__(self, in_channels, n_classes):
        super().__init__()
        width = in_channels
        self.trunk = nn.Sequential(
            nn.Conv2d(in_channels, width, kernel_size=3, padding=1, bias=False),
            nn.InstanceNorm2d(width),
            nn.ReLU(inplace=True),
        )
        self.seg_head = nn.Sequential(
            nn.Conv2d(width, width, kernel_size=3, padding=1, bias=False),
            nn.InstanceNorm2d(width),
            nn.ReLU(inplace=True),
            nn.Conv2d(width, n_classes, kernel_size=1, padding=0),
        )
        self.offset_head = nn.Sequential(
            nn.Conv2d(width, width, kernel_size=3, padding=1, bias=False),
            nn.InstanceNorm2d(width),
            nn.ReLU(inplace=True),
            nn.Conv2d(width, 2, kernel_size=1, padding=0),
        )
        self.center_head = nn.Sequential(
            nn.Conv2d(width, width, kernel_size=3, padding=1, bias=False),
            nn.InstanceNorm2d(width),
            nn.ReLU(inplace=True),
            nn.Conv2d(width, 1, kernel_size=1, padding=0),
            nn.Sigmoid(),
        )

    def forward(self, x):
        b = x.shape[0]
        x = self.trunk(x)
        seg = self.seg_head(x)
        center = self.center_head(x)
        offset = self.offset_head(x)
        return {
            'raw_feat': x,
            'segmentation': seg.view(b, *seg.shape[1:]),
            'instance_center': center.view(b, *center.shape[1:]),
            'instance_offset': offset.view(b, *offset.shape[1:]),
        }


class BevSegnet(nn.Module):
    def __init__(self, Z, Y, X, vox_util=None, latent_dim=128):
        super().__init__()
        self.Z, self.Y, self.X = Z, Y, X
        self.bev_compress = nn.Conv2d(latent_dim * Y, latent_dim, kernel_size=3, padding=1)
        self.decoder = BevDecoder(in_channels=latent_dim, n_classes=1)
        self.ce_weight = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.center_weight = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.offset_weight = nn.Parameter(torch.tensor(0.0), requires_grad=True)

    def forward(self, feat_mem):
        B, C, Z, Y, X = feat_mem.shape
        feat_bev = self.bev_compress(feat_mem.permute(0, 1, 3, 2, 4).reshape(B, C * Y, Z, X))
        out = self.decoder(feat_bev)
        return out['raw_feat'], out['segmentation'], out['instance_center'], out['instance_offset']
