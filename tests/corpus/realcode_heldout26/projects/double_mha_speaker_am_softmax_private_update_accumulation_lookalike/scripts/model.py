"""part of look-alike project [LG001, LG006, LG014, LG017]: the speaker classifier: a VGG front end, double multi-head attention pooling, two fully connected layers and the AM-softmax prediction layer, whose two outputs forward returns."""
# Source: miquelindia90/DoubleAttentionSpeakerVerification at 5c8aa5de (read as is), scripts/model.py; re-typed, identifiers renamed;
# the front-end and pooling choices cut to one each (VGG4L, DoubleMHA imported as in the source).
import torch
from torch import nn
from torch.nn import functional as F

from CNNs import VGG4L, getVGG4LOutputDimension
from loss import AMSoftmax
from poolings import DoubleMHA


class SpeakerClassifier(nn.Module):

    def __init__(self, parameters, device):
        super().__init__()
        parameters.feature_size = 80
        self.device = device
        self.vector_size = getVGG4LOutputDimension(parameters.feature_size, outputChannel=parameters.kernel_size)
        self.front_end = VGG4L(parameters.kernel_size)
        self.poolingLayer = DoubleMHA(self.vector_size, parameters.heads_number, mask_prob=parameters.mask_prob)
        self.vector_size = self.vector_size // parameters.heads_number
        self.fc1 = nn.Linear(self.vector_size, parameters.embedding_size)
        self.fc2 = nn.Linear(parameters.embedding_size, parameters.embedding_size)
        self.b2 = nn.BatchNorm1d(parameters.embedding_size)
        self.preLayer = nn.Linear(parameters.embedding_size, parameters.embedding_size)
        self.predictionLayer = AMSoftmax(parameters.embedding_size, parameters.num_spkrs, s=parameters.scalingFactor,
                                         m=parameters.marginFactor, annealing=parameters.annealing)

    def getEmbedding(self, x):
        encoder_output = self.front_end(x)
        embedding0, alignment = self.poolingLayer(encoder_output)
        embedding1 = F.relu(self.fc1(embedding0))
        return self.b2(F.relu(self.fc2(embedding1)))

    def forward(self, x, label=None, step=0):
        encoder_output = self.front_end(x)
        embedding0, alignment = self.poolingLayer(encoder_output)
        embedding1 = F.relu(self.fc1(embedding0))
        embedding2 = self.b2(F.relu(self.fc2(embedding1)))
        embedding3 = self.preLayer(embedding2)
        prediction, outputTensor = self.predictionLayer(embedding3, label, step)
        return prediction, outputTensor
