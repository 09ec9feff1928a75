"""look-alike [LG006, LG014]: a course's translation script (module level, accelerate) adds each micro-batch's scaled CrossEntropyLoss tensor to accumulate_loss, back-propagates it, and every gradient_accumulation_steps micro-batches clips, steps, zeroes (set_to_none) and then resets accumulate_loss = 0 inside the same loop; the running value is detached before logging, and evaluation losses are detached and .item()-ed."""
# Source: priyammaz/PyTorch-Adventures at 00371bb2 (read as is), "PyTorch for NLP/Seq2Seq for Neural Machine
# Translation/train.py"; re-typed, identifiers renamed; the hyper-parameter block, weight-decay groups, checkpoint
# resume, the evaluation loop's body and the sample translation shortened. model.Transformer (ending in a Linear over
# the target vocabulary) and the tokenizer/collator modules are not included.
import os

import numpy as np
import torch
from accelerate import Accelerator
from datasets import load_from_disk
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import AutoTokenizer, get_scheduler

from data import TranslationCollator
from model import Transformer, TransformerConfig
from tokenizer import FrenchTokenizer

run_name = "Seq2Seq_Neural_Machine_Translation"
workdir = "work_dir"
data_path = "data/english2french"
total_steps = 150000
warmup_steps = 2000
eval_every = 2500
log_every = 1
batch_size = 256
accum_steps = 2
lr = 1e-4

src_tok = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
tgt_tok = FrenchTokenizer("trained_tokenizer/french_wp.json")

exp_dir = os.path.join(workdir, run_name)
accelerator = Accelerator(project_dir=exp_dir, log_with="wandb")
accelerator.init_trackers(run_name)

cfg = TransformerConfig(src_vocab_size=src_tok.vocab_size, tgt_vocab_size=tgt_tok.vocab_size)
ds = load_from_disk(data_path)
collate = TranslationCollator(src_tok, tgt_tok)
micro_bs = batch_size // accum_steps
train_loader = DataLoader(ds["train"], batch_size=micro_bs, num_workers=16, collate_fn=collate, shuffle=True)
test_loader = DataLoader(ds["test"], batch_size=micro_bs, collate_fn=collate, shuffle=False)

net = Transformer(cfg)
opt = torch.optim.AdamW(net.parameters(), lr=lr, betas=(0.9, 0.98), eps=1e-6)
sched = get_scheduler(name="cosine", optimizer=opt, num_warmup_steps=warmup_steps, num_training_steps=total_steps)
criterion = torch.nn.CrossEntropyLoss()

net, opt, train_loader, test_loader, sched = accelerator.prepare(net, opt, train_loader, test_loader, sched)

done_steps = 0
keep_training = True
bar = tqdm(range(done_steps, total_steps), disable=not accelerator.is_local_main_process)

while keep_training:
    micro = 0
    accumulate_loss = 0
    running_acc = 0

    for batch in train_loader:
        src_ids = batch["src_input_ids"].to(accelerator.device)
        src_mask = batch["src_pad_mask"].to(accelerator.device)
        tgt_ids = batch["tgt_input_ids"].to(accelerator.device)
        tgt_mask = batch["tgt_pad_mask"].to(accelerator.device)
        tgt_out = batch["tgt_outputs"].to(accelerator.device)

        logits = net(src_ids, tgt_ids, src_mask, tgt_mask)
        logits = logits.flatten(0, 1)
        tgt_out = tgt_out.flatten()

        loss = criterion(logits, tgt_out)
        loss = loss / accum_steps
        accumulate_loss += loss
        accelerator.backward(loss)

        pred = logits.argmax(axis=-1)
        keep = (tgt_out != -100)
        acc = (pred[keep] == tgt_out[keep]).sum() / len(pred[keep])
        running_acc += acc / accum_steps

        micro += 1
        if micro % accum_steps == 0:
            accelerator.clip_grad_norm_(net.parameters(), max_norm=1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
            sched.step()

            if done_steps % log_every == 0:
                accumulate_loss = accumulate_loss.detach()
                running_acc = running_acc.detach()
                if accelerator.num_processes > 1:
                    accumulate_loss = torch.mean(accelerator.gather_for_metrics(accumulate_loss))
                accelerator.log({"train_loss": accumulate_loss, "training_acc": running_acc}, step=done_steps)

            if done_steps % eval_every == 0:
                net.eval()
                test_losses = []
                for tb in test_loader:
                    with torch.inference_mode():
                        out = net(tb["src_input_ids"], tb["tgt_input_ids"], tb["src_pad_mask"], tb["tgt_pad_mask"])
                    tl = criterion(out.flatten(0, 1), tb["tgt_outputs"].flatten())
                    test_losses.append(tl.detach().item())
                accelerator.log({"test_loss": np.mean(test_losses)}, step=done_steps)
                net.train()

            if done_steps >= total_steps:
                keep_training = False
                break

            done_steps += 1
            bar.update(1)
            accumulate_loss = 0
            running_acc = 0

accelerator.end_training()
