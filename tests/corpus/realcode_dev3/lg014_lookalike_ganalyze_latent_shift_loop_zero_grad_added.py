"""look-alike [LG014]: the GANalyze training script after its fix: the module-level loop over latent batches clears the transformation's gradients at the top of every iteration before the backward pass and the Adam step."""
# Source: LoreGoetschalckx/GANalyze@45d413992ae235fa7fb954dfa3d24fb3979aaff3 pytorch/train_pytorch.py ("adding optimizer.zero_grad()", the fix of issue #7; re-typed, checkpoint-resume, option files and device selection shortened)
import argparse

import numpy as np
import torch
import torch.optim as optim

import assessors
import generators
import transformations.pytorch as transformations
import utils.common
import utils.pytorch

parser = argparse.ArgumentParser()
parser.add_argument('--num_samples', type=int, default="400000")
parser.add_argument('--train_alpha_a', type=float, default=-0.5)
parser.add_argument('--train_alpha_b', type=float, default=0.5)
parser.add_argument('--transformer', default=["OneDirection", "None"], nargs=2, type=str)
opts = vars(parser.parse_args())
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
dim_z, n_classes = 140, 1000

shift = getattr(transformations, opts["transformer"][0])(dim_z, n_classes)
shift.to(device)
gen = generators.biggan256()
for p in gen.parameters():
    p.requires_grad = False
gen.eval()
gen = gen.to(device)
scorer, prep, post = assessors.emonet(True)

optimizer = optim.Adam(shift.parameters(), lr=0.0002)
meter = utils.common.AverageMeter(name='Loss')

step_no = 0
bs = 4
lo, hi = opts["train_alpha_a"], opts["train_alpha_b"]
n = opts["num_samples"]
np.random.seed(seed=0)
zs = utils.common.truncated_z_sample(n, dim_z, 1)
ys = np.random.randint(0, n_classes, size=zs.shape[0])

for start in range(0, n, bs):
    optimizer.zero_grad()

    part = slice(start, min(n, start + bs))
    z = torch.from_numpy(zs[part]).type(torch.FloatTensor).to(device)
    y = torch.from_numpy(ys[part]).to(device)
    alphas = (hi - lo) * np.random.random(size=(bs)) + lo
    alphas_wide = torch.from_numpy(np.repeat(alphas, dim_z).reshape([bs, dim_z])).type(torch.FloatTensor).to(device)

    imgs = prep(utils.pytorch.denorm(gen(z, utils.pytorch.one_hot(y))))
    imgs = imgs.view(-1, *imgs.shape[-3:]).to(device)
    scores = post(scorer(imgs)).to(device).float()
    goal = scores + torch.from_numpy(alphas).to(device).float()

    z_moved = shift.transform(z, utils.pytorch.one_hot(y), alphas_wide)
    moved = prep(utils.pytorch.denorm(gen(z_moved, utils.pytorch.one_hot(y))))
    moved = moved.view(-1, *moved.shape[-3:]).to(device)
    moved_scores = post(scorer(moved)).to(device).float()

    loss = shift.compute_loss(moved_scores, goal, start, "losses.txt")

    loss.backward()
    optimizer.step()

    meter.update(loss.item(), bs)
    print(f'[{start}/{n}] {meter}')
    if step_no % 250 == 0:
        torch.save(shift.state_dict(), "model_{}.pth".format(start))
    step_no = step_no + 1
