"""positive [LG017]: an anomaly-detection distillation loop trains a projection layer and a decoder with two optimizers and steps them every accumulation_steps batches, but clears both at every batch, right before the backward(): the batches that do not step compute gradients only for the next clear to drop them, so each step applies the last batch's alone (the fix, "fix clear gradients", clears after the steps, under their test)."""

# Source: tientrandinh/Revisiting-Reverse-Distillation@ffeb286703 main.py, fixed in 94a8df5331 (cut, renamed)
import torch
from torch.nn import functional as F

from dataset import get_data_transforms, MVTecDataset
from model.resnet import wide_resnet50_2
from model.de_resnet import de_wide_resnet50_2
from model.projection import MultiProjectionLayer, RevisitLoss


def cosine_distill_loss(features, reconstructed):
    loss = 0
    for a, b in zip(features, reconstructed):
        loss += torch.mean(1 - F.cosine_similarity(a.view(a.shape[0], -1), b.view(b.shape[0], -1)))
    return loss


def train(category, args):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    transform, gt_transform = get_data_transforms(args.image_size, args.image_size)
    train_data = MVTecDataset(root=args.data_root + category, transform=transform, gt_transform=gt_transform, phase="train")
    loader = torch.utils.data.DataLoader(train_data, batch_size=args.batch_size, shuffle=True)

    encoder, bn = wide_resnet50_2(pretrained=True)
    encoder = encoder.to(device)
    bn = bn.to(device)
    encoder.eval()
    decoder = de_wide_resnet50_2(pretrained=False).to(device)
    projector = MultiProjectionLayer(base=64).to(device)
    projection_loss = RevisitLoss()
    optimizer_proj = torch.optim.Adam(list(projector.parameters()), lr=args.proj_lr, betas=(0.5, 0.999))
    optimizer_distill = torch.optim.Adam(list(decoder.parameters()) + list(bn.parameters()), lr=args.distill_lr, betas=(0.5, 0.999))

    for epoch in range(1, args.epochs + 1):
        bn.train()
        projector.train()
        decoder.train()
        running = 0
        accumulation_steps = 2
        for i, (img, img_noise, _) in enumerate(loader):
            img = img.to(device)
            img_noise = img_noise.to(device)
            inputs = encoder(img)
            inputs_noise = encoder(img_noise)
            noisy_space, clean_space = projector(inputs, features_noise=inputs_noise)
            l_proj = projection_loss(inputs_noise, noisy_space, clean_space)
            outputs = decoder(bn(clean_space))
            l_distill = cosine_distill_loss(inputs, outputs)
            loss = l_distill + args.weight_proj * l_proj
            optimizer_proj.zero_grad()
            optimizer_distill.zero_grad()  # expect: LG017
            loss.backward()
            if (i + 1) % accumulation_steps == 0:
                optimizer_proj.step()
                optimizer_distill.step()
            running += loss.detach().cpu().item()
        print(epoch, running)
