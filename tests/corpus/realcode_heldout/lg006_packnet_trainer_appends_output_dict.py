"""positive [LG006]: self-supervised depth trainer: output = module.training_step(batch, i) is a dict; output['loss'].backward() is called and then the whole dict, loss tensor included, is appended to outputs for training_epoch_end."""
# Source: https://github.com/TRI-ML/packnet-sfm packnet_sfm/trainers/horovod_trainer.py at the parent of
# 3959960ecde6819748be2559f6521f5ecedb2651 (pull request #51, "Fix memory leak": detach the loss before appending it to
# the training output list); re-typed, names changed, reduced.
from packnet_sfm.trainers.base_trainer import BaseTrainer, sample_to_cuda


class HorovodTrainer(BaseTrainer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def fit(self, module):
        module = module.to("cuda")
        optimizer = module.configure_optimizers()
        train_dataloader = module.train_dataloader()
        for epoch in range(module.current_epoch, self.max_epochs):
            self.train(train_dataloader, module, optimizer)
            module.current_epoch += 1

    def train(self, dataloader, module, optimizer):
        module.train()
        if hasattr(dataloader.sampler, "set_epoch"):
            dataloader.sampler.set_epoch(module.current_epoch)
        progress_bar = self.train_progress_bar(dataloader, module.config.datasets.train)
        outputs = []
        for i, batch in progress_bar:
            optimizer.zero_grad()
            batch = sample_to_cuda(batch)
            output = module.training_step(batch, i)
            output["loss"].backward()
            optimizer.step()
            outputs.append(output)  # expect: LG006
            if self.is_rank_0:
                progress_bar.set_description(
                    "Epoch {} | Avg.Loss {:.4f}".format(module.current_epoch, self.avg_loss(output["loss"].item()))
                )
        return module.training_epoch_end(outputs)
