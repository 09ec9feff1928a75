"""part of positive project [LG010]: the captioning trainer picks LabelSmoothing when config.label_smoothing > 0 (else the plain masked NLL), feeds it the model's per-step log-probabilities, the shifted captions and their masks, clears, back-propagates, clips and steps a learning-rate-scheduled optimizer wrapper; the logged loss is loss.item()."""
# Source: jiahuei/sparse-image-captioning at 0429b4f8, scripts/train_transformer.py; re-typed, identifiers renamed; the parameter-count dump,
# checkpointing, validation and TensorBoard logging shortened; compute_scst_loss, TrainingModule and optim.get_optim
# are the repository's (not included).
import torch
from time import time

from sparse_caption.utils import losses, optim
from sparse_caption.utils.model_utils import map_to_cuda
from sparse_caption.utils.training import TrainingModule


class CaptioningModel(TrainingModule):
    def train(self):
        self.prepare()
        config = self.config
        model = self.model
        map_to_cuda(model)
        model.train()
        torch.save(model.state_dict(), self.checkpoint_path.format("init"))

        if config.label_smoothing > 0:
            loss_fn = losses.LabelSmoothing(smoothing=config.label_smoothing)
        else:
            loss_fn = losses.LanguageModelCriterion()
        scst_loss_fn = losses.RewardCriterion()

        optimizer = self.optimizer = optim.get_optim(model.parameters(), config)
        self.maybe_load_checkpoint()

        t_start = time()
        for epoch in range(config.max_epochs):
            sc_flag = 0 <= config.scst_start_epoch <= epoch
            for batch_idx, data in enumerate(self.train_loader):
                data = map_to_cuda(data)
                optimizer.zero_grad()
                if not sc_flag:
                    loss = loss_fn(model(**data), data["seqs"][:, 1:], data["masks"][:, 1:])
                    reward = None
                else:
                    loss, reward, sc_sample, sc_greedy = self.compute_scst_loss(data, gts=data["gts"],
                                                                                loss_fn=scst_loss_fn)
                loss.backward()
                optim.clip_gradient(optimizer, config.grad_clip)
                optimizer.step(epoch=epoch)
                train_loss = loss.item()
                self.global_step += 1
                if self.global_step % 5 == 0:
                    print(f"Epoch {epoch:3d} iter {self.global_step:9,d}, Loss = {train_loss:6.3f}, "
                          f"{time() - t_start:.1f}s")
                    t_start = time()
