"""part of positive project [LG010]: the multi-task trainer (depth as classification over bins and as regression) builds one loss per selected task from the YAML config and combines them with learnable log-variance task weights (Kendall et al.) before a single backward; the weights are optimised with the model."""
# Source: lukasliebel/MultiDepth at 7478d355 (read as is; found through issue #2 on its multi-task uncertainty weighting in train.py), train.py;
# re-typed, identifiers renamed; logging, checkpoint resume, validation and the summaries shortened. The models,
# loaders, schedulers and optimizers packages and configs/example_config.yml are not included.
import argparse

import torch
import yaml
from torch.utils import data

from ptsemseg.loader import get_loader
from ptsemseg.loss import get_loss_function
from ptsemseg.models import get_model
from ptsemseg.optimizers import get_optimizer
from ptsemseg.schedulers import get_scheduler


def train(cfg):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data_loader = get_loader(cfg['data']['dataset'])
    t_loader = data_loader(cfg['data']['path'], split=cfg['data']['train_split'])
    trainloader = data.DataLoader(t_loader, batch_size=cfg['training']['batch_size'],
                                  num_workers=cfg['training']['n_workers'], shuffle=True)
    model = get_model(cfg['model'], t_loader.n_classes).to(device)

    task_weights = {}
    update_weights = True if cfg["training"]["task_weight_policy"] == 'update' else False
    for task, weight in cfg["training"]["task_weight_init"].items():
        task_weights[task] = torch.tensor(weight).float()
        task_weights[task] = task_weights[task].to(device)
        task_weights[task] = task_weights[task].requires_grad_(update_weights)

    optimizer_cls = get_optimizer(cfg)
    optimizer_params = {k: v for k, v in cfg['training']['optimizer'].items() if k != 'name'}
    objective_params = list(model.parameters()) + list(task_weights.values())
    optimizer = optimizer_cls(objective_params, **optimizer_params)
    scheduler = get_scheduler(optimizer, cfg['training']['lr_schedule'])

    loss_fns = {}
    for task, selected in cfg["data"]["tasks"].items():
        if selected:
            loss_fns[task] = get_loss_function(cfg, task)

    i = 0
    flag = True
    while i <= cfg['training']['train_iters'] and flag:
        for (images, labels) in trainloader:
            scheduler.step()
            model.train()
            images = images.to(device)
            optimizer.zero_grad()
            outputs = model(images)

            st_loss = {}
            for task, loss_fn in loss_fns.items():
                labels[task] = labels[task].to(device)
                st_loss[task] = loss_fn(input=outputs[task], target=labels[task])

            mt_loss = 0
            if len(st_loss) > 1:
                for task, loss in st_loss.items():
                    s = task_weights[task]
                    r = s * 0.5
                    if task in ["d_cls"]:
                        w = torch.exp(-s)
                    elif task in ["d_reg"]:
                        w = 0.5 * torch.exp(-s)
                    else:
                        raise ValueError("Weighting not implemented!")
                    mt_loss += loss * w + r
            else:
                mt_loss = list(st_loss.values())[0]

            mt_loss.backward()
            optimizer.step()
            if (i + 1) % cfg['training']['print_interval'] == 0:
                print("Iter [{:d}] Loss: {:.4f}".format(i + 1, mt_loss.item()))
            i += 1
            if i == cfg['training']['train_iters']:
                flag = False
                break


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="config")
    parser.add_argument("--config", nargs="?", type=str, default="configs/example_config.yml")
    args = parser.parse_args()
    with open(args.config) as fp:
        cfg = yaml.load(fp)
    train(cfg)
