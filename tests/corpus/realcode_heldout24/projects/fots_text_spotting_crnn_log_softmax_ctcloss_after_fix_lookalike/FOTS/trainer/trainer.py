"""part of look-alike project [LG007, LG011, LG012]: the epoch loop: zero_grad, the model's forward, labels encoded by a strLabelConverter, FOTSLoss's two parts summed, backward, step; loss.item() for the epoch log; greedy decoding of the recognizer scores for the metric."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/trainer/trainer.py;
# re-typed, identifiers renamed; the base trainer (checkpoints, monitor), the debug drawing, logging and the validation
# epoch cut.
import numpy as np
import torch

from ..base.base_trainer import BaseTrainer
from ..model.keys import keys
from ..utils.util import strLabelConverter


class Trainer(BaseTrainer):

    def __init__(self, model, loss, metrics, resume, config, data_loader, toolbox, valid_data_loader=None,
                 train_logger=None):
        super(Trainer, self).__init__(model, loss, metrics, resume, config, train_logger)
        self.config = config
        self.data_loader = data_loader
        self.valid_data_loader = valid_data_loader
        self.valid = True if self.valid_data_loader is not None else False
        self.toolbox = toolbox
        self.labelConverter = strLabelConverter(keys)

    def _to_tensor(self, *tensors):
        return [t.to(self.device) for t in tensors]

    def _train_epoch(self, epoch):
        self.model.train()
        total_loss = 0
        total_metrics = np.zeros(3)
        for batch_idx, gt in enumerate(self.data_loader):
            imagePaths, img, score_map, geo_map, training_mask, transcripts, boxes, mapping = gt
            img, score_map, geo_map, training_mask = self._to_tensor(img, score_map, geo_map, training_mask)

            self.optimizer.zero_grad()
            pred_score_map, pred_geo_map, pred_recog, pred_boxes, pred_mapping, indices = self.model.forward(
                img, boxes, mapping)

            transcripts = transcripts[indices]
            pred_boxes = pred_boxes[indices]
            pred_mapping = pred_mapping[indices]
            labels, label_lengths = self.labelConverter.encode(transcripts.tolist())
            recog = (labels, label_lengths)

            det_loss, reg_loss = self.loss(score_map, pred_score_map, geo_map, pred_geo_map, recog, pred_recog,
                                           training_mask)
            loss = det_loss + reg_loss
            loss.backward()
            self.optimizer.step()

            total_loss += loss.item()
            pred_transcripts = []
            if len(pred_mapping) > 0:
                pred, lengths = pred_recog
                _, pred = pred.max(2)
                for i in range(lengths.numel()):
                    l = lengths[i]
                    p = pred[:l, i]
                    pred_transcripts.append(self.labelConverter.decode(p, l))
                pred_transcripts = np.array(pred_transcripts)
            total_metrics += self._eval_metrics((pred_boxes, pred_transcripts), (boxes, transcripts))

        return {'loss': total_loss / len(self.data_loader),
                'precious': total_metrics[0] / len(self.data_loader),
                'recall': total_metrics[1] / len(self.data_loader),
                'hmean': total_metrics[2] / len(self.data_loader)}
