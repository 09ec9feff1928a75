"""part of look-alike project [LG006]: the training loop back-propagates the loss the helper returns, after the helper stored it into the collector made before the loops."""
# Source: IBM/mi-prometheus@d585f9a2d5 ("Fixes #111") miprometheus/workers/offline_trainer.py (re-typed: the epoch and episode loops; validation, visualisation and curriculum cut)
import torch

from miprometheus.workers.trainer import Trainer


class OfflineTrainer(Trainer):
    def __init__(self, name="OfflineTrainer"):
        super(OfflineTrainer, self).__init__(name)

    def forward(self):
        self.initialize_statistics_collection()
        episode = -1
        for epoch in range(self.epoch_limit):
            self.training_problem.initialize_epoch(epoch)
            self.training_stat_col.empty()
            for training_dict in self.training_dataloader:
                episode += 1
                self.optimizer.zero_grad()
                self.model.train()
                logits, loss = self.predict_evaluate_collect(self.model, self.training_problem, training_dict, self.training_stat_col, episode, epoch)
                loss.backward()
                try:
                    val = self.params["training"]["gradient_clipping"]
                    torch.nn.utils.clip_grad_value_(self.model.parameters(), val)
                except KeyError:
                    pass
                self.optimizer.step()
                print(self.training_stat_col.export_to_string())


if __name__ == "__main__":
    trainer = OfflineTrainer()
    trainer.setup_experiment(params, model_factory, torch.optim.Adam)
    trainer.forward()
