"""part of look-alike project [LG007, LG006, LG015]: the training loop sums NLLLoss(reduction="sum", ignore_index=pad) and the annealed KL term inside a nested loss_fn, divides by the batch size, and keeps only loss.data in its tracker."""
# Source: https://github.com/timbmg/Sentence-VAE train.py at 4e2c7009ff36677c40d0b252400f68a5ea114078; re-typed, names changed, reduced. Correct code.
import argparse
from collections import defaultdict

import numpy as np
import torch
from torch.utils.data import DataLoader

from model import SentenceVAE
from ptb import PTB
from utils import to_var


def main(args):
    datasets = {split: PTB(data_dir=args.data_dir, split=split) for split in ["train", "valid"]}
    model = SentenceVAE(vocab_size=datasets["train"].vocab_size, embedding_size=300, hidden_size=256, latent_size=16,
                        sos_idx=datasets["train"].sos_idx, pad_idx=datasets["train"].pad_idx, unk_idx=datasets["train"].unk_idx)

    def kl_anneal_function(anneal_function, step, k, x0):
        if anneal_function == "logistic":
            return float(1 / (1 + np.exp(-k * (step - x0))))
        elif anneal_function == "linear":
            return min(1, step / x0)

    NLL = torch.nn.NLLLoss(ignore_index=datasets["train"].pad_idx, reduction="sum")

    def loss_fn(logp, target, length, mean, logv, anneal_function, step, k, x0):
        target = target[:, : torch.max(length).item()].contiguous().view(-1)
        logp = logp.view(-1, logp.size(2))
        NLL_loss = NLL(logp, target)
        KL_loss = -0.5 * torch.sum(1 + logv - mean.pow(2) - logv.exp())
        KL_weight = kl_anneal_function(anneal_function, step, k, x0)
        return NLL_loss, KL_loss, KL_weight

    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate)
    tensor = torch.Tensor
    step = 0
    for epoch in range(args.epochs):
        for split in ["train", "valid"]:
            data_loader = DataLoader(dataset=datasets[split], batch_size=args.batch_size, shuffle=split == "train")
            tracker = defaultdict(tensor)
            if split == "train":
                model.train()
            else:
                model.eval()
            for iteration, batch in enumerate(data_loader):
                batch_size = batch["input"].size(0)
                for k, v in batch.items():
                    if torch.is_tensor(v):
                        batch[k] = to_var(v)
                logp, mean, logv, z = model(batch["input"], batch["length"])
                NLL_loss, KL_loss, KL_weight = loss_fn(logp, batch["target"], batch["length"], mean, logv, args.anneal_function, step, args.k, args.x0)
                loss = (NLL_loss + KL_weight * KL_loss) / batch_size
                if split == "train":
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
                    step += 1
                tracker["ELBO"] = torch.cat((tracker["ELBO"], loss.data.view(1, -1)), dim=0)
            print("%s Epoch %02d/%i, Mean ELBO %9.4f" % (split.upper(), epoch, args.epochs, tracker["ELBO"].mean()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", type=str, default="data")
    parser.add_argument("-ep", "--epochs", type=int, default=10)
    parser.add_argument("-bs", "--batch_size", type=int, default=32)
    parser.add_argument("-lr", "--learning_rate", type=float, default=0.001)
    parser.add_argument("-af", "--anneal_function", type=str, default="logistic")
    parser.add_argument("-k", "--k", type=float, default=0.0025)
    parser.add_argument("-x0", "--x0", type=int, default=2500)
    main(parser.parse_args())
