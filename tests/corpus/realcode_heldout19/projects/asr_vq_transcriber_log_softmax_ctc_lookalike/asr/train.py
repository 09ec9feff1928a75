"""part of look-alike project [LG012, LG006]: the transcriber's training script; a helper permutes the (batch, time, vocab) log-probabilities to time-first for nn.CTCLoss(blank=..., zero_infinity=True), the step adds the warmed-up quantiser loss, skips infinite losses, clips and steps, and the running lists keep .item() floats."""
# Source: ILG2021/pytorch-practice at 78383386 (read as is), asr/train.py; re-typed, identifiers renamed; the long
# comment on the permute shortened. asr/tokenizer.py and asr/dataset.py are not included.
import sys

sys.path.append(".")

from torch import nn
from asr.tokenizer import my_tokenizer, blank_id
import torch
from torch.utils.data import DataLoader
from asr.model import Transcriber
from asr.dataset import CustomDataset, collate_fn


def ctc(log_probs, target, blank):
    crit = nn.CTCLoss(blank=blank, zero_infinity=True)
    in_lens = tuple(log_probs.shape[1] for _ in range(log_probs.shape[0]))
    tgt_lens = (target != blank).sum(dim=1)
    tgt_lens = tuple(t.item() for t in tgt_lens)
    time_first = log_probs.permute(1, 0, 2)  # CTCLoss wants (T, N, C)
    return crit(time_first, target, in_lens, tgt_lens)


if __name__ == '__main__':
    vq_w_start = 10
    vq_warmup = 1000
    vq_w_end = 0.5

    data = CustomDataset()
    loader = DataLoader(data, batch_size=64, collate_fn=collate_fn)
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    net = Transcriber(n_codebooks=2, codebook_size=32, dim=16, n_layers=2, vocab_size=len(my_tokenizer.get_vocab()),
                      strides=[6, 6, 6], pool_kernel=4, max_len=400).to(dev)
    n_epochs = 1000
    steps = 0
    opt = torch.optim.Adam(net.parameters(), lr=0.005)
    ctc_hist = []
    vq_hist = []

    for ep in range(n_epochs):
        for i, batch in enumerate(loader):
            audio = batch["audio"].to(dev)
            target = batch["input_ids"].to(dev)
            opt.zero_grad()
            out, vq_loss = net(audio)
            ctc_loss = ctc(out, target, blank=blank_id)
            vq_w = max(vq_w_end, vq_w_start - (vq_w_start - vq_w_end) * (steps / vq_warmup))
            if vq_loss is None:
                loss = ctc_loss
            else:
                loss = ctc_loss + vq_w * vq_loss
            if torch.isinf(loss):
                continue
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=10)
            opt.step()
            vq_hist.append(vq_loss.item())
            ctc_hist.append(ctc_loss.item())
            steps = steps + 1
        if ep % 20 == 0:
            avg_ctc = sum(ctc_hist) / len(ctc_hist)
            avg_vq = sum(vq_hist) / len(vq_hist)
            print(f"Epoch: {ep} Steps: {steps} avg_loss: {avg_ctc + vq_w * avg_vq} avg_ctc_loss: {avg_ctc}")
            ctc_hist = []
            vq_hist = []
