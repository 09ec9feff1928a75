"""part of look-alike project [LG003, LG004, LG016, LG017, LG018]: the training script: a float label vector ids = [1] * bs + [0] * bs and BCEWithLogitsLoss on the critic's flattened logits for real and generated images together; n_critic critic updates (clear, loss, backward, gradient penalty through torch.autograd.grad, second backward, step) per generator update (clear, BCE-with-logits against ones, backward, step); losses logged with .item()."""
# Source: AIshutin/hse-anime at e2dffb1e, train.py; re-typed, identifiers renamed; the argument parser, the dataset transforms, wandb logging,
# image generation, FID evaluation and checkpointing shortened.
import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from model import Painter, Critic
from utils import calc_grad_norm


def train(args, train_dataset, device):
    loader = DataLoader(train_dataset, batch_size=args.bs, shuffle=True, drop_last=True)
    painter = Painter(64, args.gdim).to(device)
    critic = Critic(args.ddim).to(device)
    opt_g = torch.optim.RMSprop(painter.parameters(), args.lr)
    opt_d = torch.optim.RMSprop(critic.parameters(), args.lr)
    ids = torch.tensor([1] * args.bs + [0] * args.bs, device=device).float()
    criterion = torch.nn.BCEWithLogitsLoss()

    d_loss = 0
    g_loss = 0
    d_grad_norm = 0
    g_grad_norm = 0
    gp_total = 0
    steps = 0
    for iteration in tqdm(range(1, 1 + args.iterations)):
        steps += 1
        for i, (gt, _) in enumerate(loader):
            if i == args.n_critic:
                break
            opt_d.zero_grad()
            fake = painter(gt.shape[0], device)
            gt = gt.to(device)
            batch = torch.cat((gt, fake), dim=0)
            scores = critic(batch)
            loss = criterion(scores.flatten(), ids)
            d_loss += loss.item()
            loss.backward()
            d_grad_norm += calc_grad_norm(critic)

            lambdas = torch.rand(args.bs, device=device)
            mixed = fake * lambdas + (1 - lambdas) * gt
            mixed = torch.autograd.Variable(mixed, requires_grad=True)
            scores_mixed = critic(mixed)
            gradients = torch.autograd.grad(outputs=scores_mixed, inputs=mixed,
                                            grad_outputs=torch.ones_like(scores_mixed).cuda(),
                                            retain_graph=True, create_graph=True, only_inputs=True)[0]
            gradients = gradients.reshape(gradients.shape[0], -1)
            penalty = (gradients.norm(2, dim=-1) - 1).square().mean()
            gp_total += penalty.item()
            (penalty * args.lambda_m).backward()
            opt_d.step()

        opt_g.zero_grad()
        fake = painter(args.bs, device)
        scores = critic(fake)
        loss = criterion(scores, torch.ones_like(scores))
        g_loss += loss.item()
        loss.backward()
        g_grad_norm += calc_grad_norm(painter)
        opt_g.step()

        if iteration % args.epoch_len == 0:
            print(iteration, d_loss / (steps * args.n_critic), g_loss / steps, gp_total / (steps * args.n_critic))
            d_loss = g_loss = d_grad_norm = g_grad_norm = gp_total = 0
            steps = 0
