"""look-alike [LG006]: the DCGAN epoch function after the fix: the generator's loss and the discriminator's two losses are added to the running totals as .item() numbers once the step is done, so no graph is kept."""

# Source: bubbliiiing/dcgan-pytorch@8e96966a05 utils/utils_fit.py (the fix of 6911672c3f; cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from tqdm import tqdm


def get_lr(optimizer):
    for group in optimizer.param_groups:
        return group["lr"]


def fit_one_epoch(G_train, D_train, G_opt, D_opt, bce, epoch, epoch_step, gen, n_epochs, cuda, batch_size):
    G_total_loss = 0
    D_total_loss = 0
    with tqdm(total=epoch_step, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, images in enumerate(gen):
            if iteration >= epoch_step:
                break
            y_real = torch.ones(batch_size)
            y_fake = torch.zeros(batch_size)
            images = torch.from_numpy(images).type(torch.FloatTensor)
            if cuda:
                images, y_real, y_fake = images.cuda(), y_real.cuda(), y_fake.cuda()

            D_opt.zero_grad()
            D_result = D_train(images)
            D_real_loss = bce(D_result, y_real)
            D_real_loss.backward()
            noise = torch.randn((batch_size, 100))
            G_result = G_train(noise)
            D_result = D_train(G_result)
            D_fake_loss = bce(D_result, y_fake)
            D_fake_loss.backward()
            D_opt.step()

            G_opt.zero_grad()
            noise = torch.randn((batch_size, 100))
            G_result = G_train(noise)
            D_result = D_train(G_result).squeeze()
            G_train_loss = bce(D_result, y_real)
            G_train_loss.backward()
            G_opt.step()

            G_total_loss += G_train_loss.item()
            D_total_loss += D_real_loss.item() + D_fake_loss.item()
            pbar.set_postfix(**{"G_loss": G_total_loss / (iteration + 1), "D_loss": D_total_loss / (iteration + 1), "lr": get_lr(G_opt)})
            pbar.update(1)
    print("G Loss: %.4f || D Loss: %.4f " % (G_total_loss / (epoch_step + 1), D_total_loss / (epoch_step + 1)))


class Discriminator(nn.Module):
    def __init__(self, d=128):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(3, d, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten())
        self.linear = nn.Linear(d * 32 * 32, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        x = self.sigmoid(self.linear(self.conv(x)))
        return x.squeeze()


if __name__ == "__main__":
    G_model = nn.Sequential(nn.Linear(100, 3 * 64 * 64), nn.Tanh(), nn.Unflatten(1, (3, 64, 64)))
    D_model = Discriminator()
    bce = nn.BCELoss()
    G_opt = optim.Adam(G_model.parameters(), lr=2e-3, betas=(0.5, 0.999))
    D_opt = optim.Adam(D_model.parameters(), lr=2e-3, betas=(0.5, 0.999))
    gen = None
    for epoch in range(100):
        fit_one_epoch(G_model.train(), D_model.train(), G_opt, D_opt, bce, epoch, 100, gen, 100, False, 64)
