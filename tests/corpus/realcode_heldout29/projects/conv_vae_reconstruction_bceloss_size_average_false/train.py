"""part of positive project [LG010]: the training loop clears the optimizer, runs the VAE, adds the model's reconstruction and KL losses, back-propagates and steps; logged values are .data.item()."""
# Source: kuc2477/pytorch-vae at 726a27eb, train.py; re-typed, identifiers renamed; the visdom image logging and checkpointing shortened;
# utils and visual are the repository's (not included).
from torch import optim
from torch.autograd import Variable
from tqdm import tqdm

import utils
import visual


def train_model(model, dataset, epochs=10, batch_size=32, lr=3e-04, weight_decay=1e-5, loss_log_interval=30,
                checkpoint_dir='./checkpoints', resume=False, cuda=False):
    model.train()
    optimizer = optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    epoch_start = utils.load_checkpoint(model, checkpoint_dir) if resume else 1

    for epoch in range(epoch_start, epochs + 1):
        data_loader = utils.get_data_loader(dataset, batch_size, cuda=cuda)
        data_stream = tqdm(enumerate(data_loader, 1))
        for batch_index, (x, _) in data_stream:
            iteration = (epoch - 1) * (len(dataset) // batch_size) + batch_index
            x = Variable(x).cuda() if cuda else Variable(x)

            optimizer.zero_grad()
            (mean, logvar), x_reconstructed = model(x)
            reconstruction_loss = model.reconstruction_loss(x_reconstructed, x)
            kl_divergence_loss = model.kl_divergence_loss(mean, logvar)
            total_loss = reconstruction_loss + kl_divergence_loss
            total_loss.backward()
            optimizer.step()

            data_stream.set_description('epoch: {} | iteration: {} | loss => total: {:.4f}'.format(
                epoch, iteration, total_loss.data.item()))
            if iteration % loss_log_interval == 0:
                losses = [reconstruction_loss.data.item(), kl_divergence_loss.data.item(), total_loss.data.item()]
                visual.visualize_scalars(losses, ['reconstruction', 'kl divergence', 'total'], 'loss', iteration,
                                         env=model.label)
