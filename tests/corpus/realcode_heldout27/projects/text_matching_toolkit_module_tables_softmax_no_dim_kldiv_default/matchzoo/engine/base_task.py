"""part of positive project [LG009, LG011]: a task converts the losses it is given (names, classes or instances) through parse_loss, and falls back to its first listed loss."""
# Source: NTMC-Community/MatchZoo-py at 0e5c04e1, matchzoo/engine/base_task.py; re-typed, identifiers renamed; the metric handling shortened.
import abc

from matchzoo.utils import parse_loss


class BaseTask(abc.ABC):
    TYPE = 'base'

    def __init__(self, losses=None, metrics=None):
        self._losses = self._convert(losses, parse_loss)
        self._metrics = metrics
        self._assure_losses()

    def _convert(self, identifiers, parse):
        if not identifiers:
            identifiers = []
        elif not isinstance(identifiers, list):
            identifiers = [identifiers]
        return [parse(identifier, self.__class__.TYPE) for identifier in identifiers]

    def _assure_losses(self):
        if not self._losses:
            first_available = self.list_available_losses()[0]
            self._losses = self._convert(first_available, parse_loss)

    @property
    def losses(self):
        return self._losses

    @losses.setter
    def losses(self, new_losses):
        self._losses = self._convert(new_losses, parse_loss)

    @classmethod
    @abc.abstractmethod
    def list_available_losses(cls) -> list:
        """:return: a list of available losses."""
