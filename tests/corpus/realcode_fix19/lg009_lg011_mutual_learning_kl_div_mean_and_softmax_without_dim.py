"""positive [LG009, LG011]: the deep-mutual-learning loss of an ensemble learner, picked from a table by the --kd_type setting, scores each model against the others with F.kl_div at its default reduction (mean over elements) of F.log_softmax / F.softmax without dim (the fix passes dim=-1 / dim=1 and reduction='batchmean')."""

# Source: 3neutronstar/knowledge-distillation@49fabfe1af KnowledgeDistillation/dml.py, KnowledgeDistillation/baseKD.py, fixed in 0991b76fe9 (cut, renamed)
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
                kd_loss += F.kl_div(F.log_softmax(my_outputs), F.softmax(other_outputs.data.clone()))  # expect: LG009, LG011
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
