"""look-alike [LG009, LG011]: the same mutual-learning loss at the fix commit: F.log_softmax(dim=-1) and F.softmax(dim=1) scored by F.kl_div with reduction="batchmean"."""

# Source: 3neutronstar/knowledge-distillation@0991b76fe9 KnowledgeDistillation/dml.py, KnowledgeDistillation/baseKD.py (the fix commit; cut, renamed)
import torch.nn as nn
import torch.nn.functional as F


class DeepMutualLearning(nn.Module):
    def __init__(self):
        super(DeepMutualLearning, self).__init__()

    def forward(self, idx, outputs):
        my_outputs = outputs[idx]
        kd_loss = 0
        for i, other_outputs in enumerate(outputs):
            if i != idx:
                kd_loss += F.kl_div(F.log_softmax(my_outputs, dim=-1), F.softmax(other_outputs.data.clone(), dim=1), reduction='batchmean')
        kd_loss /= i - 1
        return kd_loss


ENSEMBLEKD = {'dml': DeepMutualLearning}


class EnsembleLearner(object):
    def __init__(self, models, optimizers, criterions, train_loader, configs):
        self.model = models
        self.optimizer = optimizers
        self.criterion = criterions
        self.train_loader = train_loader
        self.kd_criterion = ENSEMBLEKD[configs['kd_type']]()

    def _train(self, epoch):
        running_loss = 0.0
        for batch_idx, (data, target) in enumerate(self.train_loader):
            outputs, losses = [], []
            for m, criterion in zip(self.model, self.criterion):
                output = m(data)
                losses.append(criterion(output, target))
                outputs.append(output)
            for idx, (optim, c_l) in enumerate(zip(self.optimizer, losses)):
                optim.zero_grad()
                model_loss = c_l + self.kd_criterion(idx, outputs)
                model_loss.backward(retain_graph=True)
                optim.step()
                running_loss += model_loss.item()
        return running_loss
