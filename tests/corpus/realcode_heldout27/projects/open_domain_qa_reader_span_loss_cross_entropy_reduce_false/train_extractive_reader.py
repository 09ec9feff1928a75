"""part of positive project [LG010]: the reader trainer's epoch computes the reader's loss per batch (averaged over GPUs, divided for gradient accumulation), back-propagates (through apex amp with fp16), clips, and every gradient_accumulation_steps batches steps and clears the reader; losses are kept as loss.item()."""
# Source: facebookresearch/DPR at a31212dc, train_extractive_reader.py; re-typed, identifiers renamed; the Hydra config, checkpointing, the
# validation and prediction code and the logging shortened. ShardedDataIterator, create_reader_input's arguments and
# move_to_device are the repository's.
import numpy as np
import torch

from dpr.models.reader import ReaderBatch, compute_loss, create_reader_input
from dpr.utils.model_utils import move_to_device


class ReaderTrainer(object):
    def __init__(self, cfg, reader, optimizer, tensorizer):
        self.cfg = cfg
        self.reader = reader
        self.optimizer = optimizer
        self.tensorizer = tensorizer

    def _train_epoch(self, scheduler, epoch: int, train_data_iterator, global_step: int):
        cfg = self.cfg
        rolling_train_loss = 0.0
        epoch_loss = 0
        self.reader.train()
        for i, samples_batch in enumerate(train_data_iterator.iterate_ds_data(epoch=epoch)):
            if cfg.fully_resumable:
                np.random.seed(cfg.seed + global_step)
                torch.manual_seed(cfg.seed + global_step)
            input = create_reader_input(self.tensorizer.get_pad_id(), samples_batch, cfg.passages_per_question,
                                        cfg.encoder.sequence_length, cfg.max_n_answers, is_train=True, shuffle=True,
                                        sep_token_id=self.tensorizer.tokenizer.sep_token_id)
            loss = self._calc_loss(input)
            epoch_loss += loss.item()
            rolling_train_loss += loss.item()
            max_grad_norm = cfg.train.max_grad_norm
            if cfg.fp16:
                from apex import amp

                with amp.scale_loss(loss, self.optimizer) as scaled_loss:
                    scaled_loss.backward()
                if max_grad_norm > 0:
                    torch.nn.utils.clip_grad_norm_(amp.master_params(self.optimizer), max_grad_norm)
            else:
                loss.backward()
                if max_grad_norm > 0:
                    torch.nn.utils.clip_grad_norm_(self.reader.parameters(), max_grad_norm)
            if (i + 1) % cfg.train.gradient_accumulation_steps == 0:
                self.optimizer.step()
                scheduler.step()
                self.reader.zero_grad()
                global_step += 1
        return global_step

    def _calc_loss(self, input: ReaderBatch) -> torch.Tensor:
        cfg = self.cfg
        input = ReaderBatch(**move_to_device(input._asdict(), cfg.device))
        attn_mask = self.tensorizer.get_attn_mask(input.input_ids)
        questions_num, passages_per_question, _ = input.input_ids.size()
        if self.reader.training:
            loss = self.reader(input.input_ids, attn_mask, input.token_type_ids, input.start_positions,
                               input.end_positions, input.answers_mask)
        else:
            with torch.no_grad():
                start_logits, end_logits, rank_logits = self.reader(input.input_ids, attn_mask, input.token_type_ids)
            loss = compute_loss(input.start_positions, input.end_positions, input.answers_mask, start_logits,
                                end_logits, rank_logits, questions_num, passages_per_question)
        if cfg.n_gpu > 1:
            loss = loss.mean()
        if cfg.train.gradient_accumulation_steps > 1:
            loss = loss / cfg.train.gradient_accumulation_steps
        return loss
