"""part of look-alike project [LG003, LG016, LG002]: inference applies torch.sigmoid to the logits to produce probability masks; evaluation BCE takes those probabilities."""
import torch

from losses import bce_probs
from model import UNetSmall


@torch.no_grad()
def predict(images, weights="unet_small.pt", device="cuda"):
    model = UNetSmall().to(device)
    model.load_state_dict(torch.load(weights, map_location=device))
    model.eval()
    probs = torch.sigmoid(model(images.to(device)))
    return probs.cpu()


def report(images, masks):
    probs = predict(images)
    print("bce of probability masks:", bce_probs(probs, masks.float()))
    print("positive fraction:", (probs > 0.5).float().mean().item())


if __name__ == "__main__":
    report(torch.randn(2, 3, 64, 64), torch.randint(0, 2, (2, 1, 64, 64)))
