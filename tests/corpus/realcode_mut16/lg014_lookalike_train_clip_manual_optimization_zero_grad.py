"""look-alike [LG014]: the CLIP LightningModule as written clears its optimizer once per batch, back-propagates every micro-batch (accumulating on purpose) and steps once."""
# Source: Zasder3/train-CLIP@79d4c79600 models/wrapper.py (CLIPWrapper, re-typed; the encoders are stand-ins, all_gather, logging and schedules cut)
import copy
import math

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyCLIP(nn.Module):
    def __init__(self, dim=512):
        super().__init__()
        self.visual = nn.Linear(2048, dim)
        self.text = nn.Embedding(49408, dim)
        self.logit_scale = nn.Parameter(torch.ones([]) * math.log(1 / 0.07))

    def encode_image(self, image):
        return self.visual(image)

    def encode_text(self, tokens):
        return self.text(tokens).mean(1)


class ClipTrainer(pl.LightningModule):
    def __init__(self, minibatch_size):
        super().__init__()
        self.model = TinyCLIP()
        self.minibatch_size = minibatch_size
        self.automatic_optimization = False

    def training_step(self, train_batch, idx):
        optimizer = self.optimizers()
        image, text = train_batch
        optimizer.zero_grad()
        n = math.ceil(len(image) // self.minibatch_size)
        image_mbs = torch.chunk(image, n)
        text_mbs = torch.chunk(text, n)
        with torch.no_grad():
            ims = [F.normalize(self.model.encode_image(im), dim=1) for im in image_mbs]
            txt = [F.normalize(self.model.encode_text(t), dim=1) for t in text_mbs]
        for j, mb in enumerate(image_mbs):
            images_tmp = copy.deepcopy(ims)
            images_tmp[j] = F.normalize(self.model.encode_image(mb), dim=1)
            image_logits = torch.cat(images_tmp) @ torch.cat(txt).t() * self.model.logit_scale.exp()
            ground_truth = torch.arange(len(image_logits)).long().to(image_logits.device)
            loss = (F.cross_entropy(image_logits, ground_truth) + F.cross_entropy(image_logits.t(), ground_truth)) / 2
            self.manual_backward(loss)
        for j, mb in enumerate(text_mbs):
            text_tmp = copy.deepcopy(txt)
            text_tmp[j] = F.normalize(self.model.encode_text(mb), dim=1)
            image_logits = torch.cat(ims) @ torch.cat(text_tmp).t() * self.model.logit_scale.exp()
            ground_truth = torch.arange(len(image_logits)).long().to(image_logits.device)
            loss = (F.cross_entropy(image_logits, ground_truth) + F.cross_entropy(image_logits.t(), ground_truth)) / 2
            self.manual_backward(loss)
        optimizer.step()
        self.model.logit_scale.data.clamp_(-math.log(100), math.log(100))

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=5e-4, betas=(0.9, 0.98), eps=1e-6, weight_decay=0.2)
