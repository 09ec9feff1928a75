"""look-alike [LG014]: the same caption decoder solver at the fix commit: self.optimizer.zero_grad() before each caption's words are scored."""

# Source: daveredrum/3d-captioning@4fd70b6898 solver.py (the fix commit; cut, renamed)
import numpy as np
import torch
from sklearn.metrics import accuracy_score
from torch.autograd import Variable


class EncoderSolver():
    def __init__(self, optimizer, criterion, cuda_flag=True):
        self.optimizer = optimizer
        self.criterion = criterion
        self.cuda_flag = cuda_flag

    def train(self, model, dataloader, epoch):
        for epoch_id in range(epoch):
            losses = []
            for image, label in dataloader["train"]:
                inputs = Variable(image).cuda() if self.cuda_flag else Variable(image)
                targets = Variable(label).cuda() if self.cuda_flag else Variable(label)
                outputs = model(inputs)
                self.optimizer.zero_grad()
                loss = self.criterion(outputs, targets)
                _, preds = torch.max(outputs, 1)
                acc = accuracy_score(preds.data.cpu().numpy(), targets.data.cpu().numpy())
                loss.backward()
                self.optimizer.step()
                losses.append(loss.data[0])
            print("[epoch %d]: train_loss: %f, acc: %f" % (epoch_id + 1, np.mean(losses), acc))


class DecoderSolver():
    def __init__(self, optimizer, criterion, cuda_flag=True):
        self.optimizer = optimizer
        self.criterion = criterion
        self.cuda_flag = cuda_flag
        self.log = {}

    def train(self, model, training_pairs, epoch):
        for epoch_id in range(epoch):
            log = []
            for visual_context, caption in training_pairs:
                caption_size = len(caption)
                loss = 0
                self.optimizer.zero_grad()
                visual_inputs = Variable(torch.from_numpy(visual_context)).view(1, 1, visual_context.shape[0])
                hiddens = (visual_inputs, Variable(torch.zeros(*(list(visual_inputs.size())))))
                if self.cuda_flag:
                    visual_inputs = visual_inputs.cuda()
                    hiddens = (visual_inputs, hiddens[1].cuda())
                for text_id in range(caption_size - 2):
                    caption_inputs = Variable(torch.tensor(caption[text_id])).view(1, 1)
                    caption_targets = Variable(torch.tensor(caption[text_id + 1])).view(1)
                    if self.cuda_flag:
                        caption_inputs, caption_targets = caption_inputs.cuda(), caption_targets.cuda()
                    outputs, hiddens = model(caption_inputs, hiddens)
                    loss += self.criterion(outputs.view(1, -1), caption_targets)
                loss.backward()
                self.optimizer.step()
                log.append(loss.data[0] / caption_size)
            print("[epoch %d] training loss: %f" % (epoch_id + 1, np.mean(log)))
