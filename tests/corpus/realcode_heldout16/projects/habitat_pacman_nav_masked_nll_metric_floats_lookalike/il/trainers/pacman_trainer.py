"""part of look-alike project [LG006, LG007, LG014]: the navigation trainer log-softmaxes the planner and controller scores for the masked NLL, clears gradients before the combined backward, and accumulates epoch averages after rebinding the loss names to the floats the metric keeper returns."""
# Source: facebookresearch/habitat-lab at 0fb6f43ff (read as is),
# habitat-baselines/habitat_baselines/il/trainers/pacman_trainer.py; re-typed, identifiers renamed; the evaluation
# routine, the dataset construction, the batch re-sorting by length and checkpointing cut.
import math

import torch
import torch.nn.functional as F

from ..metrics import NavMetric
from ..models.models import MaskedNLL, NavPlannerControllerModel


class PlannerControllerTrainer:
    def __init__(self, config, device):
        self.config = config
        self.device = device

    def train(self, loader, dataset, vocab):
        cfg = self.config
        model = NavPlannerControllerModel(q_vocab=vocab)
        planner_nll = MaskedNLL()
        controller_nll = MaskedNLL()
        optim = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=float(cfg.lr))
        metrics = NavMetric(info={"split": "train"}, metric_names=["planner_loss", "controller_loss"])
        epoch = 1
        avg_p_loss = 0.0
        avg_c_loss = 0.0
        model.train().to(self.device)
        while epoch <= cfg.max_epochs:
            for t, batch in enumerate(loader):
                batch = (item.to(self.device, non_blocking=True) for item in batch)
                (idx, questions, _, p_feats, p_in, p_out, p_lens, p_masks,
                 c_feats, c_in, p_hidden_idx, c_out, c_lens, c_masks) = batch
                p_scores, c_scores, _ = model(questions, p_feats, p_in, p_lens.cpu().numpy(), p_hidden_idx,
                                              c_feats, c_in, c_lens)
                p_logp = F.log_softmax(p_scores, dim=1)
                c_logp = F.log_softmax(c_scores, dim=1)
                planner_loss = planner_nll(p_logp, p_out[:, : p_lens.max()].reshape(-1, 1),
                                           p_masks[:, : p_lens.max()].reshape(-1, 1))
                controller_loss = controller_nll(c_logp, c_out[:, : c_lens.max()].reshape(-1, 1),
                                                 c_masks[:, : c_lens.max()].reshape(-1, 1))
                optim.zero_grad()
                metrics.update([planner_loss.item(), controller_loss.item()])
                (planner_loss + controller_loss).backward()
                optim.step()

                (planner_loss, controller_loss) = metrics.get_stats()
                avg_p_loss += planner_loss
                avg_c_loss += controller_loss

                if t % cfg.log_interval == 0:
                    print("Epoch: {} planner {:.3f} controller {:.3f}".format(epoch, planner_loss, controller_loss))

            n_batches = math.ceil(len(dataset) / cfg.batch_size)
            avg_p_loss /= n_batches
            avg_c_loss /= n_batches
            print("Average planner loss: {:.2f} controller loss: {:.2f}".format(avg_p_loss, avg_c_loss))
            epoch += 1
