"""look-alike [LG002, LG006, LG014]: the classifier is an nn.Sequential ending in nn.Sigmoid and the adversary's class scores are an average pool of torch.sigmoid maps, so both BCELoss criteria (stored on the submodules) get probabilities; the gradients are cleared at the end of every minibatch event, and the losses only go to wandb.log."""
# Source: Kobusvdwalt/weakly-supervised-segmentation@2ad0eb12f8c389c87b7671b052773ffa9573d086 models/fiiyc.py (read as is; re-typed, identifiers renamed, the demo visualisation, the IoU scoring and the cv2 windows shortened)
import random

import numpy as np
import torch
import wandb
from torch.utils.data.dataloader import DataLoader

from data.loader_segmentation import VOCSegmentation
from data.voc2012 import label_to_image
from models._common import ModelBase, build_vgg_features, print_params


class Classifier(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.body = torch.nn.Sequential(
            build_vgg_features(),
            torch.nn.Conv2d(512, 20, kernel_size=1),
            torch.nn.AdaptiveAvgPool2d(output_size=(1, 1)),
            torch.nn.Flatten(1, 3),
            torch.nn.Sigmoid(),
        )
        self.loss_bce = torch.nn.BCELoss()
        self.optimizer = torch.optim.Adam(self.parameters())
        print_params(self.parameters(), "Classifier")

    def forward(self, image):
        return self.body(image)


class Adversary(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = build_vgg_features()
        self.conv_comb = torch.nn.Conv2d(512, 21, 1)
        self.gap = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.upsample = torch.nn.Upsample(scale_factor=16, mode='nearest')
        self.loss_bce = torch.nn.BCELoss()
        self.optimizer = torch.optim.Adam(self.parameters())
        print_params(self.parameters(), "Adversary")

    def segment(self, image, labels):
        labels = labels.clone()
        labels[labels > 0.5] = 1
        labels[labels < 0.5] = 0

        maps = self.features(image)
        maps = self.conv_comb(maps)
        maps = torch.sigmoid(maps)

        seg = maps.clone()
        seg = self.upsample(seg)
        seg[:, 0] = 0.3
        seg[:, 1:] *= labels.unsqueeze(-1).unsqueeze(-1)

        scores = self.gap(maps[:, 1:])
        scores = torch.flatten(scores, 1, -1)
        return {'classification': scores, 'segmentation': seg}

    def forward(self, image, labels):
        out = self.segment(image, labels)
        seg = out["segmentation"]
        mask, _ = torch.max(seg[:, 1:], dim=1, keepdim=True)
        out['spot'] = image * mask
        out['erase'] = image * (1 - mask)
        out['mask'] = mask
        seg_np = seg.clone().detach().cpu().numpy()
        vis = np.zeros((seg_np.shape[0], 256, 256, 3))
        for s in range(0, seg_np.shape[0]):
            vis[s] = label_to_image(seg_np[s])
        out['vis_output'] = vis
        return out


class FIIYC(ModelBase):
    def __init__(self, **kwargs):
        super(FIIYC, self).__init__(**kwargs)
        self.step = 'adversary'
        self.step_count = 0
        self.step_count_a = 0
        self.step_count_c = 0
        self.classifier = Classifier()
        self.adversary = Adversary()
        random.seed(1)
        torch.manual_seed(1)
        batch = next(iter(DataLoader(VOCSegmentation('val', dataset='voco'), batch_size=32, shuffle=True, num_workers=0)))
        self.demo_inputs = batch[0]

    def event(self, event):
        super().event(event)
        if event['name'] == 'minibatch' and event['phase'] == 'train':
            image = event['inputs']['image']
            label_c = event['labels']['classification']

            adv = self.adversary(image, label_c)

            self.step_count += 1
            if self.step == 'classifier':
                self.step_count_c += 1
                if self.step_count == 3:
                    self.step = 'adversary'
                    self.step_count = 0
                if random.random() > 0.5:
                    pred = self.classifier(image)
                else:
                    pred = self.classifier(adv['erase'])
                c_loss = self.classifier.loss_bce(pred, label_c)
                c_loss.backward()
                self.classifier.optimizer.step()
                wandb.log({"step_count_c": self.step_count_c, "loss_c_bce": c_loss})

            elif self.step == 'adversary':
                self.step_count_a += 1
                if self.step_count == 3:
                    self.step = 'classifier'
                    self.step_count = 0
                a_channel = self.adversary.loss_bce(adv['classification'], label_c)
                a_mask = torch.mean(adv['mask'])
                on_spot = self.classifier(adv['spot'])
                on_erase = self.classifier(adv['erase'])
                a_spot = self.classifier.loss_bce(on_spot, label_c)
                a_erase = torch.mean(on_erase[label_c > 0.5])
                a_total = a_erase + a_mask + a_channel
                a_total.backward()
                self.adversary.optimizer.step()
                wandb.log({
                    "step_count_a": self.step_count_a,
                    "loss_a_final": a_total,
                    "loss_a_mask": a_mask,
                    "loss_a_spot": a_spot,
                    "loss_a_channel": a_channel,
                })

            self.classifier.optimizer.zero_grad()
            self.adversary.optimizer.zero_grad()
