"""part of positive project [LG009, LG011]: the trainer feeds one sentence pair at a time, gives the criterion the model's log-probabilities against the sparse target distribution of the relatedness score, back-propagates every pair and steps/zeroes every batchsize pairs (accumulation on purpose); losses are summed as err.data[0]."""
# Source: ttpro1995/treelstm.pytorch at 5363ef3a (read as is), trainer.py; re-typed, identifiers renamed; the
# sentiment trainer cut. Python 2 leftovers kept as names (xrange); utils.map_label_to_target is not included.
import torch
from torch.autograd import Variable as Var
from tqdm import tqdm

from utils import map_label_to_target


class PairTrainer(object):
    def __init__(self, args, model, criterion, optimizer):
        super(PairTrainer, self).__init__()
        self.args = args
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.epoch = 0

    def train(self, dataset):
        self.model.train()
        self.optimizer.zero_grad()
        total, k = 0.0, 0
        order = torch.randperm(len(dataset))
        for idx in tqdm(xrange(len(dataset)), desc='Training epoch ' + str(self.epoch + 1)):
            ltree, lsent, rtree, rsent, label = dataset[order[idx]]
            linput, rinput = Var(lsent), Var(rsent)
            target = Var(map_label_to_target(label, dataset.num_classes))
            if self.args.cuda:
                linput, rinput = linput.cuda(), rinput.cuda()
                target = target.cuda()
            output = self.model(ltree, linput, rtree, rinput)
            err = self.criterion(output, target)
            total += err.data[0]
            err.backward()
            k += 1
            if k % self.args.batchsize == 0:
                self.optimizer.step()
                self.optimizer.zero_grad()
        self.epoch += 1
        return total / len(dataset)

    def test(self, dataset):
        self.model.eval()
        total = 0
        predictions = torch.zeros(len(dataset))
        scale = torch.range(1, dataset.num_classes)
        for idx in tqdm(xrange(len(dataset)), desc='Testing epoch ' + str(self.epoch)):
            ltree, lsent, rtree, rsent, label = dataset[idx]
            linput, rinput = Var(lsent, volatile=True), Var(rsent, volatile=True)
            target = Var(map_label_to_target(label, dataset.num_classes), volatile=True)
            if self.args.cuda:
                linput, rinput = linput.cuda(), rinput.cuda()
                target = target.cuda()
            output = self.model(ltree, linput, rtree, rinput)
            err = self.criterion(output, target)
            total += err.data[0]
            predictions[idx] = torch.dot(scale, torch.exp(output.data.cpu()))
        return total / len(dataset), predictions
