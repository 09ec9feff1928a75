"""positive [LG017]: a multilingual TTS meta-training loop first primes its language embedding space: each priming step back-propagates the embedding-structure loss, then calls optimizer.zero_grad() before optimizer.step(), so the step applies no gradient and the priming trains nothing (the fix, "fix incorrect order of operations", clears before the backward)."""

# Source: DigitalPhonetics/IMS-Toucan@5976424f95 Architectures/ToucanTTS/toucantts_meta_train_loop.py, fixed in 050fa99099 (cut, renamed)
import random

import torch
from tqdm import tqdm

from Architectures.ToucanTTS.LanguageEmbeddingSpaceStructureLoss import LanguageEmbeddingSpaceStructureLoss
from Utility.WarmupScheduler import ToucanWarmupScheduler as WarmupScheduler


def train_loop(net, device, batch_size, steps, lr, warmup_steps, fine_tune, resume, use_less_loss):
    net = net.to(device)
    if use_less_loss:
        less_loss = LanguageEmbeddingSpaceStructureLoss()
        valid_language_ids = list(less_loss.ids_to_iso_codes.keys())
    if isinstance(net, torch.nn.parallel.DistributedDataParallel):
        model = net.module
    else:
        model = net

    optimizer = torch.optim.Adam([p for name, p in model.named_parameters() if "post_flow" not in name], lr=lr)
    scheduler = WarmupScheduler(optimizer, peak_lr=lr, warmup_steps=warmup_steps, max_steps=steps)
    net.train()

    if not fine_tune and not resume and use_less_loss:
        print("Priming the language embedding space...")
        less_values = list()
        for i in tqdm(range(warmup_steps * 2)):
            language_ids = random.sample(valid_language_ids, batch_size * 2)
            language_embeddings = model.encoder.language_embedding(torch.LongTensor(language_ids).to(device))
            less_value_unsupervised = less_loss(language_ids, language_embeddings)
            less_values.append(less_value_unsupervised.item())
            less_value_unsupervised.backward()
            optimizer.zero_grad()  # expect: LG017
            optimizer.step()
            if i % warmup_steps // 2 == 0:
                print(sum(less_values) / len(less_values))
                less_values = list()
    return model, scheduler
