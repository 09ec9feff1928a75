"""positive [LG016]: PyKEEN's BCEAfterSigmoidLoss.forward returns functional.binary_cross_entropy(x.sigmoid(), target, ...), the explicit sigmoid + BCE its own docstring calls numerically unstable (offered next to the fused BCEWithLogitsLoss)."""
# Source: pykeen/pykeen@05c7bbb20c952f3e5e958e694344ace4005b1bbb src/pykeen/losses.py (cut at function boundaries: the imports without the module docstring and from __future__ import annotations, the Loss and PointwiseLoss base classes, and BCEAfterSigmoidLoss)
import logging
import math
from abc import abstractmethod
from collections.abc import Callable, Mapping
from textwrap import dedent
from typing import Any, ClassVar, Literal, TypeAlias

import torch
from class_resolver import ClassResolver, Hint
from class_resolver.contrib.torch import margin_activation_resolver
from docdata import parse_docdata
from torch import nn
from torch.nn import functional
from torch.nn.modules.loss import _Loss

from .typing import BoolTensor, FloatTensor, LongTensor

class Loss(_Loss):
    """A loss function."""

    reduction: Reduction
    _reduction_method: ReductionMethod

    #: synonyms of this loss
    synonyms: ClassVar[set[str] | None] = None

    #: The default strategy for optimizing the loss's hyper-parameters
    hpo_default: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, reduction: Reduction = "mean"):
        """
        Initialize the loss.

        :param reduction:
            the reduction, cf. :mod:`pykeen.nn.modules._Loss`
        """
        super().__init__(reduction=reduction)
        self._reduction_method = _REDUCTION_METHODS[reduction]

    def _raise_on_weights(self, weight: FloatTensor | None) -> None:
        """Raise an error when weights are passed."""
        if weight is not None:
            raise NoSampleWeightSupportError(self)

    @abstractmethod
    def process_slcwa_scores(
        self,
        positive_scores: FloatTensor,
        negative_scores: FloatTensor,
        # TODO: why is label smoothing part of the process_*_scores call?!
        label_smoothing: float | None = None,
        batch_filter: BoolTensor | None = None,
        num_entities: int | None = None,
        pos_weights: FloatTensor | None = None,
        neg_weights: FloatTensor | None = None,
    ) -> FloatTensor:
        """
        Process scores from sLCWA training loop.

        :param positive_scores: shape: (batch_size, 1)
            The scores for positive triples.
        :param negative_scores: shape: (batch_size, num_neg_per_pos) or (num_unfiltered_negatives,)
            The scores for the negative triples, either in dense 2D shape, or in case they are already filtered, in
            sparse shape. If they are given in sparse shape, batch_filter needs to be provided, too.
        :param label_smoothing:
            An optional label smoothing parameter.
        :param batch_filter: shape: (batch_size, num_neg_per_pos)
            An optional filter of negative scores which were kept. Given if and only if negative_scores have been
            pre-filtered.
        :param num_entities:
            The number of entities. Only required if label smoothing is enabled.
        :param pos_weights: shape: (batch_size, 1)
            Positive sample weights.
        :param neg_weights: shape: (batch_size, num_neg_per_pos)
            Negative sample weights.

        :return:
            A scalar loss term.
        """
        raise NotImplementedError

    @abstractmethod
    def process_lcwa_scores(
        self,
        predictions: FloatTensor,
        labels: FloatTensor,
        label_smoothing: float | None = None,
        num_entities: int | None = None,
        weights: FloatTensor | None = None,
    ) -> FloatTensor:
        """
        Process scores from LCWA training loop.

        :param predictions: shape: ``(*shape)``
            The scores.
        :param labels: shape: ``(*shape)``
            The labels.
        :param label_smoothing:
            An optional label smoothing parameter.
        :param num_entities:
            The number of entities (required for label-smoothing).
        :param weights: shape: ``(*shape)``
            Sample weights.

        :return:
            A scalar loss value.
        """
        raise NotImplementedError


class PointwiseLoss(Loss):
    """Pointwise loss functions compute an independent loss term for each triple-label pair."""

    @abstractmethod
    def forward(self, x: FloatTensor, target: FloatTensor, weight: FloatTensor) -> FloatTensor:
        """
        Calculate the point-wise loss.

        :param x:
            The predictions.
        :param target:
            The target values (between 0 and 1).
        :param weight:
            The sample weights.

        :return:
            The scalar loss value.
        """
        raise NotImplementedError

    # docstr-coverage: inherited
    def process_slcwa_scores(
        self,
        positive_scores: FloatTensor,
        negative_scores: FloatTensor,
        # TODO: why is label smoothing part of the process_*_scores call?!
        label_smoothing: float | None = None,
        batch_filter: BoolTensor | None = None,
        num_entities: int | None = None,
        pos_weights: FloatTensor | None = None,
        neg_weights: FloatTensor | None = None,
    ) -> FloatTensor:
        # note: batch_filter
        #  - negative scores have already been pre-filtered
        #  - positive scores do not need to be filtered here
        # flatten and stack
        positive_scores = positive_scores.view(-1)
        negative_scores = negative_scores.view(-1)
        predictions = torch.cat([positive_scores, negative_scores], dim=0)
        labels = torch.cat([torch.ones_like(positive_scores), torch.zeros_like(negative_scores)])
        if pos_weights is None and neg_weights is None:
            weights = None
        else:
            # TODO: broadcasting?
            weights = torch.ones_like(predictions)
            if pos_weights is not None:
                weights[: len(positive_scores)] = pos_weights.view(-1)
            if neg_weights is not None:
                weights[len(positive_scores) :] = neg_weights.view(-1)
        return self.process_lcwa_scores(
            predictions=predictions,
            labels=labels,
            label_smoothing=label_smoothing,
            num_entities=num_entities,
            weights=weights,
        )

    # docstr-coverage: inherited
    def process_lcwa_scores(
        self,
        predictions: FloatTensor,
        labels: FloatTensor,
        label_smoothing: float | None = None,
        num_entities: int | None = None,
        weights: FloatTensor | None = None,
    ) -> FloatTensor:
        labels = apply_label_smoothing(labels=labels, epsilon=label_smoothing, num_classes=num_entities)
        return self(x=predictions, target=labels, weight=weights)


class PairwiseLoss(Loss):
    """Pairwise loss functions compare the scores of a positive triple and a negative triple."""

    @abstractmethod
    def forward(
        self,
        pos_scores: FloatTensor,
        neg_scores: FloatTensor,
        pos_weights: FloatTensor | None = None,
        neg_weights: FloatTensor | None = None,
    ) -> FloatTensor:
        """
        Calculate the point-wise loss.

        .. note::
            The positive and negative scores need to be broadcastable.

        .. note ::
            If given, the positve/negative weight needs to be broadcastable to the respective scores.

        :param pos_scores:
            The positive scores.
        :param neg_scores:
            The negative scores.
        :param pos_weights:
            The sample weights for positives.
        :param neg_weights:
            The sample weights for negatives.

        :return:
            The scalar loss value.
        """
        raise NotImplementedError


class SetwiseLoss(Loss):
    """Setwise loss functions compare the scores of several triples."""



@parse_docdata
class BCEAfterSigmoidLoss(PointwiseLoss):
    """The numerically unstable version of explicit Sigmoid + BCE loss.

    .. note::

        The related :mod:`torch` module is :class:`torch.nn.BCELoss`, but it can not be used
        interchangeably in PyKEEN because of the extended functionality implemented in PyKEEN's loss functions.
    ---
    name: Binary cross entropy (after sigmoid)
    """

    # docstr-coverage: inherited
    def forward(self, x: FloatTensor, target: FloatTensor, weight: FloatTensor | None = None) -> FloatTensor:  # noqa: D102
        return functional.binary_cross_entropy(x.sigmoid(), target, weight=weight, reduction=self.reduction)  # expect: LG016
