"""part of positive project [LG001, LG011]: the nn package re-exports the models, the algorithm wrappers and the REINFORCE chooser."""
# Source: awarebayes/RecNN at e61c7642 (read as is), recnn/nn/__init__.py; cut to the names the notebook uses.
from .algo import Reinforce
from .models import Critic, DiscreteActor
from .update.reinforce import ChooseREINFORCE
