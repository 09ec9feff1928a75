"""part of positive project [LG001]: the training script builds the model the registry picks and scores its softmax output with the factory's CrossEntropyLoss."""

# Source: calmiLovesAI/Image_Classification.pytorch@dc5d7e34b9 train.py, fixed in 82cd16b308 (cut, renamed)
from pathlib import Path

import torch
from tqdm import tqdm

from core.data import load_dataset
from core.loss import cross_entropy_loss
from core.metrics import MeanMetric
from core.models import pick_model
from core.parse_yaml import Yaml


def train_loop(cfg, model, dataloader, device):
    epochs = cfg["Train"]["epochs"]
    save_path = cfg["Train"]["save_path"]
    optimizer = torch.optim.Adam(params=model.parameters(), lr=cfg["Train"]["learning_rate"])
    loss_fn = cross_entropy_loss()
    loss_mean = MeanMetric()

    for epoch in range(epochs):
        with tqdm(dataloader, desc="Epoch-{}/{}".format(epoch, epochs)) as pbar:
            for i, (images, targets) in enumerate(pbar):
                images = images.to(device)
                targets = targets.to(device, dtype=torch.int64)

                optimizer.zero_grad()
                preds = model(images)
                loss = loss_fn(preds, targets)  # expect: LG001
                loss_mean.update(loss.item())
                loss.backward()
                optimizer.step()

                pbar.set_postfix({"loss": "{}".format(loss_mean.result())})
        loss_mean.reset()
        torch.save(model.state_dict(), Path(save_path).joinpath("{}_epoch-{}.pth".format(model.model_name, epoch)))


if __name__ == '__main__':
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    cfg = Yaml(yaml_filepath=["./experiments/config.yaml", "./experiments/data.yaml"]).parse()
    classes, num_classes, train_dataloader = load_dataset(cfg)
    model = pick_model()(cfg, num_classes)
    model.to(device=device)
    train_loop(cfg, model, train_dataloader, device)
