"""look-alike: the same VQ-VAE trainer picking its reconstruction criterion from a dict display by the configuration's string, both options reduced to the mean (the repository's code): backward() gets a scalar."""

# Source: explainingai-code/VQVAE-Pytorch@378815c660 tools/train_vqvae.py (train, train_for_one_epoch); re-typed,
# identifiers renamed; the image dumps, checkpoint loading, output folders and the model's modules cut
# Mutation: none (the repository's criteria)
import numpy as np
import torch
import yaml
from torch.optim import Adam
from torch.optim.lr_scheduler import ReduceLROnPlateau
from torch.utils.data.dataloader import DataLoader

from model.vqvae import get_model
from dataset.digits import DigitImages

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def run_epoch(epoch, model, loader, optimizer, recon_criterion, cfg):
    recon_terms, totals = [], []
    for images, _ in loader:
        images = images.float().to(device)
        optimizer.zero_grad()
        result = model(images)
        rebuilt = result["generated_image"]
        vq_terms = result["quantized_losses"]
        recon = recon_criterion(rebuilt, images)
        loss = (
            cfg["train"]["recon_weight"] * recon
            + cfg["train"]["codebook_weight"] * vq_terms["codebook_loss"]
            + cfg["train"]["commitment_weight"] * vq_terms["commitment_loss"]
        )
        recon_terms.append(recon.item())
        totals.append(loss.item())
        loss.backward()
        optimizer.step()
    print("epoch {} recon {:.4f}".format(epoch + 1, np.mean(recon_terms)))
    return np.mean(totals)


def main(config_path):
    with open(config_path) as handle:
        cfg = yaml.safe_load(handle)
    torch.manual_seed(cfg["train"]["seed"])
    model = get_model(cfg).to(device)
    loader = DataLoader(DigitImages("train", cfg["train"]["path"]), batch_size=cfg["train"]["batch_size"], shuffle=True)
    optimizer = Adam(model.parameters(), lr=cfg["train"]["lr"])
    scheduler = ReduceLROnPlateau(optimizer, factor=0.5, patience=1)
    recon_criterion = {
        "l1": torch.nn.L1Loss(),
        "l2": torch.nn.MSELoss(),
    }.get(cfg["train"]["crit"])
    best = np.inf
    for epoch in range(cfg["train"]["epochs"]):
        mean_loss = run_epoch(epoch, model, loader, optimizer, recon_criterion, cfg)
        scheduler.step(mean_loss)
        if mean_loss < best:
            best = mean_loss
            torch.save(model.state_dict(), cfg["train"]["ckpt"])


if __name__ == "__main__":
    main("config/vqvae_mnist.yaml")
