"""part of look-alike project [LG001, LG006, LG014]: domain-adversarial training: a content classifier and a domain classifier behind a gradient-reversal layer, both nn.CrossEntropyLoss on raw scores with long domain labels; three optimizers, all cleared by the overridden reset_grad() before backward and stepped after it; the content loss is summed with .item()."""
# Source: YannLeo/Pytorch-Template at 889b40b6 (read as is), trainers/dann_trainer.py;
# re-typed, identifiers renamed; the loader set-up shortened and the test epoch cut.
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.utils.data import DataLoader

import datasets
import models
from ._trainer_base import TrainerBase


class _GradReverseFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input: torch.Tensor, coeff=1.0) -> torch.Tensor:
        ctx.coeff = coeff
        return input

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor):
        return grad_output.neg() * ctx.coeff, None


class _GradReverseLayer(nn.Module):
    def __init__(self, coeff: float = 1.0):
        super().__init__()
        self.coeff = coeff

    def forward(self, x: torch.Tensor):
        return _GradReverseFn.apply(x, self.coeff)


class DANNTrainer(TrainerBase):

    def __init__(self, info: dict[str, Any], path=Path(), device=torch.device("cuda")) -> None:
        super().__init__(info, path, device)
        self.loss_func = nn.CrossEntropyLoss()
        self.grl = _GradReverseLayer(coeff=info["GRL_coeff"])

    def _prepare_dataloaders(self) -> None:
        super()._prepare_dataloaders()
        src = self.info["dataloader_source"]
        tgt = self.info["dataloader_target"]
        self.dataloader_source = DataLoader(
            dataset=self._get_object(datasets, src["dataset"]["name"], src["dataset"]["args"]), **src["args"])
        self.dataloader_target = DataLoader(
            dataset=self._get_object(datasets, tgt["dataset"]["name"], tgt["dataset"]["args"]), **tgt["args"])
        self.train_steps = min(len(self.dataloader_source), len(self.dataloader_target))

    def _prepare_models(self) -> None:
        super()._prepare_models()
        nc = self.info["model"]["args"]["num_classes"]
        self.classifier_content = models.Classifier(input_dim=nc, num_class=self.num_classes, intermediate_dim=128,
                                                    layers=2).to(self.device)
        self.classifier_domain = models.Classifier(input_dim=nc, num_class=self.num_classes, intermediate_dim=128,
                                                   layers=2).to(self.device)

    def _prepare_opt(self) -> None:
        super()._prepare_opt()
        lr = self.info["lr_scheduler"]["init_lr"] / 2
        self.opt_content = torch.optim.Adam(params=self.classifier_content.parameters(), lr=lr)
        self.opt_domain = torch.optim.Adam(params=self.classifier_domain.parameters(), lr=lr)

    def reset_grad(self) -> None:
        super().reset_grad()
        self.opt_content.zero_grad(set_to_none=True)
        self.opt_domain.zero_grad(set_to_none=True)

    def train_epoch(self, epoch: int) -> dict:
        train_loss_content_src = 0
        num_samples = 0
        num_correct_content = 0
        self.model.train()
        self.classifier_content.train()
        self.classifier_domain.train()

        loop = enumerate(self.progress(zip(self.dataloader_source, self.dataloader_target), epoch=epoch,
                                       total=self.train_steps))
        for batch, ((data_s, label_s), (data_t, _)) in loop:
            data_s, data_t = data_s.to(self.device), data_t.to(self.device)
            label_s: torch.Tensor = label_s.to(self.device)
            label_ones = torch.ones(len(data_s), dtype=torch.long, device=self.device)
            label_zeros = torch.zeros(len(data_t), dtype=torch.long, device=self.device)

            feature_s: torch.Tensor = self.model(data_s)
            feature_t: torch.Tensor = self.model(data_t)

            output_content_src: torch.Tensor = self.classifier_content(feature_s)
            loss_content_src: torch.Tensor = self.loss_func(output_content_src, label_s)

            feature_s, feature_t = self.grl(feature_s), self.grl(feature_t)
            output_domain_src: torch.Tensor = self.classifier_domain(feature_s)
            output_domain_tgt: torch.Tensor = self.classifier_domain(feature_t)
            loss_domain: torch.Tensor = 0.5 * (
                self.loss_func(output_domain_src, label_ones) + self.loss_func(output_domain_tgt, label_zeros)
            )
            loss = loss_content_src + loss_domain

            self.reset_grad()
            loss.backward()
            self.opt.step()
            self.opt_content.step()
            self.opt_domain.step()
            self.lr_scheduler.step()

            num_samples += label_s.shape[0]
            num_correct_content += (output_content_src.argmax(dim=1) == label_s).sum().item()
            train_loss_content_src += loss_content_src.item()

        return {"train_loss": train_loss_content_src / self.train_steps,
                "train_acc": num_correct_content / num_samples}
