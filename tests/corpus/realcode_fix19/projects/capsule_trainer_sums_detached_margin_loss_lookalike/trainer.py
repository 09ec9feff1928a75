"""part of look-alike project [LG006]: the trainer at the fix commit: current_margin_loss takes margin_loss.detach()."""

# Source: rzissoldt/Hierarchical-Multi-Label-Classification@f45e6b5fa6 HARNN/trainer/buhcapsnet_trainer.py (the fix commit; cut, renamed)
from torch.utils.tensorboard import SummaryWriter


class CapsuleTrainer():
    def __init__(self, model, criterion, optimizer, scheduler, path_to_model, device=None):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.device = device
        self.tb_writer = SummaryWriter(path_to_model)

    def train(self, epoch_index, data_loader):
        current_margin_loss = 0.
        self.model.train(True)
        num_of_train_batches = len(data_loader)
        for i, data in enumerate(data_loader):
            inputs, labels = data
            inputs = inputs.to(self.device)
            y_local_onehots = [label.to(self.device) for label in labels]
            self.optimizer.zero_grad()
            local_scores = self.model(inputs)
            margin_loss = self.criterion((local_scores, y_local_onehots))
            margin_loss.backward()
            self.optimizer.step()
            self.scheduler.step(epoch_index + i / num_of_train_batches)
            current_margin_loss += margin_loss.detach()
            last_margin_loss = current_margin_loss / (i + 1)
            tb_x = epoch_index * num_of_train_batches + i + 1
            self.tb_writer.add_scalar('Training/MarginLoss', last_margin_loss, tb_x)
        return current_margin_loss / num_of_train_batches
