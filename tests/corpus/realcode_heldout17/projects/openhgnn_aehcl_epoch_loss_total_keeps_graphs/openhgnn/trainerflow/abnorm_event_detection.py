"""part of positive project [LG006]: the flow adds each batch's loss tensor, returned un-detached by the model after backward, to an epoch total (end_loss += loss), so every batch's graph stays alive until the epoch ends."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is; added by 7c59867 "add AEHCL"),
# openhgnn/trainerflow/AbnormEventDetection.py; re-typed, identifiers renamed; the evaluator set-up and AP/AUC
# printing shortened.
import torch
from tqdm import tqdm

from . import BaseFlow, register_flow
from ..models import build_model


@register_flow("abnorm_event_detection")
class AbnormEventDetection(BaseFlow):
    def __init__(self, args=None):
        super(AbnormEventDetection, self).__init__(args)
        self.event_label = self.task.dataset.event_label
        args.center_type, args.context_type = self.task.dataset.center_type, self.task.dataset.context_type
        args.in_dim = self.task.dataset.in_dim
        self.model = build_model(self.model).build_model_from_args(self.args).to(self.device)
        self.batch_size = args.batch_size
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
        self.eval_epoch = args.eval_epoch

    def train(self):
        for epoch in tqdm(range(self.max_epoch)):
            self.task.dataset.get_complete_events_features()
            loss = self._full_train_step()
            print("loss: ", loss)
        for epoch in tqdm(range(self.eval_epoch)):
            self._full_test_step()

    def _full_train_step(self):
        self.model.train()
        events, neg_events, pos_events, neg_ctx, neg_ent, masks, type_num = self.task.dataset.get_batch(
            self.batch_size, device=self.device)
        n_batches = len(events)
        end_loss = 0.0
        for i in tqdm(range(n_batches)):
            self.optimizer.zero_grad()
            loss = self.model(events[i], pos_events[i], neg_events[i], neg_ctx[i], neg_ent[i], masks[i], type_num[i])
            loss.backward()
            self.optimizer.step()
            end_loss += loss  # expect: LG006
        return end_loss / n_batches

    def _full_test_step(self):
        self.model.eval()
        events, neg_events, pos_events, neg_ctx, neg_ent, masks, type_num = self.task.dataset.get_batch(
            self.batch_size, shuffle=False, device=self.device)
        scores = None
        with torch.no_grad():
            for i in range(len(events)):
                score = self.model(events[i], pos_events[i], neg_events[i], neg_ctx[i], neg_ent[i], masks[i],
                                   type_num[i])
                scores = score if scores is None else torch.cat((scores, score), 0)
        return scores
