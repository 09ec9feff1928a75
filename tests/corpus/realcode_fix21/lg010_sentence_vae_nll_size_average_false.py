"""positive [LG010]: the sentence VAE's reconstruction term is nn.NLLLoss(size_average=False, ...) over the decoder's log-probabilities (the fix, "make code torch 1.5.0 compatible", writes reduction='sum')."""

# Source: timbmg/Sentence-VAE@caecd1100b train.py, fixed in bcacb9aac3 (cut, renamed)
from collections import defaultdict

import numpy as np
import torch
from torch.utils.data import DataLoader

from model import SentenceVAE
from ptb import PTB
from utils import to_var


def kl_weight_at(anneal_function, step, k, x0):
    if anneal_function == "logistic":
        return float(1 / (1 + np.exp(-k * (step - x0))))
    return min(1, step / x0)


def main(args):
    splits = ["train", "valid"]
    datasets = {split: PTB(data_dir=args.data_dir, split=split, max_sequence_length=args.max_sequence_length) for split in splits}
    model = SentenceVAE(vocab_size=datasets["train"].vocab_size, sos_idx=datasets["train"].sos_idx,
                        eos_idx=datasets["train"].eos_idx, pad_idx=datasets["train"].pad_idx)
    if torch.cuda.is_available():
        model = model.cuda()

    nll = torch.nn.NLLLoss(size_average=False, ignore_index=datasets["train"].pad_idx)  # expect: LG010

    def loss_fn(logp, target, length, mean, logv, step):
        target = target[:, :torch.max(length).data[0]].contiguous().view(-1)
        logp = logp.view(-1, logp.size(2))
        nll_loss = nll(logp, target)
        kl_loss = -0.5 * torch.sum(1 + logv - mean.pow(2) - logv.exp())
        return nll_loss, kl_loss, kl_weight_at(args.anneal_function, step, args.k, args.x0)

    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate)
    step = 0
    for epoch in range(args.epochs):
        for split in splits:
            loader = DataLoader(dataset=datasets[split], batch_size=args.batch_size, shuffle=split == "train")
            tracker = defaultdict(list)
            model.train() if split == "train" else model.eval()
            for iteration, batch in enumerate(loader):
                batch_size = batch["input"].size(0)
                for k, v in batch.items():
                    if torch.is_tensor(v):
                        batch[k] = to_var(v)
                logp, mean, logv, z = model(batch["input"], batch["length"])
                nll_loss, kl_loss, kl_weight = loss_fn(logp, batch["target"], batch["length"], mean, logv, step)
                loss = (nll_loss + kl_weight * kl_loss) / batch_size
                if split == "train":
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
                    step += 1
                tracker["ELBO"].append(loss.data[0])
            print("%s epoch %02d mean ELBO %9.4f" % (split.upper(), epoch, np.mean(tracker["ELBO"])))
