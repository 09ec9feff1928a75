"""look-alike [LG007, LG008, LG009, LG006]: the early-exit classifier's loss passes each exit's scores through an attribute named softmax that is nn.LogSoftmax into nn.NLLLoss and into nn.KLDivLoss(reduction='batchmean') against detached teacher probabilities, summing the per-exit losses within one call."""
# Source: alibaba/EasyNLP at a4ee956 (read as is), easynlp/appzoo/geep_classification/model.py; re-typed, identifiers
# renamed; from_pretrained's state-dict surgery, the inference branch of forward and the backbone cut.
import torch
import torch.nn as nn

from ...modelzoo import AutoConfig
from ..application import Application
from .geep_modeling import EarlyExitModel, ExitClassifier


class EarlyExitClassification(Application):
    def __init__(self, pretrained_model_name_or_path, user_defined_parameters, **kwargs):
        super().__init__()
        self.softmax = nn.LogSoftmax(dim=-1)
        self.criterion = nn.NLLLoss()
        self.soft_criterion = nn.KLDivLoss(reduction='batchmean')
        if pretrained_model_name_or_path is not None:
            self.mode = 'train'
            self.threshold = 0
            self.exit_num = min(max(int(user_defined_parameters['geep_exit_num']), 4), 12)
            self.config = AutoConfig.from_pretrained(pretrained_model_name_or_path)
            self.config.exit_num = self.exit_num
            self.backbone = EarlyExitModel.from_pretrained(pretrained_model_name_or_path)
            if 'num_labels' in kwargs:
                self.config.num_labels = kwargs['num_labels']
            self.classifiers = nn.ModuleList(
                [ExitClassifier(self.config.hidden_size, self.config.num_labels) for _ in range(0, self.exit_num + 1)])
            self.teacher_classifier = self.classifiers[-1]
            self.dropout = nn.Dropout(self.config.hidden_dropout_prob)

    def forward(self, inputs):
        inputs['classifiers'] = self.classifiers
        inputs['mode'] = self.mode
        inputs['output_hidden_states'] = True
        inputs['exit_num'] = self.exit_num
        out = self.backbone(**inputs)
        per_layer = []
        for hidden in out.hidden_states:
            per_layer.append(self.teacher_classifier(hidden))
        return {
            'hidden': hidden,
            'logits': per_layer[-1],
            'logits_list': per_layer,
            'predictions': torch.argmax(per_layer[-1], dim=-1),
            'probabilities': torch.softmax(per_layer[-1], dim=-1),
            'sub_hidden_states': out['cross_attentions'],
        }

    def compute_loss(self, forward_outputs, label_ids, **kwargs):
        hard = 0
        per_exit = []
        teacher_scores = None
        n = len(forward_outputs['logits_list'])
        for i in range(0, n):
            scores = forward_outputs['logits_list'][i]
            teacher_scores = scores
            one = self.criterion(self.softmax(scores.view(-1, self.config.num_labels)), label_ids.view(-1))
            per_exit.append(one)
            hard += one
        teacher_probs = nn.functional.softmax(teacher_scores, dim=1).detach()
        soft = 0
        for i in range(0, n - 1):
            hidden = forward_outputs['sub_hidden_states'][i]
            student = self.classifiers[i](hidden).view(-1, self.config.num_labels)
            soft += self.soft_criterion(self.softmax(student), teacher_probs)
        return {'loss': hard + soft}
