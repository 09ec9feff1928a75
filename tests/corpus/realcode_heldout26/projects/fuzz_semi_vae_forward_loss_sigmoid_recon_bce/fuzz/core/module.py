"""part of positive project [LG016]: the base module: get_loss returns self.loss when forward stored one, else cross entropy on logits against the argmax of one-hot targets; batch_training clears the gradients, runs forward, back-propagates the loss and steps, summing loss.data for the report."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/core/func.py (get_loss,
# cross_entropy_loss) and fuzz/core/epoch.py (batch_training), merged into one base class; re-typed, identifiers renamed;
# run() (fuzz/core/epoch.py) cut to its epoch loop; the missing-label handling, the fault-detection statistics and the
# scheduler branches shortened (load_mnist, build_sequential stand for the cut parts).
import torch
import torch.nn as nn


class Module(nn.Module):
    def __init__(self, **kwargs):
        super(Module, self).__init__()
        for key, value in kwargs.items():
            setattr(self, key, value)
        self.loss = None
        self._target = None

    def Sequential(self, struct, hidden_func, dropout=None):
        return build_sequential(struct, hidden_func, dropout)

    def opt(self):
        self.optimizer = torch.optim.Adam(self.parameters(), lr=self.lr)

    def get_loss(self, output, target):
        if hasattr(self, 'loss') and self.loss is not None:
            loss = self.loss
        elif isinstance(self.L, nn.CrossEntropyLoss):
            loss = self.cross_entropy_loss(output, target)
            output = torch.softmax(output, dim=1)
        else:
            loss = self.L(output, target)
        if hasattr(self, '_loss') and self.training:
            loss += self._loss
        return output, loss

    def cross_entropy_loss(self, logits, target):
        target = torch.argmax(target, 1).long()
        return nn.functional.cross_entropy(logits, target)

    def batch_training(self, epoch):
        self = self.to(self.dvc)
        self.train()
        train_loss, sample_count = 0, 0
        for batch_idx, (data, target) in enumerate(self.train_loader):
            data, target = data.to(self.dvc), target.to(self.dvc)
            self._target = target
            self.zero_grad()
            output = self.forward(data)
            output, loss = self.get_loss(output, target)
            if hasattr(self, 'jump_bp') == False or self.jump_bp == False:
                loss.backward()
                self.optimizer.step()
            sample_count += data.size(0)
            train_loss += (loss.data.cpu() * data.size(0))
        print('Epoch: {} loss: {:.4f}'.format(epoch, train_loss / sample_count))

    def run(self, e=100, pre_e=0, load='', n_sampling=0):
        for epoch in range(1, e + 1):
            self.batch_training(epoch)
