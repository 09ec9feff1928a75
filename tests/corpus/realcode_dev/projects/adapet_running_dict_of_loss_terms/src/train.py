"""part of positive project [LG006]: the training loop back-propagates each batch's loss and keeps the dict of its terms in a running sum that is reset only every eval_every batches, so up to that many graphs stay alive."""
# Source: https://github.com/huggingface/setfit scripts/adapet/ADAPET/src/train.py at
# 0f8e322ce7c62eeb7b2d113f88f1b1fc37777692 (train, lines 70-113); re-typed, names changed, reduced.
import torch

from src.model import Adapet
from src.utils.util import add_to_running, average_running


def train(config):
    model = Adapet(config, tokenizer, reader)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr)
    batches = batcher.get_train_batch()
    running = None
    total = config.num_batches * config.grad_accumulation_factor
    for i in range(total):
        step = i // config.grad_accumulation_factor
        model.train()
        batch = next(batches)
        loss, terms = model(batch)
        loss = loss / config.grad_accumulation_factor
        loss.backward()
        if (i + 1) % config.grad_accumulation_factor == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip_norm)
            optimizer.step()
            optimizer.zero_grad()
        running = add_to_running(running, terms, config.grad_accumulation_factor)
        if (step + 1) % config.eval_every == 0 and i % config.grad_accumulation_factor == 0:
            averages = average_running(running, config.eval_every)
            running = None
            evaluate(config, model, averages)
