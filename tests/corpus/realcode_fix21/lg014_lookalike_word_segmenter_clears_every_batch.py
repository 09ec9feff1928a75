"""look-alike [LG014]: the same word-segmentation script at the fix commit: optimizer.zero_grad() at the top of every batch, before the forward pass, the clamp and the step."""

# Source: fastnlp/fastNLP@ea1c8c1100 reproduction/chinese_word_segment/train_context.py (the fix commit; cut, renamed)
import sys

import torch
from torch import optim
from tqdm import tqdm

from fastNLP.core.batch import Batch
from fastNLP.core.sampler import BucketSampler, SequentialSampler
from segmenter.models import BiLSTMSegmenter
from segmenter.utils import FocalLoss, seq_lens_to_mask
from segmenter.prepare import char_vocab, bigram_vocab, tag_size, train_set, dev_set, evaluate_f1

model = BiLSTMSegmenter(char_vocab.get_vocab_size(), embed_dim=100, bigram_vocab_num=bigram_vocab.get_vocab_size(),
                        bigram_embed_dim=100, hidden_size=200, bidirectional=True, tag_size=tag_size)
model.cuda()

num_epochs = 3
loss_fn = FocalLoss(class_num=tag_size)
optimizer = optim.Adagrad(model.parameters(), lr=0.02)
print_every = 50
batch_size = 32
train_batches = Batch(train_set, batch_size, BucketSampler(batch_size=batch_size), use_cuda=False)
dev_batches = Batch(dev_set, batch_size, SequentialSampler(), use_cuda=False)
best_f1 = 0
for epoch in range(num_epochs):
    sys.stdout.flush()
    avg_loss = 0
    with tqdm(total=len(train_set) // batch_size, leave=True) as pbar:
        model.train()
        for batch_idx, (batch_x, batch_y) in enumerate(train_batches, 1):
            optimizer.zero_grad()
            pred_dict = model(batch_x)
            seq_lens = pred_dict["seq_lens"]
            masks = seq_lens_to_mask(seq_lens).float()
            tags = batch_y["tags"].long().to(seq_lens.device)
            loss = torch.sum(loss_fn(pred_dict["pred_probs"].view(-1, tag_size), tags.view(-1)) * masks.view(-1)) / torch.sum(masks)
            avg_loss += loss.item()
            loss.backward()
            for group in optimizer.param_groups:
                for param in group["params"]:
                    param.grad.clamp_(-5, 5)
            optimizer.step()
            if batch_idx % print_every == 0:
                pbar.set_postfix_str("batch=%d, avg_loss=%.5f" % (batch_idx, avg_loss / print_every))
                avg_loss = 0
                pbar.update(print_every)
    pre, rec, f1 = evaluate_f1(model, dev_batches)
    if best_f1 < f1:
        best_f1 = f1
        best_state = {key: value.clone() for key, value in model.state_dict().items()}
