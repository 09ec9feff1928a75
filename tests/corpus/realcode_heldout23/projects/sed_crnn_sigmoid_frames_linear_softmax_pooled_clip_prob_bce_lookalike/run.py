"""part of look-alike project [LG002, LG006, LG016]: the runner builds the model and the loss by name from the YAML config (Crnn, BceLoss), puts the float targets into the model's output dict and trains with zero_grad / backward / step; both the training and the validation loss histories keep loss.item(), the validation loop runs under torch.no_grad."""
# Source: Furudo-E-rika/sjtu_Course_Projects at 0e2831ef (read as is), APracticalCourceToIntelligentPerceptionAndCognition/sound_event_detection/run.py;
# re-typed, identifiers renamed; the label encoding and split (here one undefined utils.load_split call), the logger and the evaluate / score commands cut. dataset, utils
# and the config files are not included.
import os
import datetime
import uuid
from pathlib import Path

import fire
import numpy as np
import sklearn.metrics as skmetrics
import torch
from tqdm import tqdm

import dataset
import losses
import models
import utils

DEVICE = torch.device("cpu")


class Runner(object):
    def __init__(self, seed=42):
        super().__init__()
        torch.manual_seed(seed)
        np.random.seed(seed)

    @staticmethod
    def _forward(model, batch):
        aid, feat, target = batch
        feat = feat.to(DEVICE).float()
        target = target.to(DEVICE).float()
        out = model(feat)
        out["aid"] = aid
        out["target"] = target
        return out

    def train(self, config_file, **kwargs):
        config = utils.parse_config_or_kwargs(config_file, **kwargs)
        outdir = os.path.join(config["outputpath"], config["model"]["type"],
                              "{}_{}".format(datetime.datetime.now().strftime("%Y-%m-%d_%H-%M"), uuid.uuid1().hex))
        Path(outdir).mkdir(exist_ok=True, parents=True)
        train_df, cv_df, label_to_idx = utils.load_split(config)

        trainloader = torch.utils.data.DataLoader(
            dataset.TrainDataset(config["data"]["feature"], train_df, label_to_idx),
            collate_fn=dataset.sequential_collate(False), shuffle=True, **config["dataloader_args"])
        cvloader = torch.utils.data.DataLoader(
            dataset.TrainDataset(config["data"]["feature"], cv_df, label_to_idx),
            collate_fn=dataset.sequential_collate(False), shuffle=False, **config["dataloader_args"])

        model = getattr(models, config["model"]["type"])(
            num_freq=trainloader.dataset.datadim,
            num_class=len(label_to_idx),
            hidden_size=config["model"]["hidden_size"],
            channel_list=config["model"]["channel_list"],
            kernel_list=config["model"]["kernel_list"],
        )
        model = model.to(DEVICE)
        optimizer = getattr(torch.optim, config["optimizer"]["type"])(model.parameters(), **config["optimizer"]["args"])
        loss_fn = getattr(losses, config["loss"])().to(DEVICE)
        scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, **config["scheduler_args"])

        best_loss = float("inf")
        stale = 0
        for epoch in range(1, config["epochs"] + 1):
            model.train()
            history = []
            with torch.enable_grad(), tqdm(total=len(trainloader), unit="batch", leave=False) as pbar:
                for batch in trainloader:
                    optimizer.zero_grad()
                    out = self._forward(model, batch)
                    loss = loss_fn(out)
                    loss.backward()
                    optimizer.step()
                    history.append(loss.item())
                    pbar.update()
            train_loss = np.mean(history)

            model.eval()
            preds, targets, history = [], [], []
            with torch.no_grad():
                for batch in cvloader:
                    out = self._forward(model, batch)
                    loss = loss_fn(out)
                    history.append(loss.item())
                    preds.append(torch.round(out["clip_prob"]).cpu().numpy())
                    targets.append(out["target"].cpu().numpy())
            val_loss = np.mean(history)
            p, r, f1, _ = skmetrics.precision_recall_fscore_support(
                np.concatenate(targets, axis=0), np.concatenate(preds, axis=0), average="macro")
            print(f"Epoch {epoch} training_loss: {train_loss:.2f} val_loss: {val_loss:.2f} f1: {f1:.2f}")

            scheduler.step(val_loss)
            if val_loss < best_loss:
                best_loss = val_loss
                stale = 0
                torch.save(model.state_dict(), os.path.join(outdir, "run_model_best.pth"))
            else:
                stale += 1
            if stale == config["early_stop"]:
                break
        return outdir


if __name__ == "__main__":
    fire.Fire(Runner)
